package io.threatflow.threat;

import java.time.Instant;

/** A report of a threat that was already open. */
public record Sighting(String threatId, String source, String sourceRef, Severity reportedSeverity,
                       boolean severityRaised, String reportedBy, Instant seenAt) {
}
