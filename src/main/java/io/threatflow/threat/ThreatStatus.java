package io.threatflow.threat;

public enum ThreatStatus {
    OPEN, CONTAINED, ELIMINATED, MITIGATED, FALSE_POSITIVE,
    /** Closed without an outcome: its case was deleted with the playbook version it ran on (CaseDeletion). */
    WITHDRAWN;

    public boolean isClosed() {
        return this == ELIMINATED || this == MITIGATED || this == FALSE_POSITIVE || this == WITHDRAWN;
    }
}
