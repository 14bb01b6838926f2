package io.threatflow.threat;

import java.time.Instant;

/**
 * A threat as reported, before it is registered.
 *
 * @param dryRun the reporter asks for a dry run: record what would be done, change nothing
 */
public record NewThreat(
        String title,
        ThreatType type,
        String assetName,
        String description,
        Severity reportedSeverity,
        String cve,
        Integer port,
        String source,
        String sourceRef,
        Instant detectedAt,
        boolean dryRun) {
}
