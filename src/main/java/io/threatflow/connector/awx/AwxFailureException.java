package io.threatflow.connector.awx;

import io.threatflow.connector.ConnectorFailureException;
import java.time.Duration;

/**
 * AWX could not be reached, answered with an error a later try may not meet, or its job failed or is still
 * running: a technical failure, so the job retries and, when retries run out, the incident shows this message.
 */
class AwxFailureException extends ConnectorFailureException {

    AwxFailureException(String message) {
        super(message);
    }

    AwxFailureException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
