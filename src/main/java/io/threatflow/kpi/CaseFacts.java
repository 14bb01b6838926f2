package io.threatflow.kpi;

import io.threatflow.remediation.Step;
import io.threatflow.sla.Sla;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the KPIs need to know of one case (one threat of the register and its remediation case), as loaded
 * for a window by {@link KpiFactsLoader}.
 *
 * @param severity        the register's severity, the reported one while none is assessed; null when neither is known
 * @param acknowledgedAt  when the triage task was first claimed, or completed if nobody claimed it; null before that
 * @param nextReportedAt  for a closed case, the first later report with the same fingerprint (intake's
 *                        {@code threat.Fingerprints}: the source's reference, or asset, type and CVE or port)
 * @param steps           for a case closed in the window, the span of each step it went through
 * @param breaches        for a case closed in the window, the service levels it breached; for a case open at the
 *                        window's end, those it had missed by then (recorded, or its due time passed undone)
 */
record CaseFacts(String threatId, Severity severity, ThreatStatus status, Instant reportedAt, Instant acknowledgedAt,
                 Instant containedAt, Instant closedAt, Instant nextReportedAt, Map<Step, StepSpan> steps,
                 Set<Sla> breaches) {

    /**
     * From the start of a step's first activity instance to the end of its last one; {@code lastEnd} is null
     * while one of them is still running.
     */
    record StepSpan(Instant firstStart, Instant lastEnd) {
    }
}
