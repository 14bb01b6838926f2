package io.threatflow.threat;

import java.time.Instant;
import java.util.Map;

/** @param dryRun the case records what it would do and changes nothing; asked for in the report or by the node */
public record Threat(
        String id,
        String title,
        String description,
        ThreatType type,
        Severity severity,
        Severity reportedSeverity,
        boolean knownExploited,
        String assetId,
        String assetName,
        String cve,
        Integer port,
        String source,
        String sourceRef,
        ThreatStatus status,
        String processInstanceId,
        Instant reportedAt,
        Instant detectedAt,
        Map<Phase, Instant> phases,
        boolean dryRun) {

    /**
     * What a scanner looks for on the asset while this threat persists, where the threat is not
     * already visible in the asset's own state (open port, OS support, credentials).
     */
    public String findingKey() {
        if (type == ThreatType.VULNERABILITY && cve != null) {
            return cve;
        }
        return type + ":" + id;
    }
}
