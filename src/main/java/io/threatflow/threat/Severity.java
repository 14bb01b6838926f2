package io.threatflow.threat;

/** Ordered from least to most severe, so {@link #compareTo} ranks them. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The word people read: "High", never the code. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    public Severity atLeast(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
