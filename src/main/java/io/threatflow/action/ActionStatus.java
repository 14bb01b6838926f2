package io.threatflow.action;

public enum ActionStatus {
    /** the target carried the action out */
    APPLIED,
    /** the target refused it: a business outcome, not a technical failure */
    REJECTED,
    /** applied, and a re-read of the target shows it holds */
    VERIFIED,
    /** applied, but a re-read of the target shows it does not hold */
    INEFFECTIVE,
    /** a notification handed to the notification channel */
    SENT,
    /** what validation saw for itself (a probe), kept as evidence */
    OBSERVED,
    /** a dry run: routed and described with the request it would send, but not sent; nothing was changed */
    DRY_RUN
}
