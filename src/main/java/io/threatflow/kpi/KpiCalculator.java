package io.threatflow.kpi;

import io.threatflow.remediation.Step;
import io.threatflow.kpi.KpiReport.Age;
import io.threatflow.kpi.KpiReport.Backlog;
import io.threatflow.kpi.KpiReport.BacklogSlice;
import io.threatflow.kpi.KpiReport.Recurrence;
import io.threatflow.kpi.KpiReport.SlaBreaches;
import io.threatflow.kpi.KpiReport.Slice;
import io.threatflow.kpi.KpiReport.Stat;
import io.threatflow.sla.Sla;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The KPIs of a window from the facts of its cases: no database, no clock, so every rule is checked on
 * known numbers. Which cases count where is defined in docs/metrics.md.
 */
final class KpiCalculator {

    /** The same fingerprint reported again within this time after a closure is a recurrence. */
    static final Duration RECURRENCE_PERIOD = Duration.ofDays(30);

    private static final List<Severity> MOST_SEVERE_FIRST =
            List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
    private static final List<ThreatStatus> OUTCOMES =
            List.of(ThreatStatus.ELIMINATED, ThreatStatus.MITIGATED, ThreatStatus.FALSE_POSITIVE);

    private KpiCalculator() {
    }

    /** @param overdueRiskReviews accepted risks whose review was due by the window's end and not done by then */
    static KpiReport report(KpiWindow window, List<CaseFacts> cases, long overdueRiskReviews, Instant generatedAt) {
        Map<Severity, Slice> bySeverity = new LinkedHashMap<>();
        for (Severity severity : MOST_SEVERE_FIRST) {
            bySeverity.put(severity, slice(window, cases.stream().filter(c -> c.severity() == severity).toList()));
        }
        return new KpiReport(window.from(), window.to(), generatedAt, slice(window, cases),
                Collections.unmodifiableMap(bySeverity), backlog(window.to(), cases, overdueRiskReviews));
    }

    static Slice slice(KpiWindow window, List<CaseFacts> cases) {
        List<CaseFacts> closed = cases.stream().filter(c -> window.contains(c.closedAt())).toList();
        Map<Step, Stat> steps = new EnumMap<>(Step.class);
        for (Step step : Step.FIVE) {
            steps.put(step, stat(closed.stream().map(c -> c.steps().get(step))
                    .filter(span -> span != null && span.lastEnd() != null)
                    .map(span -> Duration.between(span.firstStart(), span.lastEnd()))));
        }
        Map<ThreatStatus, Long> outcomes = new LinkedHashMap<>();
        OUTCOMES.forEach(outcome -> outcomes.put(outcome, closed.stream().filter(c -> c.status() == outcome).count()));
        return new Slice(
                cases.stream().filter(c -> window.contains(c.reportedAt())).count(),
                closed.size(),
                durationsEndingIn(window, cases, CaseFacts::acknowledgedAt),
                durationsEndingIn(window, cases, CaseFacts::containedAt),
                durationsEndingIn(window, cases, CaseFacts::closedAt),
                Collections.unmodifiableMap(steps),
                slaBreaches(Stream.concat(closed.stream(), cases.stream()
                        .filter(c -> openAt(window.to(), c) && !c.breaches().isEmpty())).toList()),
                Collections.unmodifiableMap(outcomes),
                recurrence(closed));
    }

    /** Reported to {@code end}, for the cases whose {@code end} lies in the window. */
    private static Stat durationsEndingIn(KpiWindow window, List<CaseFacts> cases, Function<CaseFacts, Instant> end) {
        return stat(cases.stream().filter(c -> window.contains(end.apply(c)))
                .map(c -> Duration.between(c.reportedAt(), end.apply(c))));
    }

    /**
     * Among the cases whose verdict is known: those closed in the window, and those still open at its end that have
     * already missed a service level (an open case not yet overdue has no verdict yet).
     */
    private static SlaBreaches slaBreaches(List<CaseFacts> judged) {
        Map<Sla, Long> bySla = new EnumMap<>(Sla.class);
        for (Sla sla : Sla.values()) {
            bySla.put(sla, judged.stream().filter(c -> c.breaches().contains(sla)).count());
        }
        long breached = judged.stream().filter(c -> !c.breaches().isEmpty()).count();
        return new SlaBreaches(judged.size(), breached, rate(breached, judged.size()), Collections.unmodifiableMap(bySla));
    }

    /** Open at {@code asOf}: reported before it and not closed before it. */
    private static boolean openAt(Instant asOf, CaseFacts c) {
        return c.reportedAt().isBefore(asOf) && (c.closedAt() == null || !c.closedAt().isBefore(asOf));
    }

    /** Recurred: the same fingerprint was reported again after the closure, at most 30 days after. */
    private static Recurrence recurrence(List<CaseFacts> closed) {
        long recurred = closed.stream().filter(c -> c.nextReportedAt() != null
                && c.nextReportedAt().isAfter(c.closedAt())
                && !c.nextReportedAt().isAfter(c.closedAt().plus(RECURRENCE_PERIOD))).count();
        return new Recurrence(closed.size(), recurred, rate(recurred, closed.size()));
    }

    /** Open at {@code asOf}: reported before it and not closed before it. */
    static Backlog backlog(Instant asOf, List<CaseFacts> cases, long overdueRiskReviews) {
        Map<Severity, Map<Age, Long>> ages = new LinkedHashMap<>();
        MOST_SEVERE_FIRST.forEach(severity -> {
            Map<Age, Long> buckets = new EnumMap<>(Age.class);
            for (Age age : Age.values()) {
                buckets.put(age, 0L);
            }
            ages.put(severity, buckets);
        });
        long total = 0;
        for (CaseFacts c : cases) {
            if (!openAt(asOf, c)) {
                continue;
            }
            total++;
            if (c.severity() != null) {
                ages.get(c.severity()).merge(age(Duration.between(c.reportedAt(), asOf)), 1L, Long::sum);
            }
        }
        Map<Severity, BacklogSlice> bySeverity = new LinkedHashMap<>();
        ages.forEach((severity, buckets) -> bySeverity.put(severity, new BacklogSlice(
                buckets.values().stream().mapToLong(Long::longValue).sum(), Collections.unmodifiableMap(buckets))));
        return new Backlog(asOf, Collections.unmodifiableMap(bySeverity), total, overdueRiskReviews);
    }

    static Age age(Duration open) {
        if (open.compareTo(Duration.ofDays(1)) < 0) {
            return Age.UNDER_1D;
        }
        if (open.compareTo(Duration.ofDays(7)) < 0) {
            return Age.D1_TO_7;
        }
        return open.compareTo(Duration.ofDays(30)) < 0 ? Age.D7_TO_30 : Age.OVER_30D;
    }

    /**
     * Count, mean and nearest-rank percentiles, in whole milliseconds (the precision of the engine's
     * history): the p-th percentile of n sorted values is the value at rank ceil(p / 100 * n).
     */
    static Stat stat(Stream<Duration> durations) {
        long[] millis = durations.filter(Objects::nonNull).mapToLong(Duration::toMillis).sorted().toArray();
        if (millis.length == 0) {
            return new Stat(0, null, null, null);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (long value : millis) {
            sum = sum.add(BigDecimal.valueOf(value));
        }
        double mean = sum.divide(BigDecimal.valueOf(millis.length * 1000L), 3, RoundingMode.HALF_UP).doubleValue();
        return new Stat(millis.length, mean, seconds(nearestRank(millis, 50)), seconds(nearestRank(millis, 90)));
    }

    private static long nearestRank(long[] sorted, int percentile) {
        int rank = (int) Math.max(1, ((long) percentile * sorted.length + 99) / 100);
        return sorted[rank - 1];
    }

    private static double seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).doubleValue();
    }

    /** {@code part / whole} to 4 decimals, null when there is no whole. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
