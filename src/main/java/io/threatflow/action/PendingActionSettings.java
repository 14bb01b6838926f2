package io.threatflow.action;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code threatflow.connectors.result-timeout}: how long a case waits for the result of an action its target
 * accepted for later before the managers are told (default 4 hours). The case goes on waiting.
 */
@ConfigurationProperties("threatflow.connectors")
public record PendingActionSettings(Duration resultTimeout) {

    public PendingActionSettings {
        resultTimeout = resultTimeout == null ? Duration.ofHours(4) : resultTimeout;
        if (resultTimeout.isNegative() || resultTimeout.isZero()) {
            throw new IllegalArgumentException("threatflow.connectors.result-timeout must be positive");
        }
    }
}
