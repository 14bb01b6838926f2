package io.threatflow.notification;

/**
 * A delivery attempt that did not reach its recipient. The message is written for the outbox, the log and
 * the timeline, so it names the channel and the route and never holds a webhook URL or a password.
 *
 * @see Secrets
 */
class DeliveryException extends RuntimeException {

    private final boolean permanent;

    DeliveryException(String safeMessage, boolean permanent) {
        super(safeMessage, null, false, false);
        this.permanent = permanent;
    }

    /** Whether trying again cannot help (a webhook that is gone, a request the service refuses). */
    boolean permanent() {
        return permanent;
    }
}
