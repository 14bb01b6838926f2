package io.threatflow.threat;

import java.time.Instant;

/**
 * Published when a threat's case closes it (eliminated, mitigated or false positive); listeners that count it
 * should wait for the commit.
 *
 * @param severity the assessed severity, or the reported one when the case closed before the assessment
 * @param dryRun   the case changed nothing: its outcome is what would have happened, not what did
 */
public record ThreatClosed(String threatId, ThreatStatus outcome, ThreatType type, Severity severity,
                           Instant reportedAt, Instant closedAt, boolean dryRun) {
}
