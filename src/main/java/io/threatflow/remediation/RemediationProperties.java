package io.threatflow.remediation;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param maxRetries how often eradication is tried again while validation still finds the threat */
@Validated
@ConfigurationProperties("threatflow.remediation")
public record RemediationProperties(@Min(0) int maxRetries) {
}
