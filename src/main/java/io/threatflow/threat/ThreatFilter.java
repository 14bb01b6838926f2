package io.threatflow.threat;

import java.time.Instant;

/** Which threats a search returns; a null field does not filter. */
public record ThreatFilter(ThreatStatus status, Severity severity, ThreatType type, String asset,
                           Instant reportedSince) {
}
