package io.threatflow.threat;

import java.time.Instant;

/** Published when a reported threat enters the register; listeners that count it should wait for the commit. */
public record ThreatRegistered(String threatId, ThreatType type, Severity reportedSeverity, Instant reportedAt,
                               boolean dryRun) {
}
