package io.threatflow.mitigation;

import io.threatflow.remediation.NameTaskAfterThreatListener;
import static io.threatflow.mitigation.MitigationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.threatflow.action.PendingActions;
import io.threatflow.engine.AsEngine;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per outcome of threat-mitigation, with the real decision and mocked delegates. */
@Deployment(resources = {"processes/threat-mitigation.bpmn", "processes/mitigation-measures.dmn",
        "processes/approval-policy.dmn", "processes/risk-acceptance-horizon.dmn", "forms/approve-measure.form",
        "forms/review-residual-risk.form", "forms/review-accepted-risk.form", "forms/start-mitigation.form"})
class MitigationProcessTest {

    static final String RECEIVE_MEASURE_RESULT = "ReceiveTask_AwaitMeasureResult";

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine engine;

    final List<String> applied = new ArrayList<>();
    final List<String> verified = new ArrayList<>();
    final JavaDelegate recordContainment = mock(JavaDelegate.class);
    /** Today for the review's checks: a review date is in the future and within the severity's horizon. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-10T09:00:00Z"), ZoneOffset.UTC);
    final ThreatService threats = mock(ThreatService.class);
    final RiskAcceptanceRepository acceptances = mock(RiskAcceptanceRepository.class);
    final JavaDelegate handOverRiskReview = mock(JavaDelegate.class);
    final JavaDelegate remindRiskReview = mock(JavaDelegate.class);
    final JavaDelegate closeThreatEliminated = mock(JavaDelegate.class);
    /** What the re-check at the review date finds. */
    boolean threatStillPresent = true;
    /** Whether a remediation case called the mitigation (Task_PrepareMitigation's calledByCase). */
    boolean calledByCase = false;
    final JavaDelegate requestReinvestigation = mock(JavaDelegate.class);
    final JavaDelegate escalateStalledAction = mock(JavaDelegate.class);
    final JavaDelegate recordMeasureRefusal = mock(JavaDelegate.class);
    /** The measures whose target accepts them for later and posts the result. */
    final Set<String> acceptedForLater = new HashSet<>();

    @BeforeEach
    void registerDelegates() {
        init(engine);
        Mocks.register("prepareMitigation", (JavaDelegate) execution -> { });
        Mocks.register("applyMeasure", (JavaDelegate) execution -> {
            String measure = MEASURE.from(execution);
            applied.add(measure);
            boolean pending = acceptedForLater.contains(measure);
            PendingActions.ACTION_PENDING.set(execution, pending);
            if (pending) {
                PendingActions.PENDING_ACTION_ID.set(execution, "action-" + measure);
                PendingActions.ACTION_RESULT_DUE.set(execution, Date.from(Instant.now().plus(Duration.ofHours(4))));
            }
        });
        Mocks.register("escalateStalledAction", escalateStalledAction);
        // the real listeners: they describe the measure and turn the manager's answer into what the gateway reads
        Mocks.register("describeMeasure", new DescribeMeasureListener());
        Mocks.register("nameTaskAfterThreat", new NameTaskAfterThreatListener());
        Mocks.register("recordMeasureApproval", new RecordMeasureApprovalListener());
        Mocks.register("recordMeasureRefusal", recordMeasureRefusal);
        Mocks.register("verifyMeasure", (JavaDelegate) execution -> {
            verified.add(MEASURE.from(execution));
            MEASURE_EFFECTIVE.setLocal(execution, true);
        });
        Mocks.register("summariseMeasures", (JavaDelegate) execution ->
                MITIGATION_SUMMARY.set(execution, String.join(", ", applied)));
        Mocks.register("recordContainment", recordContainment);
        // the real listener: it turns the review's answers into the variable the gateways read
        Mocks.register("recordRiskReview", reviewListener());
        // the real delegate: it sets the review's and the reminder's due times the timers read
        Mocks.register("recordRiskAcceptance", new RecordRiskAcceptanceDelegate(threats, acceptances,
                new RiskSettings(null, null), CLOCK));
        Mocks.register("handOverRiskReview", handOverRiskReview);
        Mocks.register("remindRiskReview", remindRiskReview);
        Mocks.register("recheckThreat", (JavaDelegate) execution -> {
            THREAT_STILL_PRESENT.set(execution, threatStillPresent);
            RISK_RECHECK_RESULT.set(execution, threatStillPresent ? "still present" : "gone");
        });
        Mocks.register("closeThreatEliminated", closeThreatEliminated);
        Mocks.register("escalateMitigation", new EscalateMitigationDelegate());
        Mocks.register("requestReinvestigation", requestReinvestigation);
    }

    /** The real listener, with the real decision risk-acceptance-horizon. */
    private RecordRiskReviewListener reviewListener() {
        return new RecordRiskReviewListener(new RiskAcceptanceHorizon(engine.getDecisionService(),
                new AsEngine((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())), acceptances, CLOCK);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance request(String mode, String type, String severity) {
        return request(mode, type, severity, "MEDIUM");
    }

    /** What Task_PrepareMitigation would have set, approval-policy's inputs included. */
    private ProcessInstance request(String mode, String type, String severity, String assetCriticality) {
        return runtimeService().startProcessInstanceByKey(KEY, "threat-7", withVariables(
                THREAT_ID.name(), "threat-7", MITIGATION_MODE.name(), mode, THREAT_TYPE.name(), type,
                SEVERITY.name(), severity, MITIGATION_LEVEL.name(), 1, ASSET_NAME.name(), "db-01",
                THREAT_TITLE.name(), "SQL injection",
                ASSET_CRITICALITY.name(), assetCriticality, KNOWN_EXPLOITED.name(), false,
                OTHER_OPEN_THREATS.name(), 0, CALLED_BY_CASE.name(), calledByCase));
    }

    private void decideMeasure(ProcessInstance instance, String decision, String comment) {
        assertThat(instance).isWaitingAt(TASK_APPROVE_MEASURE);
        assertThat(task(instance)).hasDefinitionKey(TASK_APPROVE_MEASURE).hasCandidateGroup("managers")
                .hasName("Approve measure: SQL injection on db-01");
        identityService().setAuthenticatedUserId("max");
        try {
            complete(task(instance), withVariables(MEASURE_DECISION.name(), decision, MEASURE_DECISION_COMMENT.name(), comment));
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** Runs the apply and verify jobs of every measure, one measure after the other. */
    private void applyMeasures(ProcessInstance instance) {
        while (!jobQuery().processInstanceId(instance.getId()).list().isEmpty()) {
            execute(jobQuery().processInstanceId(instance.getId()).singleResult());
        }
    }

    private void review(ProcessInstance instance, boolean accepted, String reviewDateOrFollowUp, String comment) {
        assertThat(instance).isWaitingAt(TASK_REVIEW_RESIDUAL_RISK);
        assertThat(task()).hasCandidateGroup("managers");
        identityService().setAuthenticatedUserId("mona");
        try {
            complete(task(), withVariables(RESIDUAL_RISK_ACCEPTED.name(), accepted,
                    accepted ? RISK_REVIEW_DATE.name() : REFUSAL_FOLLOW_UP.name(), reviewDateOrFollowUp,
                    REVIEW_COMMENT.name(), comment));
        } finally {
            identityService().clearAuthentication();
        }
    }

    @Test
    void shouldEndContained_whenModeIsContainment() throws Exception {
        ProcessInstance instance = request("CONTAINMENT", "MALWARE", "HIGH");
        applyMeasures(instance);

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_CONTAINMENT, END_THREAT_CONTAINED)
                .hasNotPassed(TASK_REVIEW_RESIDUAL_RISK);
        Assertions.assertThat(applied).containsExactlyInAnyOrder("ISOLATE_HOST", "RAISE_MONITORING");
        Assertions.assertThat(verified).containsExactlyInAnyOrderElementsOf(applied);
        verify(recordContainment).execute(any());
    }

    @Test
    void shouldVerifyAMeasureOnlyOnceItsResultIsPosted_andTellTheManagersWhenItIsLate() throws Exception {
        acceptedForLater.add("ISOLATE_HOST");
        ProcessInstance instance = request("CONTAINMENT", "MALWARE", "HIGH");
        while (!runtimeService().createExecutionQuery().processInstanceId(instance.getId())
                .activityId(RECEIVE_MEASURE_RESULT).list().iterator().hasNext()) {
            execute(jobQuery().processInstanceId(instance.getId()).singleResult());
        }
        Assertions.assertThat(verified).doesNotContain("ISOLATE_HOST");

        execute(jobQuery().processInstanceId(instance.getId()).activityId("BoundaryEvent_MeasureResultLate").singleResult());
        execute(jobQuery().processInstanceId(instance.getId()).activityId("Task_EscalateLateMeasureResult").singleResult());
        verify(escalateStalledAction).execute(any());
        assertThat(instance).isWaitingAt(RECEIVE_MEASURE_RESULT).hasPassed("EndEvent_LateMeasureResultEscalated");

        runtimeService().createMessageCorrelation(PendingActions.MESSAGE_ACTION_RESULT)
                .localVariableEquals(PendingActions.PENDING_ACTION_ID.name(), "action-ISOLATE_HOST")
                .setVariable(PendingActions.ACTION_RESULT.name(), "APPLIED").correlate();
        applyMeasures(instance);

        assertThat(instance).isEnded().hasPassed("EndEvent_MeasureResultPosted", END_THREAT_CONTAINED);
        Assertions.assertThat(verified).containsExactlyInAnyOrder("ISOLATE_HOST", "RAISE_MONITORING");
    }

    @Test
    void shouldEndRiskAccepted_andHandTheReviewOver_whenManagerAcceptsResidualRiskInACalledMitigation() throws Exception {
        calledByCase = true;
        ProcessInstance instance = request("LONG_TERM", "EXPOSED_SERVICE", "MEDIUM");
        applyMeasures(instance);
        assertThat(instance).variables().containsEntry(MITIGATION_SUMMARY.name(), String.join(", ", applied));
        review(instance, true, "2027-03-31", "port blocked at the firewall until the vendor ships a fix");

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_RISK_ACCEPTANCE, TASK_HAND_OVER_RISK_REVIEW,
                        END_RESIDUAL_RISK_ACCEPTED).hasNotPassed(SUBPROCESS_AWAIT_RISK_REVIEW)
                .variables().containsEntry(REVIEWED_BY.name(), "mona")
                .containsEntry(MITIGATION_OUTCOME.name(), "RISK_ACCEPTED");
        Assertions.assertThat(applied).containsExactlyInAnyOrder("BLOCK_PORT", "RAISE_MONITORING");
        verify(acceptances).insert(new RiskAcceptance("threat-7", "mona", LocalDate.of(2027, 3, 31),
                String.join(", ", applied), "port blocked at the firewall until the vendor ships a fix", CLOCK.instant()));
        verify(threats).changeStatus("threat-7", ThreatStatus.MITIGATED);
        verify(handOverRiskReview).execute(any());
    }

    @Test
    void shouldHandTheReviewOverToAMitigationOfItsOwn_thatWaitsForTheReviewDate() throws Exception {
        Mocks.register("handOverRiskReview", new HandOverRiskReviewDelegate(new AcceptedRiskReviews(runtimeService(),
                new AsEngine((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()))));
        calledByCase = true;
        ProcessInstance instance = request("LONG_TERM", "EXPOSED_SERVICE", "MEDIUM");
        applyMeasures(instance);
        review(instance, true, "2027-03-31", "port blocked at the firewall");

        assertThat(instance).isEnded().hasPassed(END_RESIDUAL_RISK_ACCEPTED);
        ProcessInstance review = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey("threat-7").active().singleResult();
        assertThat(review).isWaitingAt(TIMER_RISK_REVIEW_DUE).hasNotPassed(TASK_PREPARE_MITIGATION)
                .variables().containsEntry(THREAT_ID.name(), "threat-7").containsEntry(CALLED_BY_CASE.name(), false)
                .containsEntry(MITIGATION_MODE.name(), "LONG_TERM").containsEntry(ASSET_NAME.name(), "db-01")
                .containsEntry(RISK_REVIEW_DUE.name(), Date.from(Instant.parse("2027-03-31T00:00:00Z")));
        Assertions.assertThat(timer(review, BOUNDARY_RISK_REVIEW_NEAR)).isNotNull();
    }

    @Test
    void shouldWaitForTheReviewDate_andRemindTheManagersBefore_whenManagerAcceptsResidualRisk() throws Exception {
        ProcessInstance instance = request("LONG_TERM", "EXPOSED_SERVICE", "MEDIUM");
        applyMeasures(instance);
        review(instance, true, "2027-03-31", "port blocked at the firewall");

        assertThat(instance).isActive().isWaitingAt(TIMER_RISK_REVIEW_DUE)
                .hasPassed(TASK_RECORD_RISK_ACCEPTANCE).hasNotPassed(TASK_HAND_OVER_RISK_REVIEW);
        Assertions.assertThat(timer(instance, TIMER_RISK_REVIEW_DUE).getDuedate())
                .isEqualTo(Date.from(Instant.parse("2027-03-31T00:00:00Z")));
        Job reminder = timer(instance, BOUNDARY_RISK_REVIEW_NEAR);
        Assertions.assertThat(reminder.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-03-24T00:00:00Z")));

        execute(reminder);
        execute(jobQuery().processInstanceId(instance.getId()).activityId(TASK_REMIND_RISK_REVIEW).singleResult());

        verify(remindRiskReview).execute(any());
        assertThat(instance).hasPassed(END_RISK_REVIEW_REMINDED).isWaitingAt(TIMER_RISK_REVIEW_DUE);
    }

    @Test
    void shouldCloseAsEliminated_whenTheReCheckAtTheReviewDateFindsTheThreatGone() throws Exception {
        ProcessInstance instance = acceptedRiskAtItsReviewDate("MEDIUM");
        threatStillPresent = false;
        execute(jobQuery().processInstanceId(instance.getId()).activityId(TASK_RECHECK_THREAT).singleResult());

        assertThat(instance).isEnded().hasPassed(TASK_RECHECK_THREAT, TASK_CLOSE_THREAT_ELIMINATED, END_THREAT_ELIMINATED)
                .hasNotPassed(TASK_REVIEW_ACCEPTED_RISK);
        verify(closeThreatEliminated).execute(any());
    }

    @Test
    void shouldAcceptAgainUntilANewDate_whenTheThreatIsStillPresentAtTheReviewDate() throws Exception {
        ProcessInstance instance = acceptedRiskAtItsReviewDate("MEDIUM");
        execute(jobQuery().processInstanceId(instance.getId()).activityId(TASK_RECHECK_THREAT).singleResult());
        assertThat(instance).isWaitingAt(TASK_REVIEW_ACCEPTED_RISK).variables()
                .containsEntry(RISK_RECHECK_RESULT.name(), "still present");
        assertThat(task(instance)).hasCandidateGroup("managers");

        reviewAccepted(instance, true, "2027-06-30", "vendor fix due in June");

        assertThat(instance).hasPassed(TASK_RENEW_RISK_ACCEPTANCE).isWaitingAt(TIMER_RISK_REVIEW_DUE);
        Assertions.assertThat(timer(instance, TIMER_RISK_REVIEW_DUE).getDuedate())
                .isEqualTo(Date.from(Instant.parse("2027-06-30T00:00:00Z")));
        verify(acceptances).end("threat-7", RiskAcceptance.Ended.RENEWED, CLOCK.instant());
        verify(threats).changeStatus("threat-7", ThreatStatus.MITIGATED);
    }

    @Test
    void shouldSendTheThreatBackToRemediation_whenTheManagerDoesNotAcceptTheRiskAgain() throws Exception {
        ProcessInstance instance = acceptedRiskAtItsReviewDate("MEDIUM");
        execute(jobQuery().processInstanceId(instance.getId()).activityId(TASK_RECHECK_THREAT).singleResult());

        reviewAccepted(instance, false, null, "the fix is late; look at it again");

        assertThat(instance).isEnded().hasPassed(TASK_SEND_BACK_TO_REMEDIATION, END_SENT_BACK_TO_REMEDIATION)
                .hasNotPassed(TASK_RENEW_RISK_ACCEPTANCE);
        verify(requestReinvestigation).execute(any());
        verify(acceptances).end("threat-7", RiskAcceptance.Ended.SENT_BACK, CLOCK.instant());
    }

    @Test
    void shouldRefuseAReviewDateBeyondTheSeverityHorizon_namingRiskReviewDate() throws Exception {
        ProcessInstance instance = request("LONG_TERM", "EXPOSED_SERVICE", "CRITICAL");
        applyMeasures(instance);
        identityService().setAuthenticatedUserId("mona");
        try {
            Assertions.assertThatThrownBy(() -> complete(task(instance), withVariables(RESIDUAL_RISK_ACCEPTED.name(), true,
                            RISK_REVIEW_DATE.name(), "2027-02-10", REVIEW_COMMENT.name(), "a month and a day")))
                    .hasRootCauseInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("'riskReviewDate' may be at most 30 days ahead for a CRITICAL threat "
                            + "(risk-acceptance-horizon): 2027-02-09 at the latest, not 2027-02-10");
            complete(task(instance), withVariables(RESIDUAL_RISK_ACCEPTED.name(), true, RISK_REVIEW_DATE.name(), "2027-02-09",
                    REVIEW_COMMENT.name(), "thirty days"));
        } finally {
            identityService().clearAuthentication();
        }
        assertThat(instance).isWaitingAt(TIMER_RISK_REVIEW_DUE);
    }

    /** A standalone mitigation whose residual risk was accepted, its review timer fired: the re-check is next. */
    private ProcessInstance acceptedRiskAtItsReviewDate(String severity) {
        ProcessInstance instance = request("LONG_TERM", "EXPOSED_SERVICE", severity);
        applyMeasures(instance);
        review(instance, true, "2027-03-31", "port blocked at the firewall");
        execute(timer(instance, TIMER_RISK_REVIEW_DUE));
        assertThat(instance).hasPassed(SUBPROCESS_AWAIT_RISK_REVIEW).hasNotPassed(TASK_REMIND_RISK_REVIEW);
        Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).activityId(BOUNDARY_RISK_REVIEW_NEAR).count())
                .as("the reminder is not sent once the review is due").isZero();
        return instance;
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return jobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
    }

    private void reviewAccepted(ProcessInstance instance, boolean accepted, String reviewDate, String comment) {
        assertThat(instance).isWaitingAt(TASK_REVIEW_ACCEPTED_RISK);
        identityService().setAuthenticatedUserId("mona");
        try {
            complete(task(instance), accepted
                    ? withVariables(RESIDUAL_RISK_ACCEPTED.name(), true, RISK_REVIEW_DATE.name(), reviewDate,
                    REVIEW_COMMENT.name(), comment)
                    : withVariables(RESIDUAL_RISK_ACCEPTED.name(), false, REVIEW_COMMENT.name(), comment));
        } finally {
            identityService().clearAuthentication();
        }
    }

    @Test
    void shouldApplyStrongerMeasures_whenManagerRefusesResidualRisk() throws Exception {
        ProcessInstance instance = request("LONG_TERM", "OUTDATED_OS", "MEDIUM");
        applyMeasures(instance);
        Assertions.assertThat(applied).containsExactly("RAISE_MONITORING");
        review(instance, false, "STRONGER_MEASURES", "monitoring alone is not enough for an unsupported OS");

        assertThat(instance).hasPassed(TASK_ESCALATE_MITIGATION).variables().containsEntry(MITIGATION_LEVEL.name(), 2);
        applied.clear();
        applyMeasures(instance);
        Assertions.assertThat(applied).containsExactlyInAnyOrder("RAISE_MONITORING", "ISOLATE_HOST");
        review(instance, true, "2027-01-31", "segmented until the upgrade in January");

        assertThat(instance).hasPassed(TASK_RECORD_RISK_ACCEPTANCE).isWaitingAt(TIMER_RISK_REVIEW_DUE);
        verify(requestReinvestigation, never()).execute(any());
    }

    @Test
    void shouldEndReinvestigationRequested_whenManagerSendsThreatBack() throws Exception {
        ProcessInstance instance = request("LONG_TERM", "VULNERABILITY", "HIGH");
        applyMeasures(instance);
        review(instance, false, "REINVESTIGATE", "a patch exists, look again");

        assertThat(instance).isEnded().hasPassed(TASK_REQUEST_REINVESTIGATION, END_REINVESTIGATION_REQUESTED)
                .hasNotPassed(TASK_RECORD_RISK_ACCEPTANCE);
        verify(requestReinvestigation).execute(any());
        verify(acceptances, never()).insert(any());
    }

    @Test
    void shouldEndReinvestigationRequested_whenReviewIsCompletedWithoutADecision() throws Exception {
        ProcessInstance instance = request("LONG_TERM", "VULNERABILITY", "HIGH");
        applyMeasures(instance);
        assertThat(instance).isWaitingAt(TASK_REVIEW_RESIDUAL_RISK);

        complete(task(), withVariables(REVIEW_COMMENT.name(), "no decision given"));

        assertThat(instance).isEnded().hasPassed(END_REINVESTIGATION_REQUESTED);
        verify(requestReinvestigation).execute(any());
    }

    @Test
    void shouldAskAManagerBeforeIsolatingACriticalServer_andIsolateIt_whenApproved() throws Exception {
        ProcessInstance instance = request("CONTAINMENT", "MALWARE", "HIGH", "CRITICAL");
        applyMeasures(instance);

        assertThat(instance).isWaitingAt(TASK_APPROVE_MEASURE).hasPassed(TASK_DECIDE_MEASURE_APPROVAL);
        Assertions.assertThat(applied).as("nothing runs before the manager decides").isEmpty();
        Assertions.assertThat(taskService().getVariableLocal(task(instance).getId(), MEASURE_DESCRIPTION.name()))
                .isEqualTo("Isolate the host on db-01, to contain the threat while it is investigated and remediated.");
        Assertions.assertThat((String) runtimeService().getVariable(instance.getId(), MEASURE_APPROVAL_REASON.name()))
                .contains("critical server");
        decideMeasure(instance, "APPROVED", "isolate; the application team is told");
        applyMeasures(instance);

        assertThat(instance).isEnded().hasPassed(END_THREAT_CONTAINED).hasNotPassed(END_MEASURE_REFUSED)
                .variables().containsEntry(MEASURE_DECIDED_BY.name(), "max");
        Assertions.assertThat(applied).containsExactly("ISOLATE_HOST", "RAISE_MONITORING");
        verify(recordMeasureRefusal, never()).execute(any());
    }

    @Test
    void shouldRecordARefusedMeasure_andApplyTheOthers() throws Exception {
        ProcessInstance instance = request("CONTAINMENT", "MALWARE", "HIGH", "CRITICAL");
        applyMeasures(instance);
        decideMeasure(instance, "REFUSED", "the payment service runs on it; monitor it instead");
        applyMeasures(instance);

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_MEASURE_REFUSAL, END_MEASURE_REFUSED, END_THREAT_CONTAINED);
        Assertions.assertThat(applied).containsExactly("RAISE_MONITORING");
        verify(recordMeasureRefusal).execute(any());
    }

    @Test
    void shouldRefuseAMeasureDecisionWithoutAnAnswer() {
        ProcessInstance instance = request("CONTAINMENT", "MALWARE", "HIGH", "CRITICAL");
        applyMeasures(instance);

        Assertions.assertThatThrownBy(() -> complete(task(instance), withVariables(MEASURE_DECISION_COMMENT.name(), "hm")))
                .hasMessageContaining("'measureDecision' is required");
        Assertions.assertThatThrownBy(() -> complete(task(instance), withVariables(MEASURE_DECISION.name(), "maybe")))
                .hasMessageContaining("'measureDecision' must be one of");
        assertThat(instance).isWaitingAt(TASK_APPROVE_MEASURE);
        Assertions.assertThat(applied).isEmpty();
    }
}
