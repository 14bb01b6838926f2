package io.threatflow.kpi;

import io.threatflow.remediation.Step;
import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.kpi.CaseFacts.StepSpan;
import io.threatflow.kpi.KpiReport.Age;
import io.threatflow.kpi.KpiReport.Slice;
import io.threatflow.kpi.KpiReport.Stat;
import io.threatflow.sla.Sla;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The KPI rules on facts with known times: every number checked exactly. */
class KpiCalculatorTest {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-27T00:00:00Z");
    static final KpiWindow WINDOW = KpiWindow.of(FROM, TO);
    static final Instant GENERATED = Instant.parse("2026-11-27T14:00:00Z");

    @Test
    void shouldMeasureMtta_forCasesAcknowledgedInTheWindow_withMeanAndNearestRankPercentiles() {
        List<CaseFacts> cases = List.of(
                open("acked-at-from", Severity.HIGH, FROM.minusSeconds(300)).acknowledged(FROM).facts(),
                open("a60", Severity.HIGH, at(1)).acknowledgedAfter(60).facts(),
                open("a120", Severity.HIGH, at(2)).acknowledgedAfter(120).facts(),
                open("a180", Severity.LOW, at(3)).acknowledgedAfter(180).facts(),
                open("a240", Severity.LOW, at(4)).acknowledgedAfter(240).facts(),
                open("a1000", Severity.LOW, at(5)).acknowledgedAfter(1000).facts(),
                open("acked-before-window", Severity.HIGH, FROM.minusSeconds(900)).acknowledged(FROM.minusMillis(1)).facts(),
                open("acked-at-to", Severity.HIGH, TO.minusSeconds(50)).acknowledged(TO).facts(),
                open("not-acked", Severity.HIGH, at(6)).facts());

        KpiReport report = KpiCalculator.report(WINDOW, cases, 0, GENERATED);

        // 300, 60, 120, 180, 240, 1000: mean 1900 / 6; p50 = 3rd of 6 = 180; p90 = ceil(5.4) = 6th = 1000
        assertThat(report.overall().mtta()).isEqualTo(new Stat(6, 316.667, 180.0, 1000.0));
        assertThat(report.bySeverity().get(Severity.HIGH).mtta()).isEqualTo(new Stat(3, 160.0, 120.0, 300.0));
        assertThat(report.bySeverity().get(Severity.LOW).mtta()).isEqualTo(new Stat(3, 473.333, 240.0, 1000.0));
        assertThat(report.bySeverity().get(Severity.CRITICAL).mtta()).isEqualTo(new Stat(0, null, null, null));
        assertThat(report.overall().reported()).as("reported in [from, to)").isEqualTo(7);
        assertThat(report.bySeverity().get(Severity.HIGH).reported()).isEqualTo(4);
    }

    @Test
    void shouldTakeNearestRankPercentiles_andRoundTheMeanHalfUpToMilliseconds() {
        Stat tenValues = KpiCalculator.stat(Stream.of(7, 3, 10, 1, 5, 2, 9, 4, 8, 6).map(Duration::ofSeconds));
        assertThat(tenValues).isEqualTo(new Stat(10, 5.5, 5.0, 9.0));
        assertThat(KpiCalculator.stat(Stream.of(Duration.ofMillis(42_123)))).isEqualTo(new Stat(1, 42.123, 42.123, 42.123));
        // mean 1.5 ms rounds half up to 0.002 s; p50 of two values is the first
        assertThat(KpiCalculator.stat(Stream.of(Duration.ofMillis(1), Duration.ofMillis(2))))
                .isEqualTo(new Stat(2, 0.002, 0.001, 0.002));
        // 11 values: p50 = ceil(5.5) = 6th, p90 = ceil(9.9) = 10th
        assertThat(KpiCalculator.stat(Stream.iterate(1, i -> i + 1).limit(11).map(Duration::ofSeconds)))
                .isEqualTo(new Stat(11, 6.0, 6.0, 10.0));
    }

    @Test
    void shouldMeasureMttcAndMttr_forCasesContainedOrClosedInTheWindow() {
        List<CaseFacts> cases = List.of(
                closed("c1", Severity.CRITICAL, at(1), ThreatStatus.ELIMINATED, Duration.ofHours(10))
                        .containedAfter(Duration.ofMinutes(30)).facts(),
                closed("c2", Severity.CRITICAL, at(2), ThreatStatus.MITIGATED, Duration.ofHours(20))
                        .containedAfter(Duration.ofMinutes(90)).facts(),
                // reported before the window, contained and closed in it: both count, reported does not
                closed("c3", Severity.HIGH, FROM.minus(Duration.ofDays(2)), ThreatStatus.ELIMINATED, Duration.ofDays(3))
                        .containedAfter(Duration.ofDays(2)).facts(),
                // contained in the window, closed after it
                closed("c4", Severity.HIGH, TO.minus(Duration.ofHours(1)), ThreatStatus.ELIMINATED, Duration.ofHours(2))
                        .containedAfter(Duration.ofMinutes(15)).facts(),
                // closed exactly at `to`: not in [from, to)
                closed("c5", Severity.LOW, at(3), ThreatStatus.FALSE_POSITIVE, Duration.between(at(3), TO)).facts());

        KpiReport report = KpiCalculator.report(WINDOW, cases, 0, GENERATED);
        Slice overall = report.overall();

        assertThat(overall.reported()).isEqualTo(4);
        assertThat(overall.closed()).isEqualTo(3);
        // 30 min, 90 min, 2 days, 15 min: sorted 900, 1800, 5400, 172800 s
        assertThat(overall.mttc()).isEqualTo(new Stat(4, 45_225.0, 1800.0, 172_800.0));
        // 10 h, 20 h, 3 days
        assertThat(overall.mttr()).isEqualTo(new Stat(3, 122_400.0, 72_000.0, 259_200.0));
        assertThat(report.bySeverity().get(Severity.CRITICAL).mttr()).isEqualTo(new Stat(2, 54_000.0, 36_000.0, 72_000.0));
        assertThat(report.bySeverity().get(Severity.LOW).mttr()).isEqualTo(new Stat(0, null, null, null));
        assertThat(overall.outcomes()).containsExactly(Map.entry(ThreatStatus.ELIMINATED, 2L),
                Map.entry(ThreatStatus.MITIGATED, 1L), Map.entry(ThreatStatus.FALSE_POSITIVE, 0L));
        assertThat(report.bySeverity().get(Severity.HIGH).outcomes()).containsEntry(ThreatStatus.ELIMINATED, 1L);
    }

    @Test
    void shouldMeasureEachStep_fromFirstStartToLastEnd_ofCasesClosedInTheWindow() {
        Instant r = at(1);
        List<CaseFacts> cases = List.of(
                closed("s1", Severity.MEDIUM, r, ThreatStatus.ELIMINATED, Duration.ofHours(5))
                        .step(Step.IDENTIFY, r, r.plusSeconds(300))
                        .step(Step.RESPOND, r.plusSeconds(300), r.plusSeconds(400))
                        .step(Step.INVESTIGATE, r.plusSeconds(400), r.plusSeconds(1000))
                        .step(Step.ERADICATE, r.plusSeconds(1000), r.plusSeconds(1000))
                        .step(Step.VALIDATE, r.plusSeconds(1000), r.plusSeconds(1500)).facts(),
                closed("s2", Severity.MEDIUM, r, ThreatStatus.FALSE_POSITIVE, Duration.ofHours(1))
                        .step(Step.IDENTIFY, r, r.plusSeconds(100)).facts(),
                // a step with an instance still running has no time yet
                closed("s3", Severity.MEDIUM, r, ThreatStatus.MITIGATED, Duration.ofHours(1))
                        .step(Step.IDENTIFY, r, r.plusSeconds(200))
                        .step(Step.INVESTIGATE, r.plusSeconds(200), null).facts(),
                // not closed in the window: its steps are not measured
                open("s4", Severity.MEDIUM, r).step(Step.IDENTIFY, r, r.plusSeconds(5000)).facts());

        Map<Step, Stat> steps = KpiCalculator.report(WINDOW, cases, 0, GENERATED).overall().steps();

        assertThat(steps.keySet()).as("the five steps, not the mitigation path").containsExactlyElementsOf(Step.FIVE);
        assertThat(steps.get(Step.IDENTIFY)).isEqualTo(new Stat(3, 200.0, 200.0, 300.0));
        assertThat(steps.get(Step.RESPOND)).isEqualTo(new Stat(1, 100.0, 100.0, 100.0));
        assertThat(steps.get(Step.INVESTIGATE)).isEqualTo(new Stat(1, 600.0, 600.0, 600.0));
        assertThat(steps.get(Step.ERADICATE)).isEqualTo(new Stat(1, 0.0, 0.0, 0.0));
        assertThat(steps.get(Step.VALIDATE)).isEqualTo(new Stat(1, 500.0, 500.0, 500.0));
    }

    @Test
    void shouldRateSlaBreaches_amongCasesClosedInTheWindow_andOpenCasesAlreadyOverdue_countingEachSlaOncePerCase() {
        List<CaseFacts> cases = List.of(
                closed("b1", Severity.HIGH, at(1), ThreatStatus.ELIMINATED, Duration.ofDays(1))
                        .breached(Sla.TRIAGE, Sla.RESOLUTION).facts(),
                closed("b2", Severity.HIGH, at(1), ThreatStatus.ELIMINATED, Duration.ofDays(1))
                        .breached(Sla.CONTAINMENT).facts(),
                closed("b3", Severity.LOW, at(1), ThreatStatus.ELIMINATED, Duration.ofDays(1)).facts(),
                // still open but already overdue: a live problem, counted (issue 15: it showed 0.0 %)
                open("b4", Severity.LOW, at(1)).breached(Sla.TRIAGE).facts(),
                // open and not overdue: no verdict yet, not counted either way
                open("b5", Severity.LOW, at(2)).facts());

        KpiReport report = KpiCalculator.report(WINDOW, cases, 0, GENERATED);

        KpiReport.SlaBreaches overall = report.overall().slaBreaches();
        assertThat(overall.cases()).isEqualTo(4);
        assertThat(overall.breachedCases()).isEqualTo(3);
        assertThat(overall.rate()).isEqualTo(0.75);
        assertThat(overall.bySla()).containsExactly(Map.entry(Sla.TRIAGE, 2L), Map.entry(Sla.CONTAINMENT, 1L),
                Map.entry(Sla.RESOLUTION, 1L));
        assertThat(report.bySeverity().get(Severity.LOW).slaBreaches())
                .isEqualTo(new KpiReport.SlaBreaches(2, 1, 0.5, Map.of(Sla.TRIAGE, 1L, Sla.CONTAINMENT, 0L, Sla.RESOLUTION, 0L)));
        assertThat(report.bySeverity().get(Severity.CRITICAL).slaBreaches())
                .isEqualTo(new KpiReport.SlaBreaches(0, 0, null, Map.of(Sla.TRIAGE, 0L, Sla.CONTAINMENT, 0L, Sla.RESOLUTION, 0L)));
    }

    @Test
    void shouldCountACriticalCaseOverdueForTriage_whileItIsStillOpen() {
        KpiReport report = KpiCalculator.report(WINDOW,
                List.of(open("critical", Severity.CRITICAL, at(1)).breached(Sla.TRIAGE).facts()), 2, GENERATED);

        assertThat(report.bySeverity().get(Severity.CRITICAL).slaBreaches())
                .isEqualTo(new KpiReport.SlaBreaches(1, 1, 1.0, Map.of(Sla.TRIAGE, 1L, Sla.CONTAINMENT, 0L, Sla.RESOLUTION, 0L)));
        assertThat(report.overall().slaBreaches().rate()).isEqualTo(1.0);
        assertThat(report.backlog().overdueRiskReviews()).isEqualTo(2);
    }

    @Test
    void shouldCountRecurrence_whenTheNextReportComesWithin30DaysAfterClosure_boundaryIncluded() {
        Duration lifetime = Duration.ofHours(1);
        Instant closedAt = at(1).plus(lifetime);
        List<CaseFacts> cases = List.of(
                closed("exactly-30-days", Severity.HIGH, at(1), ThreatStatus.ELIMINATED, lifetime)
                        .nextReported(closedAt.plus(Duration.ofDays(30))).facts(),
                closed("30-days-and-1-ms", Severity.HIGH, at(1), ThreatStatus.ELIMINATED, lifetime)
                        .nextReported(closedAt.plus(Duration.ofDays(30)).plusMillis(1)).facts(),
                closed("1-ms-after", Severity.HIGH, at(1), ThreatStatus.MITIGATED, lifetime)
                        .nextReported(closedAt.plusMillis(1)).facts(),
                closed("same-instant", Severity.HIGH, at(1), ThreatStatus.ELIMINATED, lifetime)
                        .nextReported(closedAt).facts(),
                closed("never-again", Severity.LOW, at(1), ThreatStatus.FALSE_POSITIVE, lifetime).facts(),
                closed("recurs-after-window", Severity.LOW, TO.minusSeconds(10), ThreatStatus.ELIMINATED, Duration.ofSeconds(5))
                        .nextReported(TO.plus(Duration.ofDays(1))).facts());

        KpiReport report = KpiCalculator.report(WINDOW, cases, 0, GENERATED);

        assertThat(report.overall().recurrence()).isEqualTo(new KpiReport.Recurrence(6, 3, 0.5));
        assertThat(report.bySeverity().get(Severity.HIGH).recurrence()).isEqualTo(new KpiReport.Recurrence(4, 2, 0.5));
        assertThat(report.bySeverity().get(Severity.LOW).recurrence()).isEqualTo(new KpiReport.Recurrence(2, 1, 0.5));
        assertThat(report.bySeverity().get(Severity.MEDIUM).recurrence()).isEqualTo(new KpiReport.Recurrence(0, 0, null));
    }

    @Test
    void shouldCountTheBacklogAtTheWindowsEnd_bySeverityAndAge() {
        List<CaseFacts> cases = List.of(
                open("just-reported", Severity.CRITICAL, TO.minusMillis(1)).facts(),
                open("one-day", Severity.CRITICAL, TO.minus(Duration.ofDays(1))).facts(),
                open("almost-a-week", Severity.CRITICAL, TO.minus(Duration.ofDays(7)).plusMillis(1)).facts(),
                open("one-week", Severity.HIGH, TO.minus(Duration.ofDays(7))).facts(),
                open("29-days", Severity.HIGH, TO.minus(Duration.ofDays(29))).facts(),
                open("30-days", Severity.LOW, TO.minus(Duration.ofDays(30))).facts(),
                open("a-year", Severity.LOW, TO.minus(Duration.ofDays(365))).facts(),
                closed("closed-at-to", Severity.MEDIUM, TO.minus(Duration.ofHours(2)), ThreatStatus.ELIMINATED,
                        Duration.ofHours(2)).facts(),
                closed("closed-before-to", Severity.MEDIUM, TO.minus(Duration.ofHours(2)), ThreatStatus.ELIMINATED,
                        Duration.ofHours(1)).facts(),
                open("reported-at-to", Severity.MEDIUM, TO).facts(),
                open("not-assessed", null, TO.minus(Duration.ofHours(3))).facts());

        KpiReport.Backlog backlog = KpiCalculator.report(WINDOW, cases, 0, GENERATED).backlog();

        assertThat(backlog.asOf()).isEqualTo(TO);
        assertThat(backlog.total()).as("every open case, also one not yet assessed").isEqualTo(9);
        assertThat(backlog.bySeverity().keySet())
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(backlog.bySeverity().get(Severity.CRITICAL)).isEqualTo(backlogSlice(3, 1, 2, 0, 0));
        assertThat(backlog.bySeverity().get(Severity.HIGH)).isEqualTo(backlogSlice(2, 0, 0, 2, 0));
        assertThat(backlog.bySeverity().get(Severity.MEDIUM)).isEqualTo(backlogSlice(1, 1, 0, 0, 0));
        assertThat(backlog.bySeverity().get(Severity.LOW)).isEqualTo(backlogSlice(2, 0, 0, 0, 2));
    }

    @Test
    void shouldReportNullsAndZeros_forAnEmptyWindow() {
        KpiReport report = KpiCalculator.report(WINDOW, List.of(), 0, GENERATED);

        assertThat(report.from()).isEqualTo(FROM);
        assertThat(report.to()).isEqualTo(TO);
        assertThat(report.generatedAt()).isEqualTo(GENERATED);
        assertThat(report.bySeverity().keySet())
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        Stat none = new Stat(0, null, null, null);
        Stream.concat(Stream.of(report.overall()), report.bySeverity().values().stream()).forEach(slice -> {
            assertThat(slice.reported()).isZero();
            assertThat(slice.closed()).isZero();
            assertThat(List.of(slice.mtta(), slice.mttc(), slice.mttr())).containsOnly(none);
            assertThat(slice.steps()).hasSize(5).allSatisfy((step, stat) -> assertThat(stat).isEqualTo(none));
            assertThat(slice.slaBreaches().rate()).isNull();
            assertThat(slice.slaBreaches().bySla()).hasSize(3).containsValues(0L);
            assertThat(slice.outcomes()).hasSize(3).allSatisfy((outcome, count) -> assertThat(count).isZero());
            assertThat(slice.recurrence()).isEqualTo(new KpiReport.Recurrence(0, 0, null));
        });
        assertThat(report.backlog().total()).isZero();
        assertThat(report.backlog().bySeverity().values()).containsOnly(backlogSlice(0, 0, 0, 0, 0));
    }

    private static KpiReport.BacklogSlice backlogSlice(long open, long under1d, long d1to7, long d7to30, long over30d) {
        return new KpiReport.BacklogSlice(open, Map.of(Age.UNDER_1D, under1d, Age.D1_TO_7, d1to7, Age.D7_TO_30, d7to30,
                Age.OVER_30D, over30d));
    }

    /** Day {@code day} of the window, noon. */
    private static Instant at(int day) {
        return FROM.plus(Duration.ofDays(day)).plus(Duration.ofHours(12));
    }

    private static Case open(String id, Severity severity, Instant reportedAt) {
        return new Case(id, severity, ThreatStatus.OPEN, reportedAt, null);
    }

    private static Case closed(String id, Severity severity, Instant reportedAt, ThreatStatus status, Duration open) {
        return new Case(id, severity, status, reportedAt, reportedAt.plus(open));
    }

    /** Builds the facts of one case. */
    private static final class Case {
        final String id;
        final Severity severity;
        final ThreatStatus status;
        final Instant reportedAt;
        final Instant closedAt;
        Instant acknowledgedAt;
        Instant containedAt;
        Instant nextReportedAt;
        final Map<Step, StepSpan> steps = new EnumMap<>(Step.class);
        final Set<Sla> breaches = EnumSet.noneOf(Sla.class);

        Case(String id, Severity severity, ThreatStatus status, Instant reportedAt, Instant closedAt) {
            this.id = id;
            this.severity = severity;
            this.status = status;
            this.reportedAt = reportedAt;
            this.closedAt = closedAt;
        }

        Case acknowledged(Instant at) {
            acknowledgedAt = at;
            return this;
        }

        Case acknowledgedAfter(long seconds) {
            return acknowledged(reportedAt.plusSeconds(seconds));
        }

        Case containedAfter(Duration after) {
            containedAt = reportedAt.plus(after);
            return this;
        }

        Case nextReported(Instant at) {
            nextReportedAt = at;
            return this;
        }

        Case step(Step step, Instant firstStart, Instant lastEnd) {
            steps.put(step, new StepSpan(firstStart, lastEnd));
            return this;
        }

        Case breached(Sla... slas) {
            breaches.addAll(List.of(slas));
            return this;
        }

        CaseFacts facts() {
            return new CaseFacts(id, severity, status, reportedAt, acknowledgedAt, containedAt, closedAt, nextReportedAt,
                    Map.copyOf(steps), Set.copyOf(breaches));
        }
    }
}
