package io.threatflow.threat;

import java.time.Instant;

/**
 * A threat as reported, before it is registered. The limits are the register's columns
 * (db/migration/V1__threat_register.sql); every way in (the API, OCSF, the Tasklist start form) holds a report to
 * them before it reaches the database.
 *
 * @param dryRun   the reporter asks for a dry run: record what would be done, change nothing
 * @param evidence CVSS, EPSS, exploit and exposure as the report gives them, and its ATT&CK techniques
 */
public record NewThreat(
        String title,
        ThreatType type,
        String assetName,
        String description,
        Severity reportedSeverity,
        String cve,
        Integer port,
        String source,
        String sourceRef,
        Instant detectedAt,
        boolean dryRun,
        ThreatEvidence evidence) {

    public NewThreat {
        evidence = evidence == null ? ThreatEvidence.NONE : evidence;
    }

    /** A report that says nothing about exploitability, exposure or ATT&CK. */
    public NewThreat(String title, ThreatType type, String assetName, String description, Severity reportedSeverity,
                     String cve, Integer port, String source, String sourceRef, Instant detectedAt, boolean dryRun) {
        this(title, type, assetName, description, reportedSeverity, cve, port, source, sourceRef, detectedAt, dryRun,
                ThreatEvidence.NONE);
    }

    public NewThreat withAttacks(java.util.List<AttackTechnique> attacks) {
        return new NewThreat(title, type, assetName, description, reportedSeverity, cve, port, source, sourceRef,
                detectedAt, dryRun, evidence.withAttacks(attacks));
    }

    public static final int MAX_TITLE = 200;
    public static final int MAX_ASSET_NAME = 255;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_CVE = 32;
    /** A CVE id as MITRE assigns them, upper case: CVE-2024-3400. */
    public static final String CVE_FORMAT = "CVE-\\d{4}-\\d{4,}";
    public static final int MAX_SOURCE = 100;
    public static final int MAX_SOURCE_REF = 255;
}
