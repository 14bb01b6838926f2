package io.threatflow.threat;

public enum ThreatType {
    VULNERABILITY, EXPOSED_SERVICE, OUTDATED_OS, MALWARE, COMPROMISED_ACCOUNT, OTHER
}
