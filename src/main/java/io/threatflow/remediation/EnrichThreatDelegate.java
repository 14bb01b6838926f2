package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.Text;
import io.threatflow.action.ActionService;
import io.threatflow.inventory.Asset;
import io.threatflow.inventory.InventoryService;
import io.threatflow.threat.KnownExploitedCatalog;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatEvidence;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EnrichThreat}: the asset's criticality from the inventory, the CVE's CISA KEV entry, and which
 * connectors can act on the asset; and the evidence the SSVC decision and the response plan weigh: CVSS, EPSS,
 * exploit availability, exposure (the inventory's or the report's) and the ATT&CK techniques.
 */
@Component("enrichThreat")
class EnrichThreatDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final InventoryService inventory;
    private final ActionService actions;
    private final KnownExploitedCatalog kev;
    private final SsvcSettings ssvc;

    EnrichThreatDelegate(ThreatService threats, InventoryService inventory, ActionService actions,
                         KnownExploitedCatalog kev, SsvcSettings ssvc) {
        this.ssvc = ssvc;
        this.threats = threats;
        this.inventory = inventory;
        this.actions = actions;
        this.kev = kev;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        Asset asset = inventory.get(threat.assetId());
        var entry = kev.find(threat.cve());
        threats.recordEnrichment(threat.id(), entry.isPresent());

        KNOWN_EXPLOITED.set(execution, entry.isPresent());
        KEV_SUMMARY.set(execution, entry.map(KnownExploitedCatalog.Entry::summary).orElseGet(() -> threat.cve() == null
                ? "No CVE reported."
                : threat.cve() + " is not in the CISA KEV catalogue (version " + kev.version() + ")."));
        ASSET_CRITICALITY.set(execution, asset.criticality());
        ASSET_MANAGEMENT.set(execution, actions.reach(asset));
        REPORTED_SEVERITY.set(execution, threat.reportedSeverity());
        REPORT_SUMMARY.set(execution, reportSummary(threat, REPORTED_BY.from(execution, null)));

        ThreatEvidence evidence = threats.evidence(threat.id());
        CVSS_SCORE.set(execution, evidence.cvssScore());
        EPSS_SCORE.set(execution, evidence.epssScore());
        EPSS_POC_THRESHOLD.set(execution, ssvc.epssPocThreshold());
        EXPLOIT_AVAILABLE.set(execution, evidence.exploitAvailable());
        INTERNET_FACING.set(execution, asset.internetFacing() || evidence.internetFacing());
        ATTACK_IDS.set(execution, evidence.attackIds());
        ATTACK_SUMMARY.set(execution, evidence.describeAttacks());
    }

    /** What the reporter said, in words, for the triage form: who and when, their estimate, the port, the text. */
    static String reportSummary(Threat threat, String reportedBy) {
        String source = threat.source() == null ? "" : threat.source().startsWith("tasklist") ? "Tasklist"
                : threat.source() + (threat.sourceRef() == null ? "" : " (" + threat.sourceRef() + ")");
        String who = reportedBy != null ? reportedBy + (source.isEmpty() ? "" : ", through " + source)
                : source.isEmpty() ? "not known" : source;
        return "Reported by: " + who + ", " + Text.utc(threat.reportedAt()) + "\n"
                + "Type: " + threat.type().label() + "\n"
                + "Their severity estimate: " + (threat.reportedSeverity() == null ? "not given"
                : threat.reportedSeverity().label()) + "\n"
                + "Port: " + (threat.port() == null ? "none given" : threat.port()) + "\n"
                + "Description: " + (threat.description() == null || threat.description().isBlank() ? "none given"
                : "\n" + threat.description().strip());
    }
}
