package io.threatflow.validation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code threatflow.validation.source-word-timeout}: how long a case whose threat validation cannot observe for
 * itself waits for the source's next word on the finding (an OCSF finding, Resolved or still open) before an
 * analyst is asked to confirm the validation with evidence. A weekly scan needs a week; the default is 7 days.
 */
@ConfigurationProperties("threatflow.validation")
public record SourceWordSettings(Duration sourceWordTimeout) {

    public SourceWordSettings {
        sourceWordTimeout = sourceWordTimeout == null ? Duration.ofDays(7) : sourceWordTimeout;
        if (sourceWordTimeout.isNegative() || sourceWordTimeout.isZero()) {
            throw new IllegalArgumentException("threatflow.validation.source-word-timeout must be positive");
        }
    }
}
