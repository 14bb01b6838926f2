package io.threatflow.threat;

import java.time.Instant;
import java.util.Set;

/**
 * Which threats a search returns; a null field does not filter.
 *
 * @param cve           the CVE id, exactly (case-insensitive)
 * @param titleContains words the title contains, case-insensitive
 * @param ids           only these threats (e.g. those with a task of one assignee); empty matches none
 */
public record ThreatFilter(ThreatStatus status, Severity severity, ThreatType type, String asset,
                           Instant reportedSince, String cve, String titleContains, SlaStanding sla, Set<String> ids) {

    public ThreatFilter(ThreatStatus status, Severity severity, ThreatType type, String asset, Instant reportedSince) {
        this(status, severity, type, asset, reportedSince, null, null, null, null);
    }
}
