package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.threatflow.action.PendingActions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        "processes/approval-policy.dmn", "forms/approve-measure.form", "forms/review-residual-risk.form",
        "forms/start-mitigation.form"})
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
    final JavaDelegate recordRiskAcceptance = mock(JavaDelegate.class);
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
        Mocks.register("recordRiskReview", new RecordRiskReviewListener());
        Mocks.register("recordRiskAcceptance", recordRiskAcceptance);
        Mocks.register("escalateMitigation", new EscalateMitigationDelegate());
        Mocks.register("requestReinvestigation", requestReinvestigation);
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
                ASSET_CRITICALITY.name(), assetCriticality, KNOWN_EXPLOITED.name(), false,
                OTHER_OPEN_THREATS.name(), 0));
    }

    private void decideMeasure(ProcessInstance instance, String decision, String comment) {
        assertThat(instance).isWaitingAt(TASK_APPROVE_MEASURE);
        assertThat(task(instance)).hasDefinitionKey(TASK_APPROVE_MEASURE).hasCandidateGroup("managers");
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
    void shouldEndRiskAccepted_whenManagerAcceptsResidualRisk() throws Exception {
        ProcessInstance instance = request("LONG_TERM", "EXPOSED_SERVICE", "MEDIUM");
        applyMeasures(instance);
        assertThat(instance).variables().containsEntry(MITIGATION_SUMMARY.name(), String.join(", ", applied));
        review(instance, true, "2027-03-31", "port blocked at the firewall until the vendor ships a fix");

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_RISK_ACCEPTANCE, END_RESIDUAL_RISK_ACCEPTED)
                .variables().containsEntry(REVIEWED_BY.name(), "mona");
        Assertions.assertThat(applied).containsExactlyInAnyOrder("BLOCK_PORT", "RAISE_MONITORING");
        verify(recordRiskAcceptance).execute(any());
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

        assertThat(instance).isEnded().hasPassed(END_RESIDUAL_RISK_ACCEPTED);
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
        verify(recordRiskAcceptance, never()).execute(any());
    }

    @Test
    void shouldEndReinvestigationRequested_whenReviewIsCompletedWithoutADecision() throws Exception {
        Mocks.register("recordRiskReview", new RecordRiskReviewListener());
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
                .contains("CRITICAL server");
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
