package io.threatflow.threat;

public enum ThreatStatus {
    OPEN, CONTAINED, ELIMINATED, MITIGATED, FALSE_POSITIVE;

    public boolean isClosed() {
        return this == ELIMINATED || this == MITIGATED || this == FALSE_POSITIVE;
    }
}
