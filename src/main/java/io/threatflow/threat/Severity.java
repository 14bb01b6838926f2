package io.threatflow.threat;

/** Ordered from least to most severe, so {@link #compareTo} ranks them. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public Severity atLeast(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
