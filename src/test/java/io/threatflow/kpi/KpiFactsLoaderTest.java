package io.threatflow.kpi;

import io.threatflow.remediation.NameTaskAfterThreatListener;
import static io.threatflow.remediation.RemediationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import io.threatflow.action.PendingActions;
import io.threatflow.remediation.RemediationProcess.ApprovalDecision;
import io.threatflow.remediation.RemediationProcess.InvestigationOutcome;
import io.threatflow.remediation.RemediationProcess.TriageOutcome;
import io.threatflow.remediation.Step;
import io.threatflow.kpi.CaseFacts.StepSpan;
import io.threatflow.kpi.KpiReport.Stat;
import io.threatflow.sla.Sla;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The loader against real Camunda history: the real threat-remediation model runs in the process-test engine
 * (delegates mocked) with the engine's clock set before every step, so each activity instance, claim and
 * task completion has a known time; our tables are created in the engine's database by the Flyway
 * migrations, and the register rows the mocked delegates would have written are inserted with known times.
 * The loaded facts and the KPIs computed from them are then checked to the millisecond.
 */
@Deployment(resources = {
        "processes/threat-remediation.bpmn", "processes/threat-severity.dmn", "processes/response-plan.dmn",
        "processes/approval-policy.dmn",
        "processes/sla-policy.dmn", "forms/decide-overdue-threat.form", "stub/threat-mitigation-stub.bpmn",
        "forms/triage-threat.form", "forms/investigate-threat.form", "forms/approve-eradication.form",
        "forms/confirm-closure.form", "forms/report-threat.form"})
class KpiFactsLoaderTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("kpi-process-test.camunda.cfg.xml").build();

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String ASSET = "asset-kpi-loader";

    ProcessEngine engine;
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        init(engine);
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        // its own connection: Flyway closes what it opens, which the engine's pool does not expect
        Flyway.configure().dataSource(engine.getProcessEngineConfiguration().getJdbcUrl(), "sa", "")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into asset (id, hostname, registered_at) values (?, ?, ?)")
                .params(ASSET, "kpi-loader.corp", T0.minus(Duration.ofDays(400)).atOffset(ZoneOffset.UTC)).update();

        Mocks.register("registerThreat", (JavaDelegate) execution -> { });
        Mocks.register("enrichThreat", (JavaDelegate) execution -> { });
        Mocks.register("recordAssessedSeverity", (ExecutionListener) execution -> { });
        Mocks.register("nameTaskAfterThreat", new NameTaskAfterThreatListener());
        // the gateways read only what the listeners write from the forms' answers
        Mocks.register("recordTriage", (TaskListener) task ->
                TRIAGE_OUTCOME.set(task, TriageOutcome.of(FALSE_POSITIVE.from(task, false))));
        Mocks.register("recordInvestigation", (TaskListener) task ->
                INVESTIGATION_OUTCOME.set(task, InvestigationOutcome.of(ELIMINABLE.from(task, true))));
        Mocks.register("recordApproval", (TaskListener) task ->
                APPROVAL_DECISION.set(task, ApprovalDecision.of(ERADICATION_APPROVED.from(task, false))));
        Mocks.register("closeFalsePositive", (JavaDelegate) execution -> { });
        Mocks.register("notifyStakeholders", (JavaDelegate) execution -> { });
        Mocks.register("collectEvidence", (JavaDelegate) execution -> {
            INVESTIGATION_ROUND.set(execution, 1);
            ERADICATION_ATTEMPT.set(execution, 0);
        });
        Mocks.register("eradicateThreat", (JavaDelegate) execution -> {
            ERADICATION_ATTEMPT.set(execution, 1);
            PendingActions.ACTION_PENDING.set(execution, false);
        });
        Mocks.register("validateRemediation", (JavaDelegate) execution -> {
            VALIDATION_OBSERVED.set(execution, true);
            THREAT_PERSISTS.set(execution, false);
            RETRIES_LEFT.set(execution, 2);
        });
        Mocks.register("liftContainment", (JavaDelegate) execution -> { });
        Mocks.register("closeEliminated", (JavaDelegate) execution -> { });
        Mocks.register("recordSighting", (JavaDelegate) execution -> { });
        Mocks.register("recordServiceLevels", (ExecutionListener) this::recordServiceLevels);
        Mocks.register("escalateOverdue", (JavaDelegate) this::recordBreach);
    }

    /**
     * As the real listener does on registration: due times = the report time (here the start of the case, whose
     * register row may not exist yet) plus the durations of sla-policy; they stand when triage re-assesses them
     * (not measured here).
     */
    private void recordServiceLevels(DelegateExecution execution) {
        if (TRIAGE_DUE.optionalFrom(execution).isPresent()) {
            return;
        }
        Instant reported = historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).singleResult().getStartTime().toInstant();
        TRIAGE_DUE.set(execution, Date.from(reported.plus(Duration.parse(TRIAGE_WITHIN.from(execution)))));
        CONTAIN_DUE.set(execution, CONTAIN_WITHIN.optionalFrom(execution)
                .map(within -> Date.from(reported.plus(Duration.parse(within)))).orElse(null));
        RESOLVE_DUE.set(execution, Date.from(reported.plus(Duration.parse(RESOLVE_WITHIN.from(execution)))));
    }

    /** The breach row the escalation writes, at the engine's clock. */
    private void recordBreach(DelegateExecution execution) {
        Sla sla = Sla.valueOf(BREACHED_SLA.from(execution));
        Date due = switch (sla) {
            case TRIAGE -> TRIAGE_DUE.from(execution);
            case CONTAINMENT -> CONTAIN_DUE.from(execution);
            case RESOLUTION -> RESOLVE_DUE.from(execution);
        };
        jdbc.sql("insert into sla_breach (threat_id, sla, severity, due_at, breached_at) values (?, ?, ?, ?, ?)")
                .params(THREAT_ID.from(execution), sla.name(), SEVERITY.from(execution).name(),
                        due.toInstant().atOffset(ZoneOffset.UTC),
                        ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC))
                .update();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        // the deployment (and with it the history) is removed by the extension; our tables are emptied here
        jdbc.sql("delete from sla_breach").update();
        jdbc.sql("delete from risk_acceptance").update();
        jdbc.sql("delete from threat").update();
        jdbc.sql("delete from asset").update();
    }

    @Test
    void shouldLoadAcknowledgementStepsAndBreaches_exactlyAsTheHistoryRecordedThem() {
        // A: claimed, released, claimed again; approval required; eliminated
        ProcessInstance a = report("kpi-a", "OUTDATED_OS", "MEDIUM", "MEDIUM", 0, 60);
        clock(120);
        taskService().claim(task(a).getId(), "alice");
        clock(150);
        taskService().setAssignee(task(a).getId(), null);
        clock(200);
        taskService().claim(task(a).getId(), "bob");
        clock(300);
        complete(task(a), withVariables(FALSE_POSITIVE.name(), false, SEVERITY.name(), "MEDIUM"));
        clock(400);
        execute(job(TASK_NOTIFY_STAKEHOLDERS, a));
        clock(500);
        execute(job(TASK_COLLECT_EVIDENCE, a));
        clock(1100);
        complete(task(a), withVariables(ROOT_CAUSE.name(), "end of life", ELIMINABLE.name(), true));
        assertThat(a).isWaitingAt(TASK_APPROVE_ERADICATION);
        clock(1300);
        complete(task(a), withVariables(ERADICATION_APPROVED.name(), true));
        clock(1400);
        execute(job(TASK_ERADICATE_THREAT, a));
        clock(1500);
        execute(job(TASK_VALIDATE_REMEDIATION, a));
        clock(1600);
        execute(job(TASK_LIFT_CONTAINMENT, a));
        clock(2000);
        complete(task(a), withVariables(LESSONS_LEARNED.name(), "upgrade before end of life"));
        assertThat(a).isEnded().hasPassed(END_THREAT_ELIMINATED);
        register("kpi-a", "OUTDATED_OS", "MEDIUM", ThreatStatus.ELIMINATED, a, 0, null, 2000L);
        breach("kpi-a", Sla.TRIAGE, 100, 101);
        breach("kpi-a", Sla.TRIAGE, 250, 251);   // due again after a severity change: one TRIAGE breach still
        breach("kpi-a", Sla.RESOLUTION, 1800, 1801);

        // B: triaged without being claimed, contained first, still open (waiting to collect evidence)
        ProcessInstance b = report("kpi-b", "MALWARE", "HIGH", null, 3600, 3630);
        clock(3690);
        complete(task(b), withVariables(FALSE_POSITIVE.name(), false, SEVERITY.name(), "CRITICAL"));
        assertThat(b).isWaitingAt(CALL_CONTAIN_THREAT);
        clock(4200);
        complete(task(calledProcessInstance(b)), withVariables(MITIGATION_OUTCOME.name(), "CONTAINED"));
        clock(4260);
        execute(job(TASK_NOTIFY_STAKEHOLDERS, b));
        assertThat(b).isWaitingAt(TASK_COLLECT_EVIDENCE);
        register("kpi-b", "MALWARE", "CRITICAL", ThreatStatus.CONTAINED, b, 3600, 4200L, null);
        breach("kpi-b", Sla.CONTAINMENT, 3900, 3901);   // open but overdue: counted before it closes

        // C: claimed and closed as a false positive; the same threat is reported again exactly 30 days later
        ProcessInstance c = report("kpi-c", "VULNERABILITY", "LOW", "LOW", 7200, 7210);
        clock(7240);
        taskService().claim(task(c).getId(), "carol");
        clock(7300);
        complete(task(c), withVariables(FALSE_POSITIVE.name(), true, SEVERITY.name(), "LOW"));
        assertThat(c).isEnded().hasPassed(END_FALSE_POSITIVE);
        register("kpi-c", "VULNERABILITY", "LOW", ThreatStatus.FALSE_POSITIVE, c, 7200, null, 7300L);
        Instant recurrence = T0.plusSeconds(7300).plus(Duration.ofDays(30));
        registerWithoutCase("kpi-c-again", "VULNERABILITY", "LOW", ThreatStatus.OPEN, recurrence, null);

        // D: open since before the window, no history left (cleaned up): backlog only
        registerWithoutCase("kpi-d", "OTHER", "HIGH", ThreatStatus.OPEN, T0.minus(Duration.ofDays(10)), null);
        // E: reported and closed before the window: not loaded
        registerWithoutCase("kpi-e", "OTHER", "HIGH", ThreatStatus.ELIMINATED, T0.minus(Duration.ofDays(20)),
                T0.minus(Duration.ofDays(19)));

        KpiWindow window = KpiWindow.of(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofDays(1)));
        List<CaseFacts> facts = new KpiFactsLoader(jdbc).load(window);

        Assertions.assertThat(facts).containsExactlyInAnyOrder(
                new CaseFacts("kpi-a", Severity.MEDIUM, ThreatStatus.ELIMINATED, t(0), t(120), null, t(2000), null,
                        Map.of(Step.IDENTIFY, span(0, 300), Step.RESPOND, span(300, 400),
                                Step.INVESTIGATE, span(500, 1100), Step.ERADICATE, span(1100, 1400),
                                Step.VALIDATE, span(1500, 2000)),
                        Set.of(Sla.TRIAGE, Sla.RESOLUTION)),
                new CaseFacts("kpi-b", Severity.CRITICAL, ThreatStatus.CONTAINED, t(3600), t(3690), t(4200), null, null,
                        Map.of(), Set.of(Sla.CONTAINMENT)),
                new CaseFacts("kpi-c", Severity.LOW, ThreatStatus.FALSE_POSITIVE, t(7200), t(7240), null, t(7300),
                        recurrence, Map.of(Step.IDENTIFY, span(7200, 7300)), Set.of()),
                new CaseFacts("kpi-d", Severity.HIGH, ThreatStatus.OPEN, T0.minus(Duration.ofDays(10)), null, null, null,
                        null, Map.of(), Set.of()));

        KpiReport report = KpiCalculator.report(window, facts, 0, t(9000));
        // acknowledged after 120 s (first claim), 90 s (completed unclaimed), 40 s (claim)
        Assertions.assertThat(report.overall().mtta()).isEqualTo(new Stat(3, 83.333, 90.0, 120.0));
        Assertions.assertThat(report.overall().mttc()).isEqualTo(new Stat(1, 600.0, 600.0, 600.0));
        Assertions.assertThat(report.overall().mttr()).isEqualTo(new Stat(2, 1050.0, 100.0, 2000.0));
        Assertions.assertThat(report.overall().steps().get(Step.IDENTIFY)).isEqualTo(new Stat(2, 200.0, 100.0, 300.0));
        Assertions.assertThat(report.overall().steps().get(Step.ERADICATE)).isEqualTo(new Stat(1, 300.0, 300.0, 300.0));
        Assertions.assertThat(report.overall().slaBreaches()).isEqualTo(new KpiReport.SlaBreaches(3, 2, 0.6667,
                Map.of(Sla.TRIAGE, 1L, Sla.CONTAINMENT, 1L, Sla.RESOLUTION, 1L)));
        Assertions.assertThat(report.overall().recurrence()).isEqualTo(new KpiReport.Recurrence(2, 1, 0.5));
        Assertions.assertThat(report.backlog().total()).isEqualTo(2);
        Assertions.assertThat(report.backlog().bySeverity().get(Severity.CRITICAL).ages()).containsEntry(KpiReport.Age.UNDER_1D, 1L);
        Assertions.assertThat(report.backlog().bySeverity().get(Severity.HIGH).ages()).containsEntry(KpiReport.Age.D7_TO_30, 1L);
    }

    @Test
    void shouldLoadACaseByItsAcknowledgementAlone_whenOnlyTheClaimFallsInTheWindow() {
        ProcessInstance late = report("kpi-late", "VULNERABILITY", "LOW", "LOW", 0, 10);
        clock(7000);
        taskService().claim(task(late).getId(), "dave");
        register("kpi-late", "VULNERABILITY", "LOW", ThreatStatus.OPEN, late, 0, null, null);

        // reported before the window, claimed in it, still open after it: loaded for MTTA, not for the backlog
        List<CaseFacts> claimedInWindow = new KpiFactsLoader(jdbc).load(KpiWindow.of(t(6000), t(8000)));
        Assertions.assertThat(claimedInWindow).extracting(CaseFacts::threatId, CaseFacts::acknowledgedAt)
                .containsExactly(Tuple.tuple("kpi-late", t(7000)));

        Assertions.assertThat(new KpiFactsLoader(jdbc).load(KpiWindow.of(t(7001), t(8000)))).extracting(CaseFacts::threatId)
                .as("open at the end of the window").containsExactly("kpi-late");
        clock(7500);
        complete(task(late), withVariables(FALSE_POSITIVE.name(), true, SEVERITY.name(), "LOW"));
        jdbc.sql("update threat set status = 'FALSE_POSITIVE', closed_at = ? where id = 'kpi-late'")
                .param(t(7500).atOffset(ZoneOffset.UTC)).update();
        Assertions.assertThat(new KpiFactsLoader(jdbc).load(KpiWindow.of(t(7600), t(8000))))
                .as("closed before the window, acknowledged before it").isEmpty();
    }

    /**
     * A MEDIUM case (triage due after 4 h, containment after 1 d) misses both: the escalations run inside the
     * steps whose tasks are overdue, the rest of the case runs in 'Resolve threat' and ends with its terminate
     * end event. The steps are measured as if nothing had been escalated; the breaches are the escalations' own.
     */
    @Test
    void shouldMeasureStepsAcrossEscalations_andLoadTheBreachesTheEscalationsRecorded() {
        ProcessInstance f = report("kpi-f", "OUTDATED_OS", "MEDIUM", "MEDIUM", 0, 10);
        register("kpi-f", "OUTDATED_OS", "MEDIUM", ThreatStatus.OPEN, f, 0, null, null);   // the breaches refer to it
        clock(14_400);
        execute(job(BOUNDARY_TRIAGE_OVERDUE, f));
        clock(14_410);
        execute(job(TASK_ESCALATE_OVERDUE_TRIAGE, f));
        clock(14_500);
        taskService().claim(task(f).getId(), "erin");
        clock(14_600);
        complete(task(f), withVariables(FALSE_POSITIVE.name(), false, SEVERITY.name(), "MEDIUM"));
        clock(14_700);
        execute(job(TASK_NOTIFY_STAKEHOLDERS, f));
        clock(14_800);
        execute(job(TASK_COLLECT_EVIDENCE, f));
        clock(86_400);
        execute(job(BOUNDARY_INVESTIGATION_OVERDUE, f));
        clock(86_460);
        execute(job(TASK_ESCALATE_OVERDUE_INVESTIGATION, f));
        clock(87_000);
        complete(task(f), withVariables(ROOT_CAUSE.name(), "end of life", ELIMINABLE.name(), true));
        clock(87_100);
        complete(task(f), withVariables(ERADICATION_APPROVED.name(), true));
        clock(87_200);
        execute(job(TASK_ERADICATE_THREAT, f));
        clock(87_300);
        execute(job(TASK_VALIDATE_REMEDIATION, f));
        clock(87_400);
        execute(job(TASK_LIFT_CONTAINMENT, f));
        clock(87_500);
        complete(task(f), withVariables(LESSONS_LEARNED.name(), "patch on time"));
        assertThat(f).isEnded().hasPassed(END_OVERDUE_TRIAGE_ESCALATED, END_OVERDUE_INVESTIGATION_ESCALATED,
                END_THREAT_RESOLVED, END_THREAT_ELIMINATED);
        jdbc.sql("update threat set status = 'ELIMINATED', closed_at = ? where id = 'kpi-f'")
                .param(t(87_500).atOffset(ZoneOffset.UTC)).update();

        KpiWindow window = KpiWindow.of(t(0), t(90_000));
        List<CaseFacts> facts = new KpiFactsLoader(jdbc).load(window);

        Assertions.assertThat(facts).containsExactly(
                new CaseFacts("kpi-f", Severity.MEDIUM, ThreatStatus.ELIMINATED, t(0), t(14_500), null, t(87_500), null,
                        Map.of(Step.IDENTIFY, span(0, 14_600), Step.RESPOND, span(14_600, 14_700),
                                Step.INVESTIGATE, span(14_800, 87_000), Step.ERADICATE, span(87_000, 87_200),
                                Step.VALIDATE, span(87_300, 87_500)),
                        Set.of(Sla.TRIAGE, Sla.CONTAINMENT)));
        Assertions.assertThat(jdbc.sql("select sla, due_at, breached_at from sla_breach order by breached_at")
                        .query((rs, row) -> Tuple.tuple(rs.getString(1), rs.getTimestamp(2).toInstant(),
                                rs.getTimestamp(3).toInstant())).list())
                .as("recorded by the escalations, at the due times sla-policy gave")
                .containsExactly(Tuple.tuple("TRIAGE", t(14_400), t(14_410)), Tuple.tuple("CONTAINMENT", t(86_400), t(86_460)));
        KpiReport.Slice medium = KpiCalculator.report(window, facts, 0, t(90_000)).bySeverity().get(Severity.MEDIUM);
        Assertions.assertThat(medium.slaBreaches()).isEqualTo(new KpiReport.SlaBreaches(1, 1, 1.0,
                Map.of(Sla.TRIAGE, 1L, Sla.CONTAINMENT, 1L, Sla.RESOLUTION, 0L)));
        Assertions.assertThat(medium.steps().get(Step.INVESTIGATE)).isEqualTo(new Stat(1, 72_200.0, 72_200.0, 72_200.0));
    }

    /** A dry run changed nothing: none of its times, breaches or outcomes, nor its report as a recurrence, counts. */
    @Test
    void shouldLeaveDryRunsOutOfEveryQuery_alsoAsTheReportThatMakesACaseRecur() {
        ProcessInstance dry = report("kpi-dry", "VULNERABILITY", "LOW", "LOW", 0, 10);
        clock(40);
        taskService().claim(task(dry).getId(), "frank");
        clock(100);
        complete(task(dry), withVariables(FALSE_POSITIVE.name(), true, SEVERITY.name(), "LOW"));
        register("kpi-dry", "VULNERABILITY", "LOW", ThreatStatus.FALSE_POSITIVE, dry, 0, null, 100L);
        breach("kpi-dry", Sla.TRIAGE, 30, 31);
        markDryRun("kpi-dry");

        ProcessInstance real = report("kpi-real", "VULNERABILITY", "HIGH", "HIGH", 200, 210);
        clock(300);
        complete(task(real), withVariables(FALSE_POSITIVE.name(), true, SEVERITY.name(), "HIGH"));
        register("kpi-real", "VULNERABILITY", "HIGH", ThreatStatus.FALSE_POSITIVE, real, 200, null, 300L);
        registerWithoutCase("kpi-real-again", "VULNERABILITY", "HIGH", ThreatStatus.OPEN, t(400), null);
        markDryRun("kpi-real-again");
        registerWithoutCase("kpi-dry-open", "MALWARE", "CRITICAL", ThreatStatus.OPEN, t(500), null);
        markDryRun("kpi-dry-open");

        KpiWindow window = KpiWindow.of(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofDays(1)));
        List<CaseFacts> facts = new KpiFactsLoader(jdbc).load(window);

        Assertions.assertThat(facts).containsExactly(new CaseFacts("kpi-real", Severity.HIGH,
                ThreatStatus.FALSE_POSITIVE, t(200), t(300), null, t(300), null, Map.of(Step.IDENTIFY, span(200, 300)),
                Set.of()));
        KpiReport report = KpiCalculator.report(window, facts, 0, t(9000));
        Assertions.assertThat(report.overall().reported()).isEqualTo(1);
        Assertions.assertThat(report.overall().recurrence()).isEqualTo(new KpiReport.Recurrence(1, 0, 0.0));
        Assertions.assertThat(report.overall().slaBreaches().breachedCases()).isZero();
        Assertions.assertThat(report.backlog().total()).as("the open dry run is nobody's backlog").isZero();
    }

    /**
     * Issue 15: a CRITICAL case overdue for triage showed 0 breaches while open, and any later threat on the same
     * asset and type counted as a recurrence. Now an open case counts once its due time passed undone (recorded or
     * not), and only the same fingerprint (the source's reference, or asset, type and CVE) recurs.
     */
    @Test
    void shouldCountAnOpenCaseOverdue_andRecurrenceOfTheSameFingerprintOnly() {
        registerWithoutCase("kpi-overdue", "MALWARE", "CRITICAL", ThreatStatus.OPEN, t(0), null);
        jdbc.sql("update threat set triage_due_at = ?, contain_due_at = ? where id = 'kpi-overdue'")
                .params(t(900).atOffset(ZoneOffset.UTC), T0.plus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC)).update();
        registerWithoutCase("kpi-cve", "VULNERABILITY", "HIGH", ThreatStatus.ELIMINATED, t(0), t(1000));
        registerWithoutCase("kpi-cve-other", "VULNERABILITY", "HIGH", ThreatStatus.OPEN, t(2000), null);
        registerWithoutCase("kpi-ref", "VULNERABILITY", "LOW", ThreatStatus.MITIGATED, t(0), t(1000));
        registerWithoutCase("kpi-ref-again", "VULNERABILITY", "LOW", ThreatStatus.OPEN, t(3000), null);
        cveAndSource("kpi-cve", "CVE-2026-0001", null, null);
        cveAndSource("kpi-cve-other", "CVE-2026-0002", null, null);
        cveAndSource("kpi-ref", "CVE-2026-0003", "Scanner", "F-1");
        cveAndSource("kpi-ref-again", "CVE-2026-0004", "scanner", "F-1");

        KpiWindow window = KpiWindow.of(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofDays(1)));
        List<CaseFacts> facts = new KpiFactsLoader(jdbc).load(window);

        Assertions.assertThat(facts).extracting(CaseFacts::threatId, CaseFacts::nextReportedAt, CaseFacts::breaches)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("kpi-overdue", null, Set.of(Sla.TRIAGE)),
                        Tuple.tuple("kpi-cve", null, Set.of()),
                        Tuple.tuple("kpi-cve-other", null, Set.of()),
                        Tuple.tuple("kpi-ref", t(3000), Set.of()),
                        Tuple.tuple("kpi-ref-again", null, Set.of()));
        KpiReport report = KpiCalculator.report(window, facts, 0, t(9000));
        Assertions.assertThat(report.bySeverity().get(Severity.CRITICAL).slaBreaches()).isEqualTo(
                new KpiReport.SlaBreaches(1, 1, 1.0, Map.of(Sla.TRIAGE, 1L, Sla.CONTAINMENT, 0L, Sla.RESOLUTION, 0L)));
        Assertions.assertThat(report.overall().slaBreaches().rate()).isEqualTo(0.3333);
        Assertions.assertThat(report.overall().recurrence()).isEqualTo(new KpiReport.Recurrence(2, 1, 0.5));
    }

    @Test
    void shouldCountOverdueRiskReviews_openAtTheWindowsEnd() {
        registerWithoutCase("kpi-risk", "OUTDATED_OS", "HIGH", ThreatStatus.MITIGATED, t(0), t(100));
        acceptance("kpi-risk", T0.minus(Duration.ofDays(20)), "2026-03-01", null);           // overdue
        acceptance("kpi-risk", T0.minus(Duration.ofDays(20)), "2026-03-03", null);           // due on the 3rd: at to
        acceptance("kpi-risk", T0.minus(Duration.ofDays(20)), "2026-03-04", null);           // not yet due
        acceptance("kpi-risk", T0.minus(Duration.ofDays(20)), "2026-03-01", T0);             // reviewed again in time
        acceptance("kpi-risk", T0.minus(Duration.ofDays(20)), "2026-03-01", T0.plus(Duration.ofDays(2)));  // after to

        long overdue = new KpiFactsLoader(jdbc).overdueRiskReviews(KpiWindow.of(T0.minus(Duration.ofDays(1)),
                Instant.parse("2026-03-03T00:00:00Z")));

        Assertions.assertThat(overdue).isEqualTo(3);
    }

    private void acceptance(String threatId, Instant acceptedAt, String reviewDate, Instant endedAt) {
        jdbc.sql("""
                insert into risk_acceptance (threat_id, accepted_by, review_date, accepted_at, ended_at)
                values (?, 'mona', ?, ?, ?)""")
                .params(threatId, java.time.LocalDate.parse(reviewDate), acceptedAt.atOffset(ZoneOffset.UTC),
                        endedAt == null ? null : endedAt.atOffset(ZoneOffset.UTC)).update();
    }

    private void cveAndSource(String threatId, String cve, String source, String sourceRef) {
        jdbc.sql("update threat set cve = ?, source = ?, source_ref = ? where id = ?")
                .params(cve, source, sourceRef, threatId).update();
    }

    private void markDryRun(String threatId) {
        jdbc.sql("update threat set dry_run = true where id = ?").param(threatId).update();
    }

    private ProcessInstance report(String threatId, String type, String criticality, String reportedSeverity,
                                   long reportedAfter, long enrichedAfter) {
        clock(reportedAfter);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, threatId, withVariables(
                THREAT_ID.name(), threatId, THREAT_TYPE.name(), type, ASSET_CRITICALITY.name(), criticality,
                KNOWN_EXPLOITED.name(), false, REPORTED_SEVERITY.name(), reportedSeverity));
        clock(enrichedAfter);
        execute(job(TASK_ENRICH_THREAT, instance));
        assertThat(instance).isWaitingAt(TASK_TRIAGE_THREAT);
        return instance;
    }

    /** The register row the mocked delegates would have written, with the case's known times. */
    private void register(String id, String type, String severity, ThreatStatus status, ProcessInstance instance,
                          long reportedAfter, Long containedAfter, Long closedAfter) {
        registerWithoutCase(id, type, severity, status, t(reportedAfter), closedAfter == null ? null : t(closedAfter));
        jdbc.sql("update threat set process_instance_id = ?, contained_at = ? where id = ?")
                .params(instance.getId(), containedAfter == null ? null : t(containedAfter).atOffset(ZoneOffset.UTC), id)
                .update();
    }

    private void registerWithoutCase(String id, String type, String severity, ThreatStatus status, Instant reportedAt,
                                     Instant closedAt) {
        jdbc.sql("""
                insert into threat (id, title, type, severity, asset_id, asset_name, status, reported_at, closed_at)
                values (?, ?, ?, ?, ?, 'kpi-loader.corp', ?, ?, ?)""")
                .params(id, "KPI " + id, type, severity, ASSET, status.name(), reportedAt.atOffset(ZoneOffset.UTC),
                        closedAt == null ? null : closedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    private void breach(String threatId, Sla sla, long dueAfter, long breachedAfter) {
        jdbc.sql("insert into sla_breach (threat_id, sla, severity, due_at, breached_at) values (?, ?, 'HIGH', ?, ?)")
                .params(threatId, sla.name(), t(dueAfter).atOffset(ZoneOffset.UTC), t(breachedAfter).atOffset(ZoneOffset.UTC))
                .update();
    }

    private static void clock(long secondsAfterT0) {
        ClockUtil.setCurrentTime(Date.from(t(secondsAfterT0)));
    }

    private static Instant t(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    private static StepSpan span(long start, long end) {
        return new StepSpan(t(start), t(end));
    }
}
