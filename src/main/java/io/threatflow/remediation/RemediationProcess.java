package io.threatflow.remediation;

import io.threatflow.ProcessVariable;

/** The contract of processes/threat-remediation.bpmn: its key, the element ids code and tests use, its variables. */
public final class RemediationProcess {

    public static final String KEY = "threat-remediation";

    public static final String START_EVENT = "StartEvent_ThreatReported";
    public static final String TASK_REGISTER_THREAT = "Task_RegisterThreat";
    public static final String TASK_ENRICH_THREAT = "Task_EnrichThreat";
    public static final String TASK_ASSESS_SEVERITY = "Task_AssessSeverity";
    public static final String TASK_TRIAGE_THREAT = "Task_TriageThreat";
    public static final String TASK_CLOSE_FALSE_POSITIVE = "Task_CloseFalsePositive";
    public static final String TASK_PLAN_RESPONSE = "Task_PlanResponse";
    public static final String CALL_CONTAIN_THREAT = "CallActivity_ContainThreat";
    public static final String TASK_NOTIFY_STAKEHOLDERS = "Task_NotifyStakeholders";
    public static final String TASK_COLLECT_EVIDENCE = "Task_CollectEvidence";
    public static final String TASK_INVESTIGATE_THREAT = "Task_InvestigateThreat";
    public static final String TASK_APPROVE_ERADICATION = "Task_ApproveEradication";
    public static final String TASK_ERADICATE_THREAT = "Task_EradicateThreat";
    public static final String TASK_VALIDATE_REMEDIATION = "Task_ValidateRemediation";
    public static final String TASK_LIFT_CONTAINMENT = "Task_LiftContainment";
    public static final String TASK_CONFIRM_CLOSURE = "Task_ConfirmClosure";
    public static final String TASK_CLOSE_ELIMINATED = "Task_CloseEliminated";
    public static final String CALL_MITIGATE_THREAT = "CallActivity_MitigateThreat";
    public static final String END_FALSE_POSITIVE = "EndEvent_FalsePositive";
    public static final String END_THREAT_ELIMINATED = "EndEvent_ThreatEliminated";
    public static final String END_THREAT_MITIGATED = "EndEvent_ThreatMitigated";
    public static final String BOUNDARY_ACTION_REJECTED = "BoundaryEvent_ActionRejected";
    public static final String ERROR_ACTION_REJECTED = "ActionRejected";
    public static final String SUBPROCESS_THREAT_REOBSERVED = "SubProcess_ThreatReobserved";
    public static final String TASK_RECORD_SIGHTING = "Task_RecordSighting";
    public static final String END_SIGHTING_RECORDED = "EndEvent_SightingRecorded";
    public static final String MESSAGE_THREAT_REOBSERVED = "ThreatReobserved";

    // what a report carries (the start form's fields)
    public static final ProcessVariable<String> THREAT_ID = ProcessVariable.of("threatId", String.class);
    public static final ProcessVariable<String> THREAT_TITLE = ProcessVariable.of("threatTitle", String.class);
    public static final ProcessVariable<String> THREAT_TYPE = ProcessVariable.of("threatType", String.class);
    public static final ProcessVariable<String> ASSET_NAME = ProcessVariable.of("assetName", String.class);
    public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.of("description", String.class);
    public static final ProcessVariable<String> REPORTED_SEVERITY = ProcessVariable.of("reportedSeverity", String.class);
    public static final ProcessVariable<String> CVE = ProcessVariable.of("cve", String.class);
    public static final ProcessVariable<Integer> PORT = ProcessVariable.of("port", Integer.class);
    public static final ProcessVariable<String> REPORTED_BY = ProcessVariable.of("reportedBy", String.class);

    // 1 identify
    public static final ProcessVariable<Boolean> KNOWN_EXPLOITED = ProcessVariable.of("knownExploited", Boolean.class);
    public static final ProcessVariable<String> KEV_SUMMARY = ProcessVariable.of("kevSummary", String.class);
    public static final ProcessVariable<String> ASSET_CRITICALITY = ProcessVariable.of("assetCriticality", String.class);
    public static final ProcessVariable<String> ASSET_MANAGEMENT = ProcessVariable.of("assetManagement", String.class);
    public static final ProcessVariable<String> SEVERITY = ProcessVariable.of("severity", String.class);
    public static final ProcessVariable<Boolean> FALSE_POSITIVE = ProcessVariable.of("falsePositive", Boolean.class);
    public static final ProcessVariable<String> TRIAGE_NOTES = ProcessVariable.of("triageNotes", String.class);

    // 2 respond
    public static final ProcessVariable<String> REMEDIATION_ACTION = ProcessVariable.of("remediationAction", String.class);
    public static final ProcessVariable<Boolean> CONTAIN_FIRST = ProcessVariable.of("containFirst", Boolean.class);
    public static final ProcessVariable<Boolean> APPROVAL_REQUIRED = ProcessVariable.of("approvalRequired", Boolean.class);

    // 3 investigate
    public static final ProcessVariable<Integer> INVESTIGATION_ROUND = ProcessVariable.of("investigationRound", Integer.class);
    public static final ProcessVariable<String> EVIDENCE = ProcessVariable.of("evidence", String.class);
    public static final ProcessVariable<String> ROOT_CAUSE = ProcessVariable.of("rootCause", String.class);
    public static final ProcessVariable<Boolean> ELIMINABLE = ProcessVariable.of("eliminable", Boolean.class);
    public static final ProcessVariable<String> INVESTIGATED_BY = ProcessVariable.of("investigatedBy", String.class);

    // 4 eradicate
    public static final ProcessVariable<Boolean> ERADICATION_APPROVED = ProcessVariable.of("eradicationApproved", Boolean.class);
    public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.of("approvalComment", String.class);
    public static final ProcessVariable<String> APPROVED_BY = ProcessVariable.of("approvedBy", String.class);
    public static final ProcessVariable<Integer> ERADICATION_ATTEMPT = ProcessVariable.of("eradicationAttempt", Integer.class);
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.of("rejectionReason", String.class);

    // 5 validate
    public static final ProcessVariable<Boolean> THREAT_PERSISTS = ProcessVariable.of("threatPersists", Boolean.class);
    public static final ProcessVariable<Integer> RETRIES_LEFT = ProcessVariable.of("retriesLeft", Integer.class);
    public static final ProcessVariable<String> VALIDATION_RESULT = ProcessVariable.of("validationResult", String.class);
    public static final ProcessVariable<String> LESSONS_LEARNED = ProcessVariable.of("lessonsLearned", String.class);

    // a further report of the threat, handed over by the intake with the message ThreatReobserved
    public static final ProcessVariable<String> SIGHTING_SOURCE = ProcessVariable.of("sightingSource", String.class);
    public static final ProcessVariable<String> SIGHTING_SOURCE_REF = ProcessVariable.of("sightingSourceRef", String.class);
    public static final ProcessVariable<String> SIGHTING_SEVERITY = ProcessVariable.of("sightingSeverity", String.class);
    public static final ProcessVariable<String> SIGHTING_REPORTED_BY = ProcessVariable.of("sightingReportedBy", String.class);

    // from the mitigation subprocess
    public static final ProcessVariable<String> CONTAINMENT_OUTCOME = ProcessVariable.of("containmentOutcome", String.class);
    public static final ProcessVariable<String> MITIGATION_OUTCOME = ProcessVariable.of("mitigationOutcome", String.class);

    private RemediationProcess() {
    }
}
