package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
        "stub/threat-mitigation-stub.bpmn",
        "forms/triage-threat.form", "forms/investigate-threat.form", "forms/approve-eradication.form",
        "forms/confirm-closure.form", "forms/report-threat.form"})
class RemediationProcessTest {

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
    int eradications;

    @BeforeEach
    void registerDelegates() {
        init(engine);
        Mocks.register("registerThreat", (JavaDelegate) execution -> { });
        Mocks.register("enrichThreat", (JavaDelegate) execution -> { });
        Mocks.register("recordAssessedSeverity", (ExecutionListener) execution -> { });
        Mocks.register("recordTriage", (TaskListener) task -> { });
        Mocks.register("recordInvestigation", (TaskListener) task -> INVESTIGATED_BY.set(task, "alice"));
        Mocks.register("recordApproval", (TaskListener) task -> { });
        Mocks.register("excludeInvestigator", new ExcludeInvestigatorListener());
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
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private void eradicate(DelegateExecution execution) {
        eradications++;
        ERADICATION_ATTEMPT.set(execution, ERADICATION_ATTEMPT.from(execution, 0) + 1);
        Object result = eradicationResults.isEmpty() ? "applied" : eradicationResults.pop();
        if (result instanceof BpmnError error) {
            throw error;
        }
    }

    /** Plays the scanner with the configured default of two retries. */
    private void validate(DelegateExecution execution) {
        int attempt = ERADICATION_ATTEMPT.from(execution);
        THREAT_PERSISTS.set(execution, !validationResults.isEmpty() && validationResults.pop());
        RETRIES_LEFT.set(execution, Math.max(0, 2 - (attempt - 1)));
    }

    private ProcessInstance report(String type, String assetCriticality, boolean knownExploited, String reported) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, "threat-1", withVariables(
                THREAT_ID.name(), "threat-1", THREAT_TYPE.name(), type, ASSET_CRITICALITY.name(), assetCriticality,
                KNOWN_EXPLOITED.name(), knownExploited, REPORTED_SEVERITY.name(), reported));
        assertThat(instance).isWaitingAt(TASK_ENRICH_THREAT);
        execute(job());
        assertThat(instance).isWaitingAt(TASK_TRIAGE_THREAT);
        assertThat(task()).hasCandidateGroup("analysts");
        return instance;
    }

    private void triage(ProcessInstance instance, String severity) {
        complete(task(), withVariables(FALSE_POSITIVE.name(), false, SEVERITY.name(), severity));
        assertThat(instance).isWaitingAt(TASK_NOTIFY_STAKEHOLDERS);
        execute(job());
    }

    private void investigate(ProcessInstance instance, boolean eliminable) {
        assertThat(instance).isWaitingAt(TASK_COLLECT_EVIDENCE);
        execute(job());
        assertThat(instance).isWaitingAt(TASK_INVESTIGATE_THREAT);
        assertThat(task()).hasCandidateGroup("analysts");
        complete(task(), withVariables(ROOT_CAUSE.name(), "unpatched library", ELIMINABLE.name(), eliminable));
    }

    private void eradicateAndValidate(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(TASK_ERADICATE_THREAT);
        execute(job());
        assertThat(instance).isWaitingAt(TASK_VALIDATE_REMEDIATION);
        execute(job());
    }

    private void closeEliminated(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(TASK_LIFT_CONTAINMENT);
        execute(job());
        assertThat(instance).isWaitingAt(TASK_CONFIRM_CLOSURE);
        assertThat(task()).hasCandidateGroup("analysts");
        complete(task(), withVariables(LESSONS_LEARNED.name(), "patch faster"));
    }

    private void mitigationEnds(ProcessInstance instance, String outcome) {
        assertThat(instance).isWaitingAt(CALL_MITIGATE_THREAT);
        ProcessInstance mitigation = calledProcessInstance(instance);
        assertThat(mitigation).hasBusinessKey("threat-1").variables()
                .containsEntry("threatId", "threat-1").containsEntry("mitigationMode", "LONG_TERM");
        complete(task(mitigation), withVariables(MITIGATION_OUTCOME.name(), outcome));
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
                .containsEntry(CONTAIN_FIRST.name(), false).containsEntry(APPROVAL_REQUIRED.name(), false);
        investigate(instance, true);
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
        execute(job());

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
        assertThat(task()).hasCandidateGroup("managers");
        Authorization fourEyes = authorizationService().createAuthorizationQuery().userIdIn("alice")
                .resourceType(Resources.TASK).resourceId(task().getId()).singleResult();
        Assertions.assertThat(fourEyes.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_REVOKE);
        Assertions.assertThat(fourEyes.isPermissionRevoked(Permissions.UPDATE)).as("the investigator may not approve").isTrue();
        complete(task(), withVariables(ERADICATION_APPROVED.name(), true, APPROVAL_COMMENT.name(), "change window tonight"));

        validationResults.add(true);   // the first upgrade did not take
        eradicateAndValidate(instance);
        assertThat(instance).variables().containsEntry(THREAT_PERSISTS.name(), true);
        eradicateAndValidate(instance);
        closeEliminated(instance);

        assertThat(instance).isEnded().hasPassed(END_THREAT_ELIMINATED).hasNotPassed(CALL_MITIGATE_THREAT);
        Assertions.assertThat(eradications).isEqualTo(2);
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
        complete(task(), withVariables(ERADICATION_APPROVED.name(), false, APPROVAL_COMMENT.name(), "too risky on the database"));
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
        execute(job());
        assertThat(instance).variables().containsEntry(REJECTION_REASON.name(), "asset is unmanaged");
        mitigationEnds(instance, "RISK_ACCEPTED");

        assertThat(instance).isEnded().hasPassed(BOUNDARY_ACTION_REJECTED, END_THREAT_MITIGATED)
                .hasNotPassed(TASK_VALIDATE_REMEDIATION);
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
        execute(job());
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
}
