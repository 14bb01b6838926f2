package io.threatflow.kpi;

import io.threatflow.remediation.Step;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.threatflow.sla.Sla;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatStatus;
import java.time.Instant;
import java.util.Map;

/**
 * The threat KPIs of one time window {@code [from, to)}, as served by {@code GET /api/metrics}. Durations are
 * seconds (up to 3 decimals), rates 0..1 (4 decimals); either is {@code null} when there is nothing to
 * measure. Every record writes its nulls, whatever the application's default inclusion is.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiReport(Instant from, Instant to, Instant generatedAt, Slice overall, Map<Severity, Slice> bySeverity,
                        Backlog backlog) {

    /** The KPIs of the cases of one severity, or of all cases. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Slice(long reported, long closed, Stat mtta, Stat mttc, Stat mttr, Map<Step, Stat> steps,
                        SlaBreaches slaBreaches, Map<ThreatStatus, Long> outcomes, Recurrence recurrence) {
    }

    /** A sample of durations: its size, mean and nearest-rank 50th and 90th percentiles, in seconds. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Stat(long count, Double meanSeconds, Double p50Seconds, Double p90Seconds) {
    }

    /** Of the cases closed in the window: how many breached at least one service level, and each of them. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SlaBreaches(long cases, long breachedCases, Double rate, Map<Sla, Long> bySla) {
    }

    /** Of the cases closed in the window: how many were followed by a new case on the same asset and type. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Recurrence(long closed, long recurred, Double rate) {
    }

    /**
     * The cases open at {@code asOf} (the window's end), by severity and age, and the accepted residual risks whose
     * review date had come by then without a new review ({@code overdueRiskReviews}).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Backlog(Instant asOf, Map<Severity, BacklogSlice> bySeverity, long total, long overdueRiskReviews) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BacklogSlice(long open, Map<Age, Long> ages) {
    }

    /** How long an open case has been open: under a day, 1 to 7 days, 7 to 30 days, 30 days or more. */
    public enum Age {
        UNDER_1D, D1_TO_7, D7_TO_30, OVER_30D
    }
}
