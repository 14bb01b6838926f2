package io.threatflow.playbook;

import io.threatflow.engine.ProcessVariable;

/** The contract of process {@code playbook-change}: the four-eyes review of a proposed playbook change. */
public final class PlaybookChangeProcess {

    public static final String KEY = "playbook-change";
    public static final String TASK_REVIEW = "Task_ReviewPlaybookChange";
    public static final String TASK_DEPLOY = "Task_DeployPlaybookChange";
    public static final String TASK_RECORD_REFUSAL = "Task_RecordRefusal";
    public static final String END_DEPLOYED = "EndEvent_ChangeDeployed";
    public static final String END_REFUSED = "EndEvent_ChangeRefused";
    /** the form of the review, which a change may not replace either */
    static final String REVIEW_FORM = "review-playbook-change";

    /** The proposal's id; also the review's business key. */
    static final ProcessVariable<String> CHANGE_ID = ProcessVariable.of("changeId", String.class);
    /** Who proposed the change: never its reviewer. */
    public static final ProcessVariable<String> PROPOSED_BY = ProcessVariable.of("proposedBy", String.class);
    /** What changed, in words, computed by the server (read-only on the form). */
    static final ProcessVariable<String> CHANGE_SUMMARY = ProcessVariable.of("changeSummary", String.class);
    /** The reviewer's answer on the form; only {@link RecordPlaybookReviewListener} reads it. */
    static final ProcessVariable<Boolean> CHANGE_APPROVED = ProcessVariable.of("changeApproved", Boolean.class);
    static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);
    /** What the gateway reads, written by the system from the answer. */
    static final ProcessVariable<ChangeDecision> CHANGE_DECISION = ProcessVariable.ofEnum("changeDecision", ChangeDecision.class);
    static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.of("reviewedBy", String.class);

    enum ChangeDecision { APPROVED, REFUSED }

    private PlaybookChangeProcess() {
    }
}
