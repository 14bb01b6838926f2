package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRecord;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionStatus;
import io.threatflow.action.ActionType;
import io.threatflow.action.NotificationPort;
import io.threatflow.action.PendingActionSettings;
import io.threatflow.action.PendingActions;
import io.threatflow.engine.AsEngine;
import io.threatflow.sla.DueTimes;
import io.threatflow.sla.Sla;
import io.threatflow.sla.SlaBreached;
import io.threatflow.sla.SlaBreaches;
import io.threatflow.sla.SlaRegister;
import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import io.threatflow.threat.ThreatType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Deque;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One test per outcome of threat-remediation, with the real decisions and mocked delegates. The
 * mitigation subprocess is a stub whose outcome the test chooses; it has its own test.
 */
@Deployment(resources = {
        "processes/threat-remediation.bpmn", "processes/threat-severity.dmn", "processes/response-plan.dmn",
        "processes/approval-policy.dmn", "processes/sla-policy.dmn", "forms/decide-overdue-threat.form",
        "stub/threat-mitigation-stub.bpmn",
        "forms/triage-threat.form", "forms/investigate-threat.form", "forms/approve-eradication.form",
        "forms/confirm-closure.form", "forms/report-threat.form", "forms/confirm-validation.form"})
class RemediationProcessTest {

    static final String RECEIVE_ACTION_RESULT = "ReceiveTask_AwaitActionResult";

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .excludeProcessDefinitionKeys("threat-mitigation")
            .build();

    ProcessEngine engine;

    final JavaDelegate closeFalsePositive = mock(JavaDelegate.class);
    final JavaDelegate closeEliminated = mock(JavaDelegate.class);
    final JavaDelegate liftContainment = mock(JavaDelegate.class);
    final JavaDelegate notifyStakeholders = mock(JavaDelegate.class);
    final JavaDelegate recordSighting = mock(JavaDelegate.class);
    final Deque<Object> eradicationResults = new ArrayDeque<>();
    final Deque<Boolean> validationResults = new ArrayDeque<>();
    /** The next validation cannot see for itself whether the threat is gone. */
    boolean awaitSourceWord;
    RemediationCases cases;
    int eradications;

    static final Instant REPORTED = Instant.parse("2026-03-02T09:00:00Z");
    final ThreatService threats = mock(ThreatService.class);
    final SlaRegister slaRegister = mock(SlaRegister.class);
    final SlaBreaches breaches = mock(SlaBreaches.class);
    final NotificationPort notifications = mock(NotificationPort.class);
    final ActionService actions = mock(ActionService.class);
    final JavaDelegate escalateStalledAction = mock(JavaDelegate.class);
    PendingActions pendingActions;
    /** Breaches as the table keeps them: once per threat, service level and due time. */
    final Set<String> recordedBreaches = new HashSet<>();

    @BeforeEach
    void registerDelegates() {
        init(engine);
        Mocks.register("registerThreat", (JavaDelegate) execution -> { });
        Mocks.register("enrichThreat", (JavaDelegate) execution -> { });
        Mocks.register("recordAssessedSeverity", (ExecutionListener) execution -> { });
        Mocks.register("nameTaskAfterThreat", new NameTaskAfterThreatListener());
        // the real listeners: they turn the forms' answers into the variables the gateways read
        Mocks.register("recordTriage", new RecordTriageListener(threats));
        Mocks.register("recordInvestigation", new RecordInvestigationListener(threats));
        Mocks.register("recordApproval", new RecordApprovalListener());
        Mocks.register("closeFalsePositive", closeFalsePositive);
        Mocks.register("notifyStakeholders", notifyStakeholders);
        Mocks.register("collectEvidence", (JavaDelegate) execution -> {
            INVESTIGATION_ROUND.set(execution, INVESTIGATION_ROUND.from(execution, 0) + 1);
            ERADICATION_ATTEMPT.set(execution, 0);
        });
        Mocks.register("eradicateThreat", (JavaDelegate) this::eradicate);
        Mocks.register("validateRemediation", (JavaDelegate) this::validate);
        Mocks.register("liftContainment", liftContainment);
        Mocks.register("closeEliminated", closeEliminated);
        Mocks.register("recordSighting", recordSighting);

        ClockUtil.setCurrentTime(Date.from(REPORTED));
        when(threats.get("threat-1")).thenReturn(new Threat("threat-1", "Log4Shell", null, ThreatType.VULNERABILITY,
                null, null, false, "asset-1", "web-01", null, null, null, null, ThreatStatus.OPEN, null, REPORTED, null,
                Map.of(), false));
        when(breaches.record(anyString(), any(), any(), any(), any())).thenAnswer(call -> {
            SlaBreached breach = new SlaBreached(call.getArgument(0), call.getArgument(1), call.getArgument(2),
                    call.getArgument(3), ClockUtil.getCurrentTime().toInstant());
            return recordedBreaches.add(breach.sla() + "@" + breach.dueAt()) ? breach : null;
        });
        Clock engineClock = new EngineClock();
        Mocks.register("recordServiceLevels", new RecordServiceLevelsListener(threats, slaRegister, engineClock));
        Mocks.register("escalateOverdue", new EscalateOverdueDelegate(breaches, notifications));
        Mocks.register("recordOverdueDecision", new RecordOverdueDecisionListener(engineClock));
        Mocks.register("extendResolution", new ExtendResolutionDelegate(slaRegister));
        Mocks.register("reassignOverdueThreat", new ReassignOverdueThreatDelegate());
        pendingActions = new PendingActions(actions, runtimeService(), new PendingActionSettings(Duration.ofHours(4)),
                engineClock);
        Mocks.register("escalateStalledAction", escalateStalledAction);
        Mocks.register("recordValidation", new RecordValidationListener());
        cases = new RemediationCases(runtimeService(), historyService(), taskService(),
                new AsEngine((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()),
                engine.getIdentityService(), engine.getAuthorizationService(), false);
    }

    /** The engine's clock, as the application's {@code Clock} bean reads it. */
    static final class EngineClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }

    private static void clockAt(Duration afterReport) {
        ClockUtil.setCurrentTime(Date.from(REPORTED.plus(afterReport)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private void eradicate(DelegateExecution execution) {
        eradications++;
        ERADICATION_ATTEMPT.set(execution, ERADICATION_ATTEMPT.from(execution, 0) + 1);
        Object result = eradicationResults.isEmpty() ? "applied" : eradicationResults.pop();
        if (result instanceof BpmnError error) {
            throw error;
        }
        ActionKey key = ActionKey.eradication("threat-1", ActionType.PATCH_SOFTWARE, execution.getProcessInstanceId(),
                1, ERADICATION_ATTEMPT.from(execution));
        ActionRecord logged = new ActionRecord(eradications, "threat-1", key.action(), key.purpose(), "web-01",
                "pending".equals(result) ? ActionStatus.PENDING : ActionStatus.APPLIED, 1, key.value(),
                key.caseId(), "webhook https://soar.example accepted PATCH_SOFTWARE on web-01 for later (202)",
                ClockUtil.getCurrentTime().toInstant(), null);
        when(actions.findByActionId(key.actionId())).thenReturn(Optional.of(logged));
        when(actions.recordResult(eq(logged), any(), any())).thenReturn(true);
        pendingActions.await(execution, key, logged);
    }

    /** The action id of the eradication the mock applied last: what the target posts its result for. */
    private String pendingActionId(ProcessInstance instance) {
        return (String) runtimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .variableName(PendingActions.PENDING_ACTION_ID.name()).list().get(0).getValue();
    }

    /** Plays the scanner with the configured default of two retries. */
    private void validate(DelegateExecution execution) {
        int attempt = ERADICATION_ATTEMPT.from(execution);
        RETRIES_LEFT.set(execution, Math.max(0, 2 - (attempt - 1)));
        boolean observed = !awaitSourceWord;
        awaitSourceWord = false;
        VALIDATION_OBSERVED.set(execution, observed);
        if (observed) {
            THREAT_PERSISTS.set(execution, !validationResults.isEmpty() && validationResults.pop());
        } else {
            SOURCE_WORD_DUE.set(execution, Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7))));
        }
    }

    /** A MEDIUM case of the type, triaged and investigated as eliminable: it waits to be eradicated. */
    private ProcessInstance investigatedMediumCase(String type) {
        ProcessInstance instance = report(type, "MEDIUM", false, "MEDIUM");
        triage(instance, "MEDIUM");
        investigate(instance, true);
        return instance;
    }

    /** Eradicates, and validation cannot see for itself: the case waits for the source's word. */
    private void eradicateAwaitingTheSourcesWord(ProcessInstance instance) {
        awaitSourceWord = true;
        eradicateAndValidate(instance);
        assertThat(instance).isWaitingAt("Gateway_SourceWord");
    }

    private ProcessInstance report(String type, String assetCriticality, boolean knownExploited, String reported) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, "threat-1", withVariables(
                THREAT_ID.name(), "threat-1", THREAT_TYPE.name(), type, ASSET_CRITICALITY.name(), assetCriticality,
                KNOWN_EXPLOITED.name(), knownExploited, REPORTED_SEVERITY.name(), reported,
                THREAT_TITLE.name(), "RDP exposed", ASSET_NAME.name(), "legacy-hr-01"));
        assertThat(instance).isWaitingAt(TASK_ENRICH_THREAT);
        execute(job());
        assertThat(instance).isWaitingAt(TASK_TRIAGE_THREAT);
        // Tasklist's card reads the threat, not the step alone
        assertThat(task()).hasCandidateGroup("analysts").hasName("Triage threat: RDP exposed on legacy-hr-01");
        return instance;
    }

    private void triage(ProcessInstance instance, String severity) {
        complete(task(), withVariables(FALSE_POSITIVE.name(), false, SEVERITY.name(), severity));
        assertThat(instance).isWaitingAt(TASK_NOTIFY_STAKEHOLDERS);
        execute(job(TASK_NOTIFY_STAKEHOLDERS));
    }

    private void investigate(ProcessInstance instance, boolean eliminable) {
        assertThat(instance).isWaitingAt(TASK_COLLECT_EVIDENCE);
        execute(job(TASK_COLLECT_EVIDENCE));
        assertThat(instance).isWaitingAt(TASK_INVESTIGATE_THREAT);
        assertThat(task()).hasCandidateGroup("analysts").hasName("Investigate threat: RDP exposed on legacy-hr-01");
        complete(task(), withVariables(ROOT_CAUSE.name(), "unpatched library", ELIMINABLE.name(), eliminable));
    }

    private void eradicateAndValidate(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(TASK_ERADICATE_THREAT);
        execute(job(TASK_ERADICATE_THREAT));
        assertThat(instance).isWaitingAt(TASK_VALIDATE_REMEDIATION);
        execute(job(TASK_VALIDATE_REMEDIATION));
    }

    private void closeEliminated(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(TASK_LIFT_CONTAINMENT);
        execute(job(TASK_LIFT_CONTAINMENT));
        assertThat(instance).isWaitingAt(TASK_CONFIRM_CLOSURE);
        assertThat(task(TASK_CONFIRM_CLOSURE)).hasCandidateGroup("analysts");
        complete(task(TASK_CONFIRM_CLOSURE), withVariables(LESSONS_LEARNED.name(), "patch faster"));
    }

    private void mitigationEnds(ProcessInstance instance, String outcome) {
        assertThat(instance).isWaitingAt(CALL_MITIGATE_THREAT);
        ProcessInstance mitigation = calledProcessInstance(instance);
        assertThat(mitigation).hasBusinessKey("threat-1").variables()
                .containsEntry("threatId", "threat-1").containsEntry("mitigationMode", "LONG_TERM");
        complete(task(mitigation), withVariables(MITIGATION_OUTCOME.name(), outcome));
    }

    private static void assertDecisionCancelled(ProcessInstance instance) {
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TASK_DECIDE_ON_OVERDUE_THREAT).canceled().count()).as("the pending decision ended").isEqualTo(1);
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    /** The outcome a finished case reports to history, Cockpit and the benchmark: its one end event. */
    private static void assertEndedAt(ProcessInstance instance, String endEvent) {
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndActivityId()).as("end activity of the historic process instance").isEqualTo(endEvent);
    }

    @Test
    void shouldEndFalsePositive_whenAnalystMarksFalsePositive() throws Exception {
        ProcessInstance instance = report("EXPOSED_SERVICE", "LOW", false, null);
        assertThat(instance).variables().containsEntry(SEVERITY.name(), "LOW");

        complete(task(), withVariables(FALSE_POSITIVE.name(), true, SEVERITY.name(), "LOW", TRIAGE_NOTES.name(), "scanner noise"));

        assertThat(instance).isEnded().hasPassed(TASK_CLOSE_FALSE_POSITIVE).hasPassed(END_FALSE_POSITIVE)
                .hasNotPassed(TASK_PLAN_RESPONSE);
        verify(closeFalsePositive).execute(any());
        verify(notifyStakeholders, never()).execute(any());
    }

    @Test
    void shouldEndEliminated_whenPatchRemovesVulnerability() throws Exception {
        ProcessInstance instance = report("VULNERABILITY", "MEDIUM", false, "MEDIUM");
        assertThat(instance).variables().containsEntry(SEVERITY.name(), "MEDIUM");
        triage(instance, "MEDIUM");
        assertThat(instance).variables().containsEntry(REMEDIATION_ACTION.name(), "PATCH_SOFTWARE")
                .containsEntry(CONTAIN_FIRST.name(), false);
        investigate(instance, true);
        assertThat(instance).variables().containsEntry(APPROVAL_REQUIRED.name(), false);
        eradicateAndValidate(instance);
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed(END_THREAT_ELIMINATED)
                .hasNotPassed(CALL_CONTAIN_THREAT, TASK_APPROVE_ERADICATION, CALL_MITIGATE_THREAT);
        verify(notifyStakeholders).execute(any());
        verify(liftContainment).execute(any());
        verify(closeEliminated).execute(any());
    }

    @Test
    void shouldContainFirstAndEliminate_whenMalwareIsSevere() throws Exception {
        ProcessInstance instance = report("MALWARE", "HIGH", false, null);
        assertThat(instance).variables().containsEntry(SEVERITY.name(), "CRITICAL");
        complete(task(), withVariables(FALSE_POSITIVE.name(), false, SEVERITY.name(), "CRITICAL"));

        assertThat(instance).isWaitingAt(CALL_CONTAIN_THREAT);
        ProcessInstance containment = calledProcessInstance(instance);
        assertThat(containment).hasBusinessKey("threat-1").variables()
                .containsEntry("threatId", "threat-1").containsEntry("mitigationMode", "CONTAINMENT");
        complete(task(containment), withVariables(MITIGATION_OUTCOME.name(), "CONTAINED"));
        assertThat(instance).variables().containsEntry(CONTAINMENT_OUTCOME.name(), "CONTAINED");
        execute(job(TASK_NOTIFY_STAKEHOLDERS));

        investigate(instance, true);
        eradicateAndValidate(instance);
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed(CALL_CONTAIN_THREAT, END_THREAT_ELIMINATED);
        verify(liftContainment).execute(any());
    }

    @Test
    void shouldEliminateAfterApprovalAndRetry_whenFirstUpgradeDoesNotHold() throws Exception {
        ProcessInstance instance = report("OUTDATED_OS", "MEDIUM", false, "MEDIUM");
        triage(instance, "MEDIUM");
        investigate(instance, true);

        assertThat(instance).isWaitingAt(TASK_APPROVE_ERADICATION);
        assertThat(task()).hasCandidateGroup("managers").hasName("Approve eradication: RDP exposed on legacy-hr-01");
        // the element's own name stays what Cockpit's diagram and the timeline show
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().activityId(TASK_TRIAGE_THREAT)
                .singleResult().getActivityName()).isEqualTo("Triage threat");
        complete(task(), withVariables(ERADICATION_DECISION.name(), "APPROVED", APPROVAL_COMMENT.name(), "change window tonight"));

        validationResults.add(true);   // the first upgrade did not take
        eradicateAndValidate(instance);
        assertThat(instance).variables().containsEntry(THREAT_PERSISTS.name(), true);
        eradicateAndValidate(instance);
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed(END_THREAT_ELIMINATED).hasNotPassed(CALL_MITIGATE_THREAT);
        Assertions.assertThat(eradications).isEqualTo(2);
    }

    @Test
    void shouldAskAManager_whenTheAnalystChangesThePlannedPatchToAnOsUpgrade() throws Exception {
        ProcessInstance instance = report("VULNERABILITY", "LOW", false, "LOW");
        triage(instance, "LOW");
        assertThat(instance).variables().containsEntry(REMEDIATION_ACTION.name(), "PATCH_SOFTWARE");
        execute(job(TASK_COLLECT_EVIDENCE));
        complete(task(), withVariables(ROOT_CAUSE.name(), "kernel out of support", ELIMINABLE.name(), true,
                REMEDIATION_ACTION.name(), "UPGRADE_OS"));

        assertThat(instance).hasPassed(TASK_DECIDE_APPROVAL).isWaitingAt(TASK_APPROVE_ERADICATION).variables()
                .containsEntry(APPROVAL_REQUIRED.name(), true)
                .containsEntry(APPROVAL_REASON.name(), "An OS upgrade always needs a manager's approval");
    }

    @Test
    void shouldEndMitigated_whenThreatCannotBeEliminated() throws Exception {
        ProcessInstance instance = report("VULNERABILITY", "LOW", false, "LOW");
        triage(instance, "LOW");
        investigate(instance, false);
        mitigationEnds(instance, "RISK_ACCEPTED");

        assertThat(instance).isEnded().hasPassed(END_THREAT_MITIGATED).hasNotPassed(TASK_ERADICATE_THREAT);
    }

    @Test
    void shouldEndMitigated_whenManagerRejectsEradication() throws Exception {
        ProcessInstance instance = report("VULNERABILITY", "CRITICAL", false, "LOW");
        triage(instance, "HIGH");
        investigate(instance, true);
        assertThat(instance).isWaitingAt(TASK_APPROVE_ERADICATION);
        complete(task(), withVariables(ERADICATION_DECISION.name(), "REJECTED", APPROVAL_COMMENT.name(), "too risky on the database"));
        mitigationEnds(instance, "RISK_ACCEPTED");

        assertThat(instance).isEnded().hasPassed(END_THREAT_MITIGATED).hasNotPassed(TASK_ERADICATE_THREAT);
        Assertions.assertThat(eradications).isZero();
    }

    @Test
    void shouldEndMitigated_whenTargetRefusesAction() throws Exception {
        ProcessInstance instance = report("EXPOSED_SERVICE", "LOW", false, "LOW");
        triage(instance, "LOW");
        investigate(instance, true);
        eradicationResults.add(new BpmnError(ERROR_ACTION_REJECTED, "asset is unmanaged"));
        assertThat(instance).isWaitingAt(TASK_ERADICATE_THREAT);
        execute(job(TASK_ERADICATE_THREAT));
        assertThat(instance).variables().containsEntry(REJECTION_REASON.name(), "asset is unmanaged");
        mitigationEnds(instance, "RISK_ACCEPTED");

        assertThat(instance).isEnded().hasPassed(BOUNDARY_ACTION_REJECTED, END_THREAT_MITIGATED)
                .hasNotPassed(TASK_VALIDATE_REMEDIATION);
    }

    @Test
    void shouldWaitForThePostedResult_andValidate_whenTheTargetAppliesTheActionLater() throws Exception {
        ProcessInstance instance = investigatedMediumCase("VULNERABILITY");
        eradicationResults.add("pending");
        execute(job(TASK_ERADICATE_THREAT));
        assertThat(instance).isWaitingAt(RECEIVE_ACTION_RESULT);

        String actionId = pendingActionId(instance);
        Assertions.assertThat(pendingActions.accept(actionId, ActionStatus.APPLIED, "patched in change 4711"))
                .isEqualTo(PendingActions.Outcome.RECORDED);
        verify(actions).recordResult(any(), eq(ActionStatus.APPLIED), eq("patched in change 4711"));
        assertThat(instance).isWaitingAt(TASK_VALIDATE_REMEDIATION);
        execute(job(TASK_VALIDATE_REMEDIATION));
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed("EndEvent_ActionApplied", END_THREAT_ELIMINATED)
                .hasNotPassed("BoundaryEvent_ActionNotApplied", CALL_MITIGATE_THREAT);
        verify(escalateStalledAction, never()).execute(any());
    }

    @Test
    void shouldTakeTheMitigationPath_whenThePostedResultSaysTheTargetRefused() throws Exception {
        ProcessInstance instance = investigatedMediumCase("VULNERABILITY");
        eradicationResults.add("pending");
        execute(job(TASK_ERADICATE_THREAT));

        pendingActions.accept(pendingActionId(instance), ActionStatus.REJECTED, "change window closed");
        assertThat(instance).variables().containsEntry(PendingActions.ACTION_RESULT.name(), "REJECTED")
                .containsEntry(REJECTION_REASON.name(), "The system refused to patch the software on web-01: change window closed");
        mitigationEnds(instance, "RISK_ACCEPTED");

        assertThat(instance).isEnded().hasPassed("EndEvent_ActionNotApplied", "BoundaryEvent_ActionNotApplied",
                END_THREAT_MITIGATED).hasNotPassed(TASK_VALIDATE_REMEDIATION);
    }

    @Test
    void shouldTellTheManagersAndGoOnWaiting_whenTheResultIsLate() throws Exception {
        ProcessInstance instance = investigatedMediumCase("VULNERABILITY");
        eradicationResults.add("pending");
        execute(job(TASK_ERADICATE_THREAT));
        Job late = managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_ActionResultLate").singleResult();
        Assertions.assertThat(late.getDuedate()).isEqualTo(Date.from(REPORTED.plus(Duration.ofHours(4))));

        clockAt(Duration.ofHours(5));
        execute(late);
        execute(job("Task_EscalateLateResult"));
        verify(escalateStalledAction).execute(any());
        assertThat(instance).isWaitingAt(RECEIVE_ACTION_RESULT).hasPassed("EndEvent_LateResultEscalated");

        pendingActions.accept(pendingActionId(instance), ActionStatus.APPLIED, null);
        execute(job(TASK_VALIDATE_REMEDIATION));
        closeEliminated(instance);
        assertThat(instance).isEnded().hasPassed(END_THREAT_ELIMINATED);
    }

    @Test
    void shouldCloseEliminated_onlyOnTheSourcesWordThatTheThreatIsResolved() throws Exception {
        ProcessInstance instance = report("VULNERABILITY", "MEDIUM", false, "MEDIUM");
        RemediationCases.SightingReport resolved = new RemediationCases.SightingReport("Inspector", "finding-9",
                null, "scanner");
        Assertions.assertThat(cases.resolvedBySource("threat-1", resolved)).as("nothing waits for it at triage").isFalse();
        triage(instance, "MEDIUM");
        investigate(instance, true);
        eradicateAwaitingTheSourcesWord(instance);

        Assertions.assertThat(cases.resolvedBySource("threat-1", resolved)).isTrue();
        assertThat(instance).variables().containsEntry(VALIDATION_RESULT.name(),
                "The source (Inspector, finding-9) reports the threat resolved.");
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed("EndEvent_SourceReportsResolved", END_THREAT_ELIMINATED)
                .hasNotPassed(TASK_CONFIRM_VALIDATION);
    }

    @Test
    void shouldEradicateAgain_whenTheSourceReportsTheThreatAgainAfterTheEradication() throws Exception {
        ProcessInstance instance = investigatedMediumCase("MALWARE");
        eradicateAwaitingTheSourcesWord(instance);

        Assertions.assertThat(cases.addSighting("threat-1", new RemediationCases.SightingReport("EDR", "alert-12",
                Severity.HIGH, "edr"))).isTrue();
        verify(recordSighting).execute(any());
        assertThat(instance).hasPassed("EndEvent_SourceStillReports").variables()
                .containsEntry(THREAT_PERSISTS.name(), true);
        eradicateAndValidate(instance);
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed(END_THREAT_ELIMINATED);
        Assertions.assertThat(eradications).isEqualTo(2);
    }

    @Test
    void shouldAskAnAnalyst_whenTheSourceSaysNothingInTime_andCloseOnlyOnTheirGone() throws Exception {
        ProcessInstance instance = investigatedMediumCase("VULNERABILITY");
        eradicateAwaitingTheSourcesWord(instance);

        clockAt(Duration.ofDays(8));
        execute(managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Event_SourceWordDue").singleResult());
        assertThat(instance).isWaitingAt(TASK_CONFIRM_VALIDATION);
        assertThat(task(TASK_CONFIRM_VALIDATION)).hasCandidateGroup("analysts");
        complete(task(TASK_CONFIRM_VALIDATION), withVariables(VALIDATION_VERDICT.name(), "GONE",
                VALIDATION_EVIDENCE.name(), "rescan 2026-03-10: Windows Server 2022"));
        assertThat(instance).variables().containsEntry(THREAT_PERSISTS.name(), false);
        Assertions.assertThat((String) runtimeService().getVariable(instance.getId(), VALIDATION_RESULT.name()))
                .contains("the threat is gone").contains("rescan 2026-03-10");
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed("EndEvent_ValidationConfirmed", END_THREAT_ELIMINATED);
    }

    @Test
    void shouldEndMitigated_whenThreatPersistsAfterAllRetries() throws Exception {
        ProcessInstance instance = report("VULNERABILITY", "LOW", false, "LOW");
        triage(instance, "LOW");
        investigate(instance, true);
        validationResults.addAll(List.of(true, true, true));
        eradicateAndValidate(instance);
        eradicateAndValidate(instance);
        eradicateAndValidate(instance);
        assertThat(instance).variables().containsEntry(RETRIES_LEFT.name(), 0);
        mitigationEnds(instance, "RISK_ACCEPTED");

        assertThat(instance).isEnded().hasPassed(END_THREAT_MITIGATED).hasNotPassed(TASK_LIFT_CONTAINMENT);
        Assertions.assertThat(eradications).isEqualTo(3);
    }

    @Test
    void shouldInvestigateAgain_whenManagerRefusesResidualRisk() throws Exception {
        ProcessInstance instance = report("COMPROMISED_ACCOUNT", "LOW", false, null);
        complete(task(), withVariables(FALSE_POSITIVE.name(), false, SEVERITY.name(), "HIGH"));
        complete(task(calledProcessInstance(instance)), withVariables(MITIGATION_OUTCOME.name(), "CONTAINED"));
        assertThat(instance).isWaitingAt(TASK_NOTIFY_STAKEHOLDERS);
        execute(job(TASK_NOTIFY_STAKEHOLDERS));
        investigate(instance, false);
        mitigationEnds(instance, "REINVESTIGATE");

        investigate(instance, true);
        eradicateAndValidate(instance);
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed(END_THREAT_ELIMINATED)
                .variables().containsEntry(INVESTIGATION_ROUND.name(), 2);
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TASK_INVESTIGATE_THREAT).count()).isEqualTo(2);
    }

    @Test
    void shouldRecordSightingAndCarryOn_whenThreatIsReportedAgain() throws Exception {
        ProcessInstance instance = report("VULNERABILITY", "MEDIUM", false, "LOW");

        runtimeService().createMessageCorrelation(MESSAGE_THREAT_REOBSERVED).processInstanceBusinessKey("threat-1")
                .setVariablesLocal(withVariables(SIGHTING_SOURCE.name(), "scanner", SIGHTING_SEVERITY.name(), "HIGH"))
                .correlate();

        assertThat(instance).hasPassed(TASK_RECORD_SIGHTING, END_SIGHTING_RECORDED).isWaitingAt(TASK_TRIAGE_THREAT);
        verify(recordSighting).execute(any());
        assertThat(instance).variables().containsEntry(SIGHTING_SEVERITY.name(), "HIGH");
    }

    // --- service levels

    private static Date at(Duration afterReport) {
        return Date.from(REPORTED.plus(afterReport));
    }

    /** A MEDIUM case waiting at its investigation: contain within a day, resolve within seven. */
    private ProcessInstance mediumCaseInInvestigation() {
        ProcessInstance instance = report("VULNERABILITY", "MEDIUM", false, "MEDIUM");
        triage(instance, "MEDIUM");
        assertThat(instance).isWaitingAt(TASK_COLLECT_EVIDENCE);
        execute(job(TASK_COLLECT_EVIDENCE));
        assertThat(instance).isWaitingAt(TASK_INVESTIGATE_THREAT);
        return instance;
    }

    /** Lets the resolution due date pass: the breach is recorded and the managers are asked. */
    private void resolutionDueDatePasses(ProcessInstance instance, String timerActivity) {
        execute(job(timerActivity));
        assertThat(instance).isWaitingAt(TASK_RECORD_RESOLUTION_BREACH);
        execute(job(TASK_RECORD_RESOLUTION_BREACH));
        assertThat(instance).isWaitingAt(TASK_DECIDE_ON_OVERDUE_THREAT, TASK_INVESTIGATE_THREAT);
        assertThat(task(TASK_DECIDE_ON_OVERDUE_THREAT)).hasCandidateGroup("managers");
    }

    private void decide(Object... variables) {
        complete(task(TASK_DECIDE_ON_OVERDUE_THREAT), withVariables(OVERDUE_COMMENT.name(), "overdue", variables));
    }

    @Test
    void shouldSetDueDatesFromPolicy_andMoveThemWithTriagedSeverity() {
        ProcessInstance instance = report("VULNERABILITY", "MEDIUM", false, "CRITICAL");

        assertThat(instance).variables().containsEntry(TRIAGE_DUE.name(), at(Duration.ofMinutes(15)))
                .containsEntry(CONTAIN_DUE.name(), at(Duration.ofHours(1)))
                .containsEntry(RESOLVE_DUE.name(), at(Duration.ofHours(24)));
        Assertions.assertThat(task().getDueDate()).isEqualTo(at(Duration.ofMinutes(15)));
        verify(slaRegister).recordDueTimes("threat-1", new DueTimes(REPORTED.plus(Duration.ofMinutes(15)),
                REPORTED.plus(Duration.ofHours(1)), REPORTED.plus(Duration.ofHours(24))));

        triage(instance, "MEDIUM");   // the analyst rates it lower: containment and resolution get more time
        execute(job(TASK_COLLECT_EVIDENCE));

        assertThat(instance).variables().containsEntry(TRIAGE_DUE.name(), at(Duration.ofMinutes(15)))
                .containsEntry(CONTAIN_DUE.name(), at(Duration.ofDays(1)))
                .containsEntry(RESOLVE_DUE.name(), at(Duration.ofDays(7)));
        Assertions.assertThat(task(TASK_INVESTIGATE_THREAT).getDueDate()).isEqualTo(at(Duration.ofDays(1)));
        Assertions.assertThat(job(START_RESOLUTION_OVERDUE).getDuedate()).isEqualTo(at(Duration.ofDays(7)));
    }

    @Test
    void shouldEscalateTriage_whenOverdue_andLeaveTheTaskOpen() {
        ProcessInstance instance = report("VULNERABILITY", "MEDIUM", false, "CRITICAL");
        String triageTask = task().getId();
        Assertions.assertThat(job(BOUNDARY_TRIAGE_OVERDUE).getDuedate()).isEqualTo(at(Duration.ofMinutes(15)));

        clockAt(Duration.ofMinutes(16));
        execute(job(BOUNDARY_TRIAGE_OVERDUE));
        execute(job(TASK_ESCALATE_OVERDUE_TRIAGE));

        assertThat(instance).hasPassed(END_OVERDUE_TRIAGE_ESCALATED).isWaitingAt(TASK_TRIAGE_THREAT);
        Assertions.assertThat(task().getId()).isEqualTo(triageTask);
        Assertions.assertThat(task().getPriority()).isEqualTo(EscalateOverdueDelegate.ESCALATED_PRIORITY);
        verify(breaches).record("threat-1", Sla.TRIAGE, Severity.CRITICAL, REPORTED.plus(Duration.ofMinutes(15)),
                triageTask);
        verify(notifications).send(any());

        triage(instance, "CRITICAL");
        assertThat(instance).isWaitingAt(TASK_COLLECT_EVIDENCE);
    }

    @Test
    void shouldRecordNoBreach_whenEveryStepIsDoneInTime() {
        ProcessInstance instance = report("VULNERABILITY", "MEDIUM", false, "MEDIUM");
        clockAt(Duration.ofHours(1));
        triage(instance, "MEDIUM");
        clockAt(Duration.ofHours(2));
        investigate(instance, true);
        eradicateAndValidate(instance);
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed(END_THREAT_RESOLVED, END_THREAT_ELIMINATED)
                .hasNotPassed(BOUNDARY_TRIAGE_OVERDUE, BOUNDARY_INVESTIGATION_OVERDUE, START_RESOLUTION_OVERDUE);
        verify(breaches, never()).record(any(), any(), any(), any(), any());
        Assertions.assertThat(managementService().createJobQuery().count()).isZero();
    }

    @Test
    void shouldEscalateInvestigation_whenContainmentIsOverdue() {
        ProcessInstance instance = mediumCaseInInvestigation();
        String investigation = task(TASK_INVESTIGATE_THREAT).getId();

        clockAt(Duration.ofDays(1).plusMinutes(1));
        execute(job(BOUNDARY_INVESTIGATION_OVERDUE));
        execute(job(TASK_ESCALATE_OVERDUE_INVESTIGATION));

        assertThat(instance).hasPassed(END_OVERDUE_INVESTIGATION_ESCALATED).isWaitingAt(TASK_INVESTIGATE_THREAT);
        Assertions.assertThat(task(TASK_INVESTIGATE_THREAT).getPriority()).isEqualTo(100);
        verify(breaches).record("threat-1", Sla.CONTAINMENT, Severity.MEDIUM, REPORTED.plus(Duration.ofDays(1)),
                investigation);
    }

    @Test
    void shouldHoldLowThreatToResolutionOnly_andCountThatBreachOnce() {
        ProcessInstance instance = report("VULNERABILITY", "MEDIUM", false, "LOW");
        triage(instance, "LOW");
        execute(job(TASK_COLLECT_EVIDENCE));
        assertThat(instance).variables().containsEntry(CONTAIN_DUE.name(), null)
                .containsEntry(RESOLVE_DUE.name(), at(Duration.ofDays(30)));
        Assertions.assertThat(task(TASK_INVESTIGATE_THREAT).getDueDate()).isEqualTo(at(Duration.ofDays(30)));
        Assertions.assertThat(job(BOUNDARY_INVESTIGATION_OVERDUE).getDuedate()).isEqualTo(at(Duration.ofDays(30)));

        clockAt(Duration.ofDays(30).plusMinutes(1));
        execute(job(BOUNDARY_INVESTIGATION_OVERDUE));
        execute(job(TASK_ESCALATE_OVERDUE_INVESTIGATION));
        resolutionDueDatePasses(instance, START_RESOLUTION_OVERDUE);

        verify(breaches, times(2)).record(eq("threat-1"), eq(Sla.RESOLUTION), eq(Severity.LOW),
                eq(REPORTED.plus(Duration.ofDays(30))), any());
        verify(breaches, never()).record(any(), eq(Sla.CONTAINMENT), any(), any(), any());
        verify(notifications, times(1)).send(any());
        Assertions.assertThat(task(TASK_INVESTIGATE_THREAT).getPriority()).isEqualTo(100);
    }

    @Test
    void shouldBreachAgain_whenExtendedResolutionDueDatePasses() {
        ProcessInstance instance = mediumCaseInInvestigation();
        clockAt(Duration.ofDays(7).plusMinutes(1));
        resolutionDueDatePasses(instance, START_RESOLUTION_OVERDUE);
        verify(breaches).record("threat-1", Sla.RESOLUTION, Severity.MEDIUM, REPORTED.plus(Duration.ofDays(7)), null);

        String decision = task(TASK_DECIDE_ON_OVERDUE_THREAT).getId();
        Assertions.assertThatThrownBy(() -> decide(OVERDUE_DECISION.name(), "EXTEND", NEW_RESOLVE_DUE.name(),
                        "2026-03-01T09:00:00Z"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("must be in the future");
        Assertions.assertThat(task(TASK_DECIDE_ON_OVERDUE_THREAT).getId()).as("re-prompted").isEqualTo(decision);

        decide(OVERDUE_DECISION.name(), "EXTEND", NEW_RESOLVE_DUE.name(), "2026-03-12T10:00+01:00");

        assertThat(instance).isWaitingAt(TIMER_EXTENDED_RESOLUTION_DUE, TASK_INVESTIGATE_THREAT)
                .variables().containsEntry(RESOLVE_DUE.name(), at(Duration.ofDays(10)));
        verify(slaRegister).recordDueTimes("threat-1", new DueTimes(REPORTED.plus(Duration.ofMinutes(240)),
                REPORTED.plus(Duration.ofDays(1)), REPORTED.plus(Duration.ofDays(10))));

        clockAt(Duration.ofDays(10).plusMinutes(1));
        resolutionDueDatePasses(instance, TIMER_EXTENDED_RESOLUTION_DUE);
        verify(breaches).record("threat-1", Sla.RESOLUTION, Severity.MEDIUM, REPORTED.plus(Duration.ofDays(10)), null);

        // the case is closed while the managers still decide: the decision goes with it
        complete(task(TASK_INVESTIGATE_THREAT), withVariables(ROOT_CAUSE.name(), "unpatched library", ELIMINABLE.name(), true));
        eradicateAndValidate(instance);
        closeEliminated(instance);
        assertThat(instance).isEnded().hasPassed(END_THREAT_ELIMINATED);
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
        Assertions.assertThat(managementService().createJobQuery().count()).isZero();
    }

    @Test
    void shouldOfferOpenTasksToChosenGroup_whenManagerReassigns() {
        ProcessInstance instance = mediumCaseInInvestigation();
        clockAt(Duration.ofDays(7).plusMinutes(1));
        resolutionDueDatePasses(instance, START_RESOLUTION_OVERDUE);

        decide(OVERDUE_DECISION.name(), "REASSIGN", REASSIGN_GROUP.name(), "incident-response");
        execute(job(TASK_REASSIGN_OVERDUE_THREAT));

        assertThat(instance).hasPassed(END_OVERDUE_THREAT_REASSIGNED).isWaitingAt(TASK_INVESTIGATE_THREAT);
        Assertions.assertThat(taskService().getIdentityLinksForTask(task(TASK_INVESTIGATE_THREAT).getId()))
                .extracting(IdentityLink::getGroupId).containsExactly("incident-response");
    }

    @Test
    void shouldCancelOpenWorkAndMitigate_whenManagerOrdersMitigation() {
        ProcessInstance instance = mediumCaseInInvestigation();
        clockAt(Duration.ofDays(7).plusMinutes(1));
        resolutionDueDatePasses(instance, START_RESOLUTION_OVERDUE);

        decide(OVERDUE_DECISION.name(), "MITIGATE");

        assertThat(instance).hasPassed(END_MITIGATION_ORDERED).isWaitingAt(CALL_MITIGATE_BY_ORDER)
                .isNotWaitingAt(TASK_INVESTIGATE_THREAT);
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count())
                .as("the investigation is cancelled").isZero();
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count())
                .as("no timer of the cancelled work is left").isZero();
        ProcessInstance mitigation = calledProcessInstance(instance);
        assertThat(mitigation).hasBusinessKey("threat-1").variables().containsEntry("mitigationMode", "LONG_TERM")
                .containsEntry("reinvestigateInNewCase", true).containsEntry("resolveDue", at(Duration.ofDays(7)));
        complete(task(mitigation), withVariables(MITIGATION_OUTCOME.name(), "RISK_ACCEPTED"));

        assertThat(instance).isEnded().hasPassed(BOUNDARY_MITIGATION_ORDERED, END_THREAT_MITIGATED)
                .hasNotPassed(CALL_MITIGATE_THREAT, END_MITIGATION_ACCEPTED);
        assertEndedAt(instance, END_THREAT_MITIGATED);
    }

    @Test
    void shouldEndCase_whenOrderedMitigationIsSentBackForReinvestigation() {
        ProcessInstance instance = mediumCaseInInvestigation();
        clockAt(Duration.ofDays(7).plusMinutes(1));
        resolutionDueDatePasses(instance, START_RESOLUTION_OVERDUE);
        decide(OVERDUE_DECISION.name(), "MITIGATE");

        complete(task(calledProcessInstance(instance)), withVariables(MITIGATION_OUTCOME.name(), "REINVESTIGATE"));

        assertThat(instance).isEnded().hasPassed(END_REINVESTIGATION_BY_NEW_CASE)
                .hasNotPassed(END_THREAT_MITIGATED);
        assertEndedAt(instance, END_REINVESTIGATION_BY_NEW_CASE);
    }

    // --- each outcome ends once, and the historic process instance names its end event

    @Test
    void shouldEndAtFalsePositive_whenAnalystMarksFalsePositive() {
        ProcessInstance instance = report("EXPOSED_SERVICE", "LOW", false, null);
        complete(task(), withVariables(FALSE_POSITIVE.name(), true, SEVERITY.name(), "LOW"));

        assertThat(instance).isEnded();
        assertEndedAt(instance, END_FALSE_POSITIVE);
    }

    @Test
    void shouldEndAtThreatEliminated_andEndAPendingOverdueDecisionWithIt() {
        ProcessInstance instance = mediumCaseInInvestigation();
        clockAt(Duration.ofDays(7).plusMinutes(1));
        resolutionDueDatePasses(instance, START_RESOLUTION_OVERDUE);

        complete(task(TASK_INVESTIGATE_THREAT), withVariables(ROOT_CAUSE.name(), "unpatched library", ELIMINABLE.name(), true));
        eradicateAndValidate(instance);
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed(END_THREAT_RESOLVED);
        assertEndedAt(instance, END_THREAT_ELIMINATED);
        assertDecisionCancelled(instance);
        Assertions.assertThat(managementService().createJobQuery().count()).isZero();
    }

    @Test
    void shouldEndAtThreatMitigated_andEndAPendingOverdueDecisionWithIt() {
        ProcessInstance instance = mediumCaseInInvestigation();
        clockAt(Duration.ofDays(7).plusMinutes(1));
        resolutionDueDatePasses(instance, START_RESOLUTION_OVERDUE);

        complete(task(TASK_INVESTIGATE_THREAT), withVariables(ROOT_CAUSE.name(), "vendor gone", ELIMINABLE.name(), false));
        mitigationEnds(instance, "RISK_ACCEPTED");

        assertThat(instance).isEnded().hasPassed(END_MITIGATION_ACCEPTED, BOUNDARY_MITIGATION_ACCEPTED)
                .hasNotPassed(END_THREAT_ELIMINATED);
        assertEndedAt(instance, END_THREAT_MITIGATED);
        assertDecisionCancelled(instance);
        Assertions.assertThat(managementService().createJobQuery().count()).isZero();
    }

    @Test
    void shouldEndAtThreatMitigated_whenMitigationOrderedByManagerIsAccepted() {
        ProcessInstance instance = mediumCaseInInvestigation();
        clockAt(Duration.ofDays(7).plusMinutes(1));
        resolutionDueDatePasses(instance, START_RESOLUTION_OVERDUE);
        decide(OVERDUE_DECISION.name(), "MITIGATE");

        complete(task(calledProcessInstance(instance)), withVariables(MITIGATION_OUTCOME.name(), "RISK_ACCEPTED"));

        assertThat(instance).isEnded().hasPassed(CALL_MITIGATE_BY_ORDER);
        assertEndedAt(instance, END_THREAT_MITIGATED);
    }

    @Test
    void shouldRecordSighting_whileMitigationOrderedByManagerRuns() throws Exception {
        ProcessInstance instance = mediumCaseInInvestigation();
        clockAt(Duration.ofDays(7).plusMinutes(1));
        resolutionDueDatePasses(instance, START_RESOLUTION_OVERDUE);
        decide(OVERDUE_DECISION.name(), "MITIGATE");

        runtimeService().createMessageCorrelation(MESSAGE_THREAT_REOBSERVED).processInstanceBusinessKey("threat-1")
                .setVariablesLocal(withVariables(SIGHTING_SOURCE.name(), "scanner", SIGHTING_SEVERITY.name(), "HIGH"))
                .correlate();

        assertThat(instance).hasPassed(TASK_RECORD_SIGHTING).isWaitingAt(CALL_MITIGATE_BY_ORDER);
        verify(recordSighting).execute(any());
    }

    // --- conditions read plain variables: a task completed without its answer must not make the gateway throw

    @Test
    void shouldTakeTheFormsDefaults_whenTasksAreCompletedWithoutTheirAnswers() throws Exception {
        ProcessInstance instance = report("OUTDATED_OS", "MEDIUM", false, "MEDIUM");

        complete(task(), withVariables(SEVERITY.name(), "MEDIUM"));
        assertThat(instance).isWaitingAt(TASK_NOTIFY_STAKEHOLDERS).variables()
                .containsEntry(TRIAGE_OUTCOME.name(), "CONFIRMED");
        execute(job(TASK_NOTIFY_STAKEHOLDERS));
        execute(job(TASK_COLLECT_EVIDENCE));
        complete(task(), withVariables(ROOT_CAUSE.name(), "end of life"));
        assertThat(instance).isWaitingAt(TASK_APPROVE_ERADICATION).variables()
                .containsEntry(INVESTIGATION_OUTCOME.name(), "ELIMINABLE");
        // the approval has no default: an answer is required, so nobody rejects by leaving a box as it was
        Assertions.assertThatThrownBy(() -> complete(task(), withVariables(APPROVAL_COMMENT.name(), "not now")))
                .hasMessageContaining("'eradicationDecision' is required");
        assertThat(instance).isWaitingAt(TASK_APPROVE_ERADICATION);
        complete(task(), withVariables(ERADICATION_DECISION.name(), "REJECTED", APPROVAL_COMMENT.name(), "not now"));

        assertThat(instance).isWaitingAt(CALL_MITIGATE_THREAT).variables()
                .containsEntry(APPROVAL_DECISION.name(), "REJECTED");
    }
}
