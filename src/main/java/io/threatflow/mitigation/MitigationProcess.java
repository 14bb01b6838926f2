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
    // an accepted risk comes back at its review date
    public static final String GATEWAY_CALLED_BY_CASE = "Gateway_CalledByCase";
    public static final String TASK_HAND_OVER_RISK_REVIEW = "Task_HandOverRiskReview";
    /** Where a mitigation that only waits for the review of an accepted risk starts ({@link AcceptedRiskReviews}). */
    public static final String GATEWAY_RISK_REVIEW_JOIN = "Gateway_RiskReviewJoin";
    public static final String SUBPROCESS_AWAIT_RISK_REVIEW = "SubProcess_AwaitRiskReview";
    public static final String TIMER_RISK_REVIEW_DUE = "TimerEvent_RiskReviewDue";
    public static final String BOUNDARY_RISK_REVIEW_NEAR = "BoundaryEvent_RiskReviewNear";
    public static final String TASK_REMIND_RISK_REVIEW = "Task_RemindRiskReview";
    public static final String END_RISK_REVIEW_REMINDED = "EndEvent_RiskReviewReminded";
    public static final String TASK_RECHECK_THREAT = "Task_RecheckThreat";
    public static final String TASK_CLOSE_THREAT_ELIMINATED = "Task_CloseThreatEliminated";
    public static final String END_THREAT_ELIMINATED = "EndEvent_ThreatEliminated";
    public static final String TASK_REVIEW_ACCEPTED_RISK = "Task_ReviewAcceptedRisk";
    public static final String TASK_RENEW_RISK_ACCEPTANCE = "Task_RenewRiskAcceptance";
    public static final String TASK_SEND_BACK_TO_REMEDIATION = "Task_SendBackToRemediation";
    public static final String END_SENT_BACK_TO_REMEDIATION = "EndEvent_SentBackToRemediation";
    public static final String DECISION_RISK_ACCEPTANCE_HORIZON = "risk-acceptance-horizon";

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
     * The review that refused the risk and asked for stronger measures, in words, for the next review to read: that
     * review's own answers start empty (Task_EscalateMitigation).
     */
    public static final ProcessVariable<String> PREVIOUS_RISK_REVIEW = ProcessVariable.of("previousRiskReview", String.class);
    /** Who sent the threat back to re-investigation and why, in words, handed to the remediation case. */
    public static final ProcessVariable<String> REINVESTIGATION_REASON =
            ProcessVariable.of("reinvestigationReason", String.class);
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
    /** System-written on preparation: a remediation case called this mitigation (the gateway 'Called by a case?'). */
    public static final ProcessVariable<Boolean> CALLED_BY_CASE = ProcessVariable.of("calledByCase", Boolean.class);
    /** System-written when a risk is accepted: the review timer's and the reminder's due times. */
    public static final ProcessVariable<Date> RISK_REVIEW_DUE = ProcessVariable.of("riskReviewDue", Date.class);
    public static final ProcessVariable<Date> RISK_REMINDER_DUE = ProcessVariable.of("riskReminderDue", Date.class);
    /** System-written by the re-check at the review date: what the gateway 'Threat still present?' reads. */
    public static final ProcessVariable<Boolean> THREAT_STILL_PRESENT = ProcessVariable.of("threatStillPresent", Boolean.class);
    /** The re-check's result in words, shown read-only on the form of 'Review accepted risk'. */
    public static final ProcessVariable<String> RISK_RECHECK_RESULT = ProcessVariable.of("riskRecheckResult", String.class);
    public static final ProcessVariable<String> MITIGATION_OUTCOME = ProcessVariable.of("mitigationOutcome", String.class);

    public enum Mode { CONTAINMENT, LONG_TERM }

    /**
     * How a mitigation ends, for its caller. ELIMINATED ends only a mitigation that waited for an accepted risk's
     * review, which no case calls (a called one hands the review over and ends RISK_ACCEPTED).
     */
    public enum Outcome { CONTAINED, RISK_ACCEPTED, REINVESTIGATE, ELIMINATED }

    private MitigationProcess() {
    }
}
