package io.threatflow.testing;

import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatStatus;
import io.threatflow.threat.ThreatType;
import java.time.Instant;
import java.util.Map;

/** Threats for tests: {@code threat(ThreatType.VULNERABILITY).cve("CVE-2024-3400").build()}. */
public final class TestThreats {

    public static final String THREAT_ID = "threat-1";
    public static final String ASSET_ID = "asset-1";
    public static final String ASSET_NAME = "legacy-hr-01";

    private final ThreatType type;
    private String id = THREAT_ID;
    private String title = "Exploitable flaw on " + ASSET_NAME;
    private Severity severity = Severity.HIGH;
    private Severity reportedSeverity;
    private String cve;
    private Integer port;
    private boolean dryRun;
    private boolean knownExploited;

    private TestThreats(ThreatType type) {
        this.type = type;
    }

    public static TestThreats threat(ThreatType type) {
        return new TestThreats(type);
    }

    public TestThreats id(String id) {
        this.id = id;
        return this;
    }

    public TestThreats title(String title) {
        this.title = title;
        return this;
    }

    public TestThreats severity(Severity severity) {
        this.severity = severity;
        return this;
    }

    public TestThreats reportedSeverity(Severity reportedSeverity) {
        this.reportedSeverity = reportedSeverity;
        return this;
    }

    public TestThreats cve(String cve) {
        this.cve = cve;
        return this;
    }

    public TestThreats port(Integer port) {
        this.port = port;
        return this;
    }

    public TestThreats knownExploited() {
        this.knownExploited = true;
        return this;
    }

    public TestThreats dryRun() {
        this.dryRun = true;
        return this;
    }

    public Threat build() {
        return new Threat(id, title, null, type, severity, reportedSeverity, knownExploited, ASSET_ID, ASSET_NAME, cve, port,
                "test", null, ThreatStatus.OPEN, null, Instant.parse("2025-06-01T08:00:00Z"), null, Map.of(), dryRun);
    }
}
