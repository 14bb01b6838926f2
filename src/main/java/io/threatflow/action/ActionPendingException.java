package io.threatflow.action;

/**
 * Thrown by a port when the target accepted the action but carries it out later and posts its result (the
 * webhook's {@code 202 Accepted}): the action is logged {@link ActionStatus#PENDING} and the case waits.
 */
public class ActionPendingException extends RuntimeException {

    public ActionPendingException(String detail) {
        super(detail);
    }
}
