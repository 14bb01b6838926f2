package io.threatflow.threat;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.InventoryService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The threat register: what is known about each threat and where its case stands. */
@Service
public class ThreatService {

    private final ThreatRepository threats;
    private final InventoryService inventory;
    private final Clock clock;

    ThreatService(ThreatRepository threats, InventoryService inventory, Clock clock) {
        this.threats = threats;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** Registers a reported threat against its asset (registering an unknown asset as unmanaged). */
    @Transactional
    public Threat register(NewThreat report) {
        Asset asset = inventory.resolve(report.assetName());
        Threat threat = new Threat(UUID.randomUUID().toString(), report.title().trim(), report.description(),
                report.type(), null, report.reportedSeverity(), false, asset.id(),
                report.assetName().trim(), report.cve(), report.port(), report.source(), report.sourceRef(),
                ThreatStatus.OPEN, null, clock.instant(), report.detectedAt(), Map.of());
        threats.insert(threat);
        inventory.recordFinding(threat);
        return threat;
    }

    public Threat get(String threatId) {
        return threats.findById(threatId).orElseThrow(() -> new ThreatNotFoundException(threatId));
    }

    public List<Threat> openThreatsOnSameAsset(Threat threat) {
        return threats.findOpenOnAsset(threat.assetId(), threat.id());
    }

    @Transactional
    public void attachCase(String threatId, String processInstanceId) {
        threats.updateProcessInstance(threatId, processInstanceId);
    }

    @Transactional
    public void recordEnrichment(String threatId, boolean knownExploited) {
        threats.updateKnownExploited(threatId, knownExploited);
    }

    @Transactional
    public void recordSeverity(String threatId, Severity severity) {
        threats.updateSeverity(threatId, severity);
    }

    @Transactional
    public void markPhase(String threatId, Phase phase) {
        threats.markPhase(threatId, phase, clock.instant());
    }

    /** Moves the threat to a status; a closing status also stamps the closing time. */
    @Transactional
    public void changeStatus(String threatId, ThreatStatus status) {
        threats.updateStatus(threatId, status);
        if (status.isClosed()) {
            threats.markPhase(threatId, Phase.CLOSED, clock.instant());
        } else if (status == ThreatStatus.CONTAINED) {
            threats.markPhase(threatId, Phase.CONTAINED, clock.instant());
        }
    }
}
