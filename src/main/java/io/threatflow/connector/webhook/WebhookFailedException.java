package io.threatflow.connector.webhook;

import io.threatflow.connector.ConnectorFailureException;

/**
 * The webhook could not be delivered or the receiver failed (a timeout, 408, 429, 5xx, an unexpected answer):
 * a technical failure, so the job retries with the same idempotency key and, when its retries are used up, the
 * incident shows this message. It names the receiver by host only, never the URL's path or query, nor the secret.
 */
class WebhookFailedException extends ConnectorFailureException {

    WebhookFailedException(String message) {
        super(message);
    }

    WebhookFailedException(String message, java.time.Duration retryAfter) {
        super(message, retryAfter);
    }

}
