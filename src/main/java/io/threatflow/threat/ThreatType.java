package io.threatflow.threat;

public enum ThreatType {
    VULNERABILITY("Vulnerability"),
    EXPOSED_SERVICE("Exposed service"),
    OUTDATED_OS("Outdated operating system"),
    MALWARE("Malware"),
    COMPROMISED_ACCOUNT("Compromised account"),
    OTHER("Other");

    private final String label;

    ThreatType(String label) {
        this.label = label;
    }

    /** The words people read, as the start form's choice shows them. */
    public String label() {
        return label;
    }
}
