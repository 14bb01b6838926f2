package io.threatflow.mitigation;

import io.threatflow.engine.ProcessVariable;
import io.threatflow.inventory.Criticality;
import io.threatflow.threat.Severity;
import java.util.Date;
import java.util.List;

/** The contract of processes/threat-mitigation.bpmn. */
public final class MitigationProcess {

    public static final String KEY = "threat-mitigation";

    public static final String START_EVENT = "StartEvent_MitigationRequested";
    public static final String TASK_PREPARE_MITIGATION = "Task_PrepareMitigation";
    public static final String TASK_SELECT_MEASURES = "Task_SelectMeasures";
    public static final String SUBPROCESS_APPLY_MEASURES = "SubProcess_ApplyMeasures";
    public static final String TASK_DECIDE_MEASURE_APPROVAL = "Task_DecideMeasureApproval";
    public static final String TASK_APPROVE_MEASURE = "Task_ApproveMeasure";
    public static final String TASK_RECORD_MEASURE_REFUSAL = "Task_RecordMeasureRefusal";
    public static final String END_MEASURE_REFUSED = "EndEvent_MeasureRefused";
    public static final String TASK_APPLY_MEASURE = "Task_ApplyMeasure";
    public static final String TASK_VERIFY_MEASURE = "Task_VerifyMeasure";
    public static final String TASK_SUMMARISE_MEASURES = "Task_SummariseMeasures";
    public static final String TASK_RECORD_CONTAINMENT = "Task_RecordContainment";
    public static final String TASK_REVIEW_RESIDUAL_RISK = "Task_ReviewResidualRisk";
    public static final String TASK_RECORD_RISK_ACCEPTANCE = "Task_RecordRiskAcceptance";
    public static final String TASK_ESCALATE_MITIGATION = "Task_EscalateMitigation";
    public static final String TASK_REQUEST_REINVESTIGATION = "Task_RequestReinvestigation";
    public static final String END_THREAT_CONTAINED = "EndEvent_ThreatContained";
    public static final String END_RESIDUAL_RISK_ACCEPTED = "EndEvent_ResidualRiskAccepted";
    public static final String END_REINVESTIGATION_REQUESTED = "EndEvent_ReinvestigationRequested";

    public static final ProcessVariable<String> THREAT_ID = ProcessVariable.of("threatId", String.class);
    /** The remediation case that called this mitigation, or this instance when started on its own. */
    public static final ProcessVariable<String> CASE_ID = ProcessVariable.of("caseId", String.class);
    public static final ProcessVariable<String> MITIGATION_MODE = ProcessVariable.of("mitigationMode", String.class);
    public static final ProcessVariable<Integer> MITIGATION_LEVEL = ProcessVariable.of("mitigationLevel", Integer.class);
    public static final ProcessVariable<String> THREAT_TITLE = ProcessVariable.of("threatTitle", String.class);
    public static final ProcessVariable<String> THREAT_TYPE = ProcessVariable.of("threatType", String.class);
    public static final ProcessVariable<String> ASSET_NAME = ProcessVariable.of("assetName", String.class);
    public static final ProcessVariable<Severity> SEVERITY = ProcessVariable.ofEnum("severity", Severity.class);
    /** Inputs of the decision approval-policy, set on preparation. */
    public static final ProcessVariable<Criticality> ASSET_CRITICALITY =
            ProcessVariable.ofEnum("assetCriticality", Criticality.class);
    public static final ProcessVariable<Boolean> KNOWN_EXPLOITED = ProcessVariable.of("knownExploited", Boolean.class);
    public static final ProcessVariable<Integer> OTHER_OPEN_THREATS = ProcessVariable.of("otherOpenThreats", Integer.class);
    /** The result of the decision mitigation-measures: names of action types, in the order they are applied. */
    public static final ProcessVariable<List<String>> MEASURES = ProcessVariable.ofList("measures", String.class);
    public static final ProcessVariable<String> MEASURE = ProcessVariable.of("measure", String.class);
    /** Results of the decision approval-policy for the current measure: the gateway 'Approval required?' reads them. */
    public static final ProcessVariable<Boolean> MEASURE_APPROVAL_REQUIRED =
            ProcessVariable.of("measureApprovalRequired", Boolean.class);
    public static final ProcessVariable<String> MEASURE_APPROVAL_REASON =
            ProcessVariable.of("measureApprovalReason", String.class);
    /** The approval form's answer (a manager's choice; never read by a gateway) and comment. */
    public static final ProcessVariable<String> MEASURE_DECISION = ProcessVariable.of("measureDecision", String.class);
    public static final ProcessVariable<String> MEASURE_DECISION_COMMENT =
            ProcessVariable.of("measureDecisionComment", String.class);
    /** System-written from the approval form on completion: the one thing the gateway 'Approved?' reads. */
    public static final ProcessVariable<MeasureDecision> MEASURE_APPROVAL_DECISION =
            ProcessVariable.ofEnum("measureApprovalDecision", MeasureDecision.class);
    public static final ProcessVariable<String> MEASURE_DECIDED_BY = ProcessVariable.of("measureDecidedBy", String.class);
    /** Task-local on the approval task: the measure, its target and its purpose in words. */
    public static final ProcessVariable<String> MEASURE_DESCRIPTION = ProcessVariable.of("measureDescription", String.class);

    /** A manager's answer on a measure that needs approval. */
    public enum MeasureDecision { APPROVED, REFUSED }

    public static final ProcessVariable<Boolean> MEASURE_EFFECTIVE = ProcessVariable.of("measureEffective", Boolean.class);
    public static final ProcessVariable<String> MITIGATION_SUMMARY = ProcessVariable.of("mitigationSummary", String.class);
    public static final ProcessVariable<Boolean> RESIDUAL_RISK_ACCEPTED = ProcessVariable.of("residualRiskAccepted", Boolean.class);
    public static final ProcessVariable<String> RISK_REVIEW_DATE = ProcessVariable.of("riskReviewDate", String.class);
    public static final ProcessVariable<String> REFUSAL_FOLLOW_UP = ProcessVariable.of("refusalFollowUp", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.of("reviewedBy", String.class);
    /**
     * System-written from the review form's {@code residualRiskAccepted} and {@code refusalFollowUp}: the one thing
     * 'Residual risk accepted?' and 'Follow-up?' read.
     */
    public static final ProcessVariable<RiskReviewOutcome> RISK_REVIEW_OUTCOME =
            ProcessVariable.ofEnum("riskReviewOutcome", RiskReviewOutcome.class);

    public enum RiskReviewOutcome { ACCEPTED, STRONGER_MEASURES, REINVESTIGATE }

    /** What a manager who refuses the residual risk has done next (the review form's {@code refusalFollowUp}). */
    public enum RefusalFollowUp { STRONGER_MEASURES, REINVESTIGATE }
    /**
     * Set by a caller that ends when the mitigation returns (a remediation case whose manager ordered the
     * mitigation): a re-investigation then needs a remediation case of its own.
     */
    public static final ProcessVariable<Boolean> REINVESTIGATE_IN_NEW_CASE =
            ProcessVariable.of("reinvestigateInNewCase", Boolean.class);
    /** The remediation case's resolution due date, handed in by the caller; absent when started on its own. */
    public static final ProcessVariable<Date> RESOLVE_DUE = ProcessVariable.of("resolveDue", Date.class);
    public static final ProcessVariable<String> MITIGATION_OUTCOME = ProcessVariable.of("mitigationOutcome", String.class);

    public enum Mode { CONTAINMENT, LONG_TERM }

    public enum Outcome { CONTAINED, RISK_ACCEPTED, REINVESTIGATE }

    private MitigationProcess() {
    }
}
