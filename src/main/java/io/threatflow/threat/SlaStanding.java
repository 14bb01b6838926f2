package io.threatflow.threat;

/**
 * How a threat stands against its service levels, as the register can tell from its due times and the recorded
 * breaches: a breach counts once it is recorded or once a due time passed before its moment came.
 */
public enum SlaStanding {
    /** open, and no service level missed so far */
    ON_TRACK,
    /** at least one service level missed (recorded, or a due time passed with the work not done) */
    BREACHED,
    /** closed, and every service level met */
    MET;

    /** In words, for people. */
    public String label() {
        return switch (this) {
            case ON_TRACK -> "on track";
            case BREACHED -> "breached";
            case MET -> "met";
        };
    }
}
