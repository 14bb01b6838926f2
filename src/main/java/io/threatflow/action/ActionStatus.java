package io.threatflow.action;

public enum ActionStatus {
    /** the target carried the action out */
    APPLIED,
    /** the target accepted it for later and will post its result; the case waits for it */
    PENDING,
    /** the target refused it: a business outcome, not a technical failure */
    REJECTED,
    /** the target accepted it for later, tried, and could not carry it out */
    FAILED,
    /** applied, and a re-read of the target shows it holds */
    VERIFIED,
    /** applied, but a re-read of the target shows it does not hold */
    INEFFECTIVE,
    /** a notification handed to the notification channel */
    SENT,
    /** what validation saw for itself (a probe), kept as evidence */
    OBSERVED,
    /** a dry run: routed and described with the request it would send, but not sent; nothing was changed */
    DRY_RUN;

    /** In words, for people. */
    public String label() {
        return switch (this) {
            case APPLIED -> "applied";
            case PENDING -> "waiting for the target's result";
            case REJECTED -> "refused";
            case FAILED -> "failed";
            case VERIFIED -> "verified";
            case INEFFECTIVE -> "applied but not effective";
            case SENT -> "sent";
            case OBSERVED -> "observed";
            case DRY_RUN -> "dry run, nothing changed";
        };
    }
}
