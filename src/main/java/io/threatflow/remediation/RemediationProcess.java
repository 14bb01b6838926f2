package io.threatflow.remediation;

import io.threatflow.engine.ProcessVariable;
import io.threatflow.inventory.Criticality;
import io.threatflow.threat.Severity;
import java.util.Date;

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
    public static final String TASK_DECIDE_APPROVAL = "Task_DecideApproval";
    public static final String DECISION_APPROVAL_POLICY = "approval-policy";
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
    /** The source's word (an OCSF finding with status Resolved) that the threat is gone. */
    public static final String MESSAGE_THREAT_RESOLVED_BY_SOURCE = "ThreatResolvedBySource";
    public static final String SUBPROCESS_AWAIT_SOURCE_WORD = "SubProcess_AwaitSourceWord";
    public static final String SUBPROCESS_AWAIT_ACTION_RESULT = "SubProcess_AwaitActionResult";
    public static final String TASK_CONFIRM_VALIDATION = "Task_ConfirmValidation";

    // service levels
    public static final String DECISION_SLA_POLICY = "sla-policy";
    public static final String TASK_DETERMINE_SERVICE_LEVELS = "Task_DetermineServiceLevels";
    public static final String TASK_REASSESS_SERVICE_LEVELS = "Task_ReassessServiceLevels";
    public static final String SUBPROCESS_RESOLVE_THREAT = "SubProcess_ResolveThreat";
    /** Terminates 'Resolve threat' when the threat is eliminated; the case then ends at {@link #END_THREAT_ELIMINATED}. */
    public static final String END_THREAT_RESOLVED = "EndEvent_ThreatResolved";
    /** Escalates out of 'Resolve threat' when the residual risk is accepted; the case ends at {@link #END_THREAT_MITIGATED}. */
    public static final String END_MITIGATION_ACCEPTED = "EndEvent_MitigationAccepted";
    public static final String BOUNDARY_MITIGATION_ACCEPTED = "BoundaryEvent_MitigationAccepted";
    public static final String BOUNDARY_TRIAGE_OVERDUE = "BoundaryEvent_TriageOverdue";
    public static final String TASK_ESCALATE_OVERDUE_TRIAGE = "Task_EscalateOverdueTriage";
    public static final String END_OVERDUE_TRIAGE_ESCALATED = "EndEvent_OverdueTriageEscalated";
    public static final String BOUNDARY_INVESTIGATION_OVERDUE = "BoundaryEvent_InvestigationOverdue";
    public static final String TASK_ESCALATE_OVERDUE_INVESTIGATION = "Task_EscalateOverdueInvestigation";
    public static final String END_OVERDUE_INVESTIGATION_ESCALATED = "EndEvent_OverdueInvestigationEscalated";
    public static final String SUBPROCESS_RESOLUTION_OVERDUE = "SubProcess_ResolutionOverdue";
    public static final String START_RESOLUTION_OVERDUE = "StartEvent_ResolutionOverdue";
    public static final String TASK_RECORD_RESOLUTION_BREACH = "Task_RecordResolutionBreach";
    public static final String TASK_DECIDE_ON_OVERDUE_THREAT = "Task_DecideOnOverdueThreat";
    public static final String TASK_EXTEND_RESOLUTION = "Task_ExtendResolution";
    public static final String TIMER_EXTENDED_RESOLUTION_DUE = "TimerEvent_ExtendedResolutionDue";
    public static final String TASK_REASSIGN_OVERDUE_THREAT = "Task_ReassignOverdueThreat";
    public static final String END_OVERDUE_THREAT_REASSIGNED = "EndEvent_OverdueThreatReassigned";
    public static final String END_MITIGATION_ORDERED = "EndEvent_MitigationOrdered";
    public static final String ESCALATION_MITIGATION_ORDERED = "MitigationOrdered";
    public static final String BOUNDARY_MITIGATION_ORDERED = "BoundaryEvent_MitigationOrdered";
    public static final String CALL_MITIGATE_BY_ORDER = "CallActivity_MitigateByOrder";
    public static final String END_REINVESTIGATION_BY_NEW_CASE = "EndEvent_ReinvestigationByNewCase";

    // what a report carries (the start form's fields)
    public static final ProcessVariable<String> THREAT_ID = ProcessVariable.of("threatId", String.class);
    public static final ProcessVariable<String> THREAT_TITLE = ProcessVariable.of("threatTitle", String.class);
    public static final ProcessVariable<String> THREAT_TYPE = ProcessVariable.of("threatType", String.class);
    public static final ProcessVariable<String> ASSET_NAME = ProcessVariable.of("assetName", String.class);
    public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.of("description", String.class);
    /** The reporter's estimate; the start form's field, so read as people type it. */
    public static final ProcessVariable<Severity> REPORTED_SEVERITY =
            ProcessVariable.ofEnumIgnoringCase("reportedSeverity", Severity.class);
    public static final ProcessVariable<String> CVE = ProcessVariable.of("cve", String.class);
    public static final ProcessVariable<Integer> PORT = ProcessVariable.of("port", Integer.class);
    public static final ProcessVariable<String> REPORTED_BY = ProcessVariable.of("reportedBy", String.class);
    /**
     * The start form's tick box, read once when the threat is registered: from then on the register says whether
     * the case is a dry run, so that no later form can turn one into a real case or the other way round.
     */
    public static final ProcessVariable<Boolean> DRY_RUN = ProcessVariable.of("dryRun", Boolean.class);

    // 1 identify
    public static final ProcessVariable<Boolean> KNOWN_EXPLOITED = ProcessVariable.of("knownExploited", Boolean.class);
    public static final ProcessVariable<String> KEV_SUMMARY = ProcessVariable.of("kevSummary", String.class);
    public static final ProcessVariable<Criticality> ASSET_CRITICALITY =
            ProcessVariable.ofEnum("assetCriticality", Criticality.class);
    public static final ProcessVariable<String> ASSET_MANAGEMENT = ProcessVariable.of("assetManagement", String.class);
    public static final ProcessVariable<Severity> SEVERITY = ProcessVariable.ofEnum("severity", Severity.class);
    // the SSVC decision's evidence (Task_EnrichThreat) and its outcome (Task_AssessSeverity's output mapping)
    public static final ProcessVariable<Double> CVSS_SCORE = ProcessVariable.of("cvssScore", Double.class);
    public static final ProcessVariable<Double> EPSS_SCORE = ProcessVariable.of("epssScore", Double.class);
    public static final ProcessVariable<Double> EPSS_POC_THRESHOLD = ProcessVariable.of("epssPocThreshold", Double.class);
    public static final ProcessVariable<Boolean> EXPLOIT_AVAILABLE = ProcessVariable.of("exploitAvailable", Boolean.class);
    /** the asset (inventory) or the report says the service is reachable from the internet */
    public static final ProcessVariable<Boolean> INTERNET_FACING = ProcessVariable.of("internetFacing", Boolean.class);
    /** ATT&CK technique and tactic ids, space separated, as response-plan and mitigation-measures read them */
    public static final ProcessVariable<String> ATTACK_IDS = ProcessVariable.of("attackIds", String.class);
    /** the ATT&CK techniques in words, for the triage form */
    public static final ProcessVariable<String> ATTACK_SUMMARY = ProcessVariable.of("attackSummary", String.class);
    public static final ProcessVariable<String> SSVC_DECISION = ProcessVariable.of("ssvcDecision", String.class);
    public static final ProcessVariable<String> SSVC_EXPLOITATION = ProcessVariable.of("ssvcExploitation", String.class);
    public static final ProcessVariable<String> SSVC_AUTOMATABLE = ProcessVariable.of("ssvcAutomatable", String.class);
    public static final ProcessVariable<String> SSVC_TECHNICAL_IMPACT =
            ProcessVariable.of("ssvcTechnicalImpact", String.class);
    public static final ProcessVariable<String> SSVC_MISSION_IMPACT = ProcessVariable.of("ssvcMissionImpact", String.class);
    public static final ProcessVariable<String> RISKY_SERVICE = ProcessVariable.of("riskyService", String.class);
    public static final ProcessVariable<String> SEVERITY_RULE = ProcessVariable.of("severityRule", String.class);
    /** the severity decision and the inputs that led to it, in words, for the triage form (read-only there) */
    public static final ProcessVariable<String> SEVERITY_REASONS = ProcessVariable.of("severityReasons", String.class);
    public static final ProcessVariable<Boolean> FALSE_POSITIVE = ProcessVariable.of("falsePositive", Boolean.class);
    public static final ProcessVariable<String> TRIAGE_NOTES = ProcessVariable.of("triageNotes", String.class);
    /** System-written from the triage form's {@code falsePositive}: the one thing 'False positive?' reads. */
    public static final ProcessVariable<TriageOutcome> TRIAGE_OUTCOME = ProcessVariable.ofEnum("triageOutcome", TriageOutcome.class);

    public enum TriageOutcome {
        FALSE_POSITIVE, CONFIRMED;

        public static TriageOutcome of(boolean falsePositive) {
            return falsePositive ? FALSE_POSITIVE : CONFIRMED;
        }
    }

    // 2 respond
    public static final ProcessVariable<String> REMEDIATION_ACTION = ProcessVariable.of("remediationAction", String.class);
    public static final ProcessVariable<Boolean> CONTAIN_FIRST = ProcessVariable.of("containFirst", Boolean.class);

    // 3 investigate
    public static final ProcessVariable<Integer> INVESTIGATION_ROUND = ProcessVariable.of("investigationRound", Integer.class);
    public static final ProcessVariable<String> EVIDENCE = ProcessVariable.of("evidence", String.class);
    /** Why a manager sent the threat back from mitigation, in words (the mitigation case's out mapping). */
    public static final ProcessVariable<String> REINVESTIGATION_REASON =
            ProcessVariable.of("reinvestigationReason", String.class);
    /** The report in words for the triage form: who reported it when, their estimate, the port, the description. */
    public static final ProcessVariable<String> REPORT_SUMMARY = ProcessVariable.of("reportSummary", String.class);
    /** The case's due times in words (ISO, UTC) for the forms; the dates themselves are triageDue ... resolveDue. */
    public static final ProcessVariable<String> DUE_TIMES = ProcessVariable.of("dueTimes", String.class);
    public static final ProcessVariable<String> ROOT_CAUSE = ProcessVariable.of("rootCause", String.class);
    public static final ProcessVariable<Boolean> ELIMINABLE = ProcessVariable.of("eliminable", Boolean.class);
    public static final ProcessVariable<String> INVESTIGATED_BY = ProcessVariable.of("investigatedBy", String.class);
    /** System-written from the investigation form's {@code eliminable}: the one thing 'Eliminable?' reads. */
    public static final ProcessVariable<InvestigationOutcome> INVESTIGATION_OUTCOME =
            ProcessVariable.ofEnum("investigationOutcome", InvestigationOutcome.class);

    public enum InvestigationOutcome {
        ELIMINABLE, NOT_ELIMINABLE;

        public static InvestigationOutcome of(boolean eliminable) {
            return eliminable ? ELIMINABLE : NOT_ELIMINABLE;
        }
    }
    /** The blast radius approval-policy weighs: how many other threats are open on the asset (Collect evidence). */
    public static final ProcessVariable<Integer> OTHER_OPEN_THREATS = ProcessVariable.of("otherOpenThreats", Integer.class);
    // the decision approval-policy on the final action, after investigation; the only input of 'Approval required?'
    public static final ProcessVariable<Boolean> APPROVAL_REQUIRED = ProcessVariable.of("approvalRequired", Boolean.class);
    /** Why the policy asks a manager (or not), in words the manager reads on the approval form. */
    public static final ProcessVariable<String> APPROVAL_REASON = ProcessVariable.of("approvalReason", String.class);

    // 4 eradicate
    /** The approval form's answer, APPROVED or REJECTED, with no default (a manager's choice; no gateway reads it). */
    public static final ProcessVariable<String> ERADICATION_DECISION = ProcessVariable.of("eradicationDecision", String.class);
    /** The tick box of approval forms before eradicationDecision; still read for tasks opened with such a form. */
    public static final ProcessVariable<Boolean> ERADICATION_APPROVED = ProcessVariable.of("eradicationApproved", Boolean.class);
    public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.of("approvalComment", String.class);
    public static final ProcessVariable<String> APPROVED_BY = ProcessVariable.of("approvedBy", String.class);
    /** System-written from the approval form's {@code eradicationDecision}: the one thing 'Approved?' reads. */
    public static final ProcessVariable<ApprovalDecision> APPROVAL_DECISION =
            ProcessVariable.ofEnum("approvalDecision", ApprovalDecision.class);

    public enum ApprovalDecision {
        APPROVED, REJECTED;

        public static ApprovalDecision of(boolean approved) {
            return approved ? APPROVED : REJECTED;
        }
    }
    public static final ProcessVariable<Integer> ERADICATION_ATTEMPT = ProcessVariable.of("eradicationAttempt", Integer.class);
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.of("rejectionReason", String.class);

    // 5 validate
    public static final ProcessVariable<Boolean> THREAT_PERSISTS = ProcessVariable.of("threatPersists", Boolean.class);
    public static final ProcessVariable<Integer> RETRIES_LEFT = ProcessVariable.of("retriesLeft", Integer.class);
    public static final ProcessVariable<String> VALIDATION_RESULT = ProcessVariable.of("validationResult", String.class);
    /** Whether validation saw for itself whether the threat persists; if not, the case waits for the source's word. */
    public static final ProcessVariable<Boolean> VALIDATION_OBSERVED = ProcessVariable.of("validationObserved", Boolean.class);
    /** When an analyst is asked to confirm the validation, as no word came from the source. */
    public static final ProcessVariable<Date> SOURCE_WORD_DUE = ProcessVariable.of("sourceWordDue", Date.class);
    // the analyst's confirmation (form confirm-validation)
    /** {@code GONE} or {@code STILL_PRESENT}. */
    public static final ProcessVariable<String> VALIDATION_VERDICT = ProcessVariable.of("validationVerdict", String.class);
    public static final ProcessVariable<String> VALIDATION_EVIDENCE = ProcessVariable.of("validationEvidence", String.class);
    public static final ProcessVariable<String> LESSONS_LEARNED = ProcessVariable.of("lessonsLearned", String.class);

    // a further report of the threat, handed over by the intake with the message ThreatReobserved
    public static final ProcessVariable<String> SIGHTING_SOURCE = ProcessVariable.of("sightingSource", String.class);
    public static final ProcessVariable<String> SIGHTING_SOURCE_REF = ProcessVariable.of("sightingSourceRef", String.class);
    public static final ProcessVariable<Severity> SIGHTING_SEVERITY =
            ProcessVariable.ofEnum("sightingSeverity", Severity.class);
    public static final ProcessVariable<String> SIGHTING_REPORTED_BY = ProcessVariable.of("sightingReportedBy", String.class);

    // service levels: the durations of the decision sla-policy and the due times of the case
    public static final ProcessVariable<String> TRIAGE_WITHIN = ProcessVariable.of("triageWithin", String.class);
    public static final ProcessVariable<String> CONTAIN_WITHIN = ProcessVariable.of("containWithin", String.class);
    public static final ProcessVariable<String> RESOLVE_WITHIN = ProcessVariable.of("resolveWithin", String.class);
    public static final ProcessVariable<Date> TRIAGE_DUE = ProcessVariable.of("triageDue", Date.class);
    /** Null where the policy sets no containment service level (LOW). */
    public static final ProcessVariable<Date> CONTAIN_DUE = ProcessVariable.of("containDue", Date.class);
    public static final ProcessVariable<Date> RESOLVE_DUE = ProcessVariable.of("resolveDue", Date.class);
    /** Input of the escalation tasks: the service level ({@code io.threatflow.sla.Sla}) that was missed. */
    public static final ProcessVariable<String> BREACHED_SLA = ProcessVariable.of("breachedSla", String.class);
    /** Input of the escalation tasks: the task definition key of the user task that is overdue, if any. */
    public static final ProcessVariable<String> OVERDUE_TASK = ProcessVariable.of("overdueTask", String.class);
    // the manager's decision on an overdue threat (form decide-overdue-threat)
    public static final ProcessVariable<String> OVERDUE_DECISION = ProcessVariable.of("overdueDecision", String.class);
    /** As the form sends it (ISO-8601 text) or as an API client may (a Date). */
    public static final ProcessVariable<Object> NEW_RESOLVE_DUE = ProcessVariable.of("newResolveDue", Object.class);
    /** {@code newResolveDue} once checked: a time in the future. */
    public static final ProcessVariable<Date> EXTENDED_RESOLVE_DUE = ProcessVariable.of("extendedResolveDue", Date.class);
    public static final ProcessVariable<String> REASSIGN_ASSIGNEE = ProcessVariable.of("reassignAssignee", String.class);
    public static final ProcessVariable<String> REASSIGN_GROUP = ProcessVariable.of("reassignGroup", String.class);
    public static final ProcessVariable<String> OVERDUE_COMMENT = ProcessVariable.of("overdueComment", String.class);
    public static final ProcessVariable<String> OVERDUE_DECIDED_BY = ProcessVariable.of("overdueDecidedBy", String.class);
    /** System-written from the form's {@code overdueDecision} once checked: the one thing 'Decision?' reads. */
    public static final ProcessVariable<OverdueDecision> OVERDUE_DECISION_TAKEN =
            ProcessVariable.ofEnum("overdueDecisionTaken", OverdueDecision.class);

    /** The decisions a manager takes on a threat past its resolution due date. */
    public enum OverdueDecision { EXTEND, REASSIGN, MITIGATE }

    // from the mitigation subprocess
    public static final ProcessVariable<String> CONTAINMENT_OUTCOME = ProcessVariable.of("containmentOutcome", String.class);
    public static final ProcessVariable<String> MITIGATION_OUTCOME = ProcessVariable.of("mitigationOutcome", String.class);

    private RemediationProcess() {
    }
}
