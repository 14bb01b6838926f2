package io.threatflow.action;

import io.threatflow.inventory.Asset;
import io.threatflow.threat.Threat;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries actions out through the ports, each exactly once per idempotency key: a job that runs again
 * finds the key in the action log and does not touch the target a second time.
 */
@Service
public class ActionService {

    private final ActionLog log;
    private final ScannerPort scanner;
    private final HostIsolationPort isolation;
    private final PortControlPort ports;
    private final PatchingPort patching;
    private final MalwareRemovalPort malware;
    private final AccountControlPort accounts;
    private final MonitoringPort monitoring;
    private final Clock clock;

    ActionService(ActionLog log, ScannerPort scanner, HostIsolationPort isolation, PortControlPort ports,
                  PatchingPort patching, MalwareRemovalPort malware, AccountControlPort accounts,
                  MonitoringPort monitoring, Clock clock) {
        this.log = log;
        this.scanner = scanner;
        this.isolation = isolation;
        this.ports = ports;
        this.patching = patching;
        this.malware = malware;
        this.accounts = accounts;
        this.monitoring = monitoring;
        this.clock = clock;
    }

    /**
     * Applies the action unless the log holds its key already.
     *
     * @param threat  the threat the key names
     * @param attempt the number of this try, kept in the log (the eradication attempt; 1 otherwise)
     * @throws ActionRejectedException when the target refuses, now or the first time this key was tried
     */
    @Transactional(noRollbackFor = ActionRejectedException.class)
    public ActionRecord apply(Threat threat, ActionKey key, int attempt) {
        requireSameThreat(threat, key);
        Optional<ActionRecord> earlier = log.findByKey(key);
        if (earlier.isPresent()) {
            if (earlier.get().status() == ActionStatus.REJECTED) {
                throw new ActionRejectedException(earlier.get().detail());
            }
            return earlier.get();
        }
        Asset asset = scanner.scan(threat.assetId());
        String target = asset.hostname();
        try {
            String detail = dispatch(threat, asset, key);
            log.append(key, target, ActionStatus.APPLIED, attempt, detail, clock.instant());
        } catch (ActionRejectedException rejected) {
            log.append(key, target, ActionStatus.REJECTED, attempt, rejected.getMessage(), clock.instant());
            throw rejected;
        }
        return log.findByKey(key).orElseThrow();
    }

    /** Re-reads the asset and records whether an applied measure holds. */
    @Transactional
    public boolean verify(Threat threat, ActionKey key) {
        requireSameThreat(threat, key);
        ActionRecord applied = log.findByKey(key)
                .orElseThrow(() -> new IllegalStateException("no action logged under " + key + " to verify"));
        if (applied.status() != ActionStatus.APPLIED) {
            // rejected, or verified before by a job that ran again
            return applied.status() == ActionStatus.VERIFIED;
        }
        boolean holds = ThreatPresence.holds(key.action(), threat, scanner.scan(threat.assetId()));
        log.updateStatus(key, holds ? ActionStatus.VERIFIED : ActionStatus.INEFFECTIVE,
                applied.detail() + (holds ? "; verified by re-scan" : "; re-scan shows it does not hold"));
        return holds;
    }

    public boolean persists(Threat threat) {
        return ThreatPresence.persists(threat, scanner.scan(threat.assetId()));
    }

    public Asset scan(Threat threat) {
        return scanner.scan(threat.assetId());
    }

    public List<ActionRecord> history(String threatId) {
        return log.forThreat(threatId);
    }

    /** The actions that the case {@code caseId} took on the threat. */
    public List<ActionRecord> history(String threatId, String caseId) {
        return log.forCase(threatId, caseId);
    }

    @Transactional
    public void recordNotification(ActionKey key, String audience, String detail) {
        if (log.findByKey(key).isEmpty()) {
            log.append(key, audience, ActionStatus.SENT, 1, detail, clock.instant());
        }
    }

    private static void requireSameThreat(Threat threat, ActionKey key) {
        if (!threat.id().equals(key.threatId())) {
            throw new IllegalArgumentException("key " + key + " is not one of threat " + threat.id());
        }
    }

    private String dispatch(Threat threat, Asset asset, ActionKey key) {
        return switch (key.action()) {
            case PATCH_SOFTWARE -> patching.patchSoftware(key, asset, threat.findingKey());
            case UPGRADE_OS -> patching.upgradeOs(key, asset);
            case CLOSE_PORT -> ports.closePort(key, asset, threat.port());
            case REMOVE_MALWARE -> malware.removeMalware(key, asset, threat.findingKey());
            case RESET_CREDENTIALS -> accounts.resetCredentials(key, asset);
            case ISOLATE_HOST -> isolation.isolate(key, asset);
            case RECONNECT_HOST -> isolation.reconnect(key, asset);
            case BLOCK_PORT -> ports.blockPort(key, asset, threat.port());
            case UNBLOCK_PORT -> ports.unblockPort(key, asset, threat.port());
            case DISABLE_ACCOUNT -> accounts.disableAccount(key, asset);
            case ENABLE_ACCOUNT -> accounts.enableAccount(key, asset);
            case RAISE_MONITORING -> monitoring.raiseMonitoring(key, asset);
            case NOTIFY_STAKEHOLDERS -> throw new IllegalArgumentException("notifications go through the NotificationPort");
        };
    }
}
