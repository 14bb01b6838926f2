package io.threatflow.threat;

/** The moments of a case that the register keeps a timestamp for. */
public enum Phase {
    TRIAGED("triaged_at"),
    CONTAINED("contained_at"),
    INVESTIGATED("investigated_at"),
    ERADICATED("eradicated_at"),
    VALIDATED("validated_at"),
    CLOSED("closed_at");

    final String column;

    Phase(String column) {
        this.column = column;
    }
}
