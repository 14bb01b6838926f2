package io.threatflow.remediation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code threatflow.ssvc.epss-poc-threshold}: above this EPSS score a weakness counts as having a public proof of
 * concept in SSVC's decision point Exploitation (decision ssvc-exploitation); default 0.1.
 */
@ConfigurationProperties("threatflow.ssvc")
public record SsvcSettings(Double epssPocThreshold) {

    public SsvcSettings {
        epssPocThreshold = epssPocThreshold == null ? 0.1 : epssPocThreshold;
        if (epssPocThreshold.isNaN() || epssPocThreshold < 0 || epssPocThreshold > 1) {
            throw new IllegalArgumentException("threatflow.ssvc.epss-poc-threshold must be between 0 and 1");
        }
    }
}
