package io.threatflow.connector.webhook;

/**
 * The webhook could not be delivered or the receiver failed (a timeout, 408, 429, 5xx, an unexpected answer):
 * a technical failure, so the job retries with the same idempotency key and, when its retries are used up, the
 * incident shows this message. It names the receiver by host only, never the URL's path or query, nor the secret.
 */
class WebhookFailedException extends RuntimeException {

    WebhookFailedException(String message) {
        super(message);
    }

    WebhookFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
