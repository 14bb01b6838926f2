package io.threatflow.threat;

import io.threatflow.Text;
import io.threatflow.inventory.InventoryService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The threat register: what is known about each threat and where its case stands. */
@Service
public class ThreatService {

    private final ThreatRepository threats;
    private final FingerprintRepository fingerprints;
    private final SightingRepository sightings;
    private final InventoryService inventory;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final boolean nodeDryRun;

    /**
     * @param nodeDryRun the node runs every case dry; the setting that {@code action.ConnectorSettings} also reads,
     *                   which this package cannot depend on
     */
    ThreatService(ThreatRepository threats, FingerprintRepository fingerprints, SightingRepository sightings,
                  InventoryService inventory, Clock clock, ApplicationEventPublisher events,
                  @Value("${threatflow.connectors.dry-run:false}") boolean nodeDryRun) {
        this.threats = threats;
        this.fingerprints = fingerprints;
        this.sightings = sightings;
        this.inventory = inventory;
        this.clock = clock;
        this.events = events;
        this.nodeDryRun = nodeDryRun;
    }

    /** What the report said about exploitability, exposure and ATT&CK techniques. */
    public ThreatEvidence evidence(String threatId) {
        return threats.findEvidence(threatId).orElseThrow(() -> new ThreatNotFoundException(threatId));
    }

    /** The open threat that this report describes again, if there is one. */
    public Optional<Threat> findOpen(NewThreat report) {
        return findOpenDuplicate(report);
    }

    private Optional<Threat> findOpenDuplicate(NewThreat report) {
        String assetId = inventory.findIdByName(report.assetName()).orElse(null);
        return fingerprints.findThreat(Fingerprints.of(report, assetId)).flatMap(threats::findById);
    }

    /**
     * Registers a reported threat against its asset (registering an unknown asset as unmanaged), as a dry run when
     * the report asks for one or the node runs every case dry.
     *
     * @throws DuplicateThreatException when the report describes a threat that is open already
     * @throws org.springframework.dao.DuplicateKeyException when a concurrent report of the same threat won
     */
    // the duplicate check runs before anything is written, so the caller's transaction can go on to correlate
    @Transactional(noRollbackFor = DuplicateThreatException.class)
    public Threat register(NewThreat report) {
        findOpenDuplicate(report).ifPresent(open -> {
            throw new DuplicateThreatException(open.id());
        });
        String assetId = inventory.resolveId(report.assetName());
        Threat threat = new Threat(UUID.randomUUID().toString(), Text.strip(report.title()), report.description(),
                report.type(), null, report.reportedSeverity(), false, assetId,
                Text.strip(report.assetName()), report.cve(), report.port(), report.source(), report.sourceRef(),
                ThreatStatus.OPEN, null, clock.instant(), report.detectedAt(), Map.of(), report.dryRun() || nodeDryRun);
        threats.insert(threat);
        threats.insertEvidence(threat.id(), report.evidence());
        fingerprints.insert(threat.id(), Fingerprints.of(report, assetId));
        recordFinding(threat);
        events.publishEvent(new ThreatRegistered(threat.id(), threat.type(), threat.reportedSeverity(),
                threat.reportedAt(), threat.dryRun()));
        return threat;
    }

    /** Records on the asset what the report says a scanner would see, so validation can look for it. */
    private void recordFinding(Threat threat) {
        String assetId = threat.assetId();
        switch (threat.type()) {
            case EXPOSED_SERVICE -> {
                if (threat.port() != null) {
                    inventory.openPort(assetId, threat.port());
                }
            }
            case OUTDATED_OS -> inventory.markOsUnsupported(assetId);
            case COMPROMISED_ACCOUNT -> inventory.markCredentialsCompromised(assetId);
            default -> inventory.addFinding(assetId, threat.findingKey());
        }
    }

    /**
     * Records a further report of an open threat and raises the threat's severity when the new report rates
     * it higher.
     *
     * @return the severity of the threat after the sighting
     */
    @Transactional
    public Severity recordSighting(String threatId, String source, String sourceRef, Severity reported,
                                   String reportedBy) {
        Threat threat = get(threatId);
        boolean raise = reported != null && (threat.severity() == null || reported.compareTo(threat.severity()) > 0);
        if (raise) {
            threats.updateSeverity(threatId, reported);
        }
        sightings.insert(new Sighting(threatId, source, sourceRef, reported, raise, reportedBy, clock.instant()));
        return raise ? reported : threat.severity();
    }

    public List<Sighting> sightings(String threatId) {
        return sightings.forThreat(threatId);
    }

    public Threat get(String threatId) {
        return threats.findById(threatId).orElseThrow(() -> new ThreatNotFoundException(threatId));
    }

    public ThreatPage search(ThreatFilter filter, int page, int size) {
        return threats.search(filter, page, size);
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
            Instant closedAt = clock.instant();
            fingerprints.deleteFor(threatId);
            threats.markPhase(threatId, Phase.CLOSED, closedAt);
            Threat threat = get(threatId);
            events.publishEvent(new ThreatClosed(threatId, status, threat.type(),
                    threat.severity() != null ? threat.severity() : threat.reportedSeverity(), threat.reportedAt(), closedAt,
                    threat.dryRun()));
        } else if (status == ThreatStatus.CONTAINED) {
            threats.markPhase(threatId, Phase.CONTAINED, clock.instant());
        }
    }
}
