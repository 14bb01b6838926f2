package io.threatflow.action;

import io.threatflow.inventory.Asset;
import io.threatflow.threat.Threat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries actions out through the ports, each exactly once per idempotency key: a job that runs again
 * finds the key in the action log and does not touch the target a second time. In a dry run (the threat's, or
 * the node's {@code threatflow.connectors.dry-run}) it routes each action as for real and logs the request the
 * connector would send as {@link ActionStatus#DRY_RUN}, and sends nothing.
 */
@Service
public class ActionService {

    /** What the action log says before the detail of an action the embedded inventory only simulated. */
    static final String SIMULATION = "SIMULATION, no real system was touched: ";
    /** What the action log adds to the detail of a pending action when its target posts the result. */
    static final String RESULT_POSTED = "; result posted: ";
    /** What the action log says before the detail of an action a dry run only described. */
    static final String DRY_RUN = "DRY RUN, nothing was sent: ";
    /** Added to a dry run's action that validation or verification had nothing to look at. */
    static final String NOT_CHECKED = "; not checked: a dry run changes nothing";

    private final ActionLog log;
    private final ScannerPort scanner;
    private final ConnectorRouter router;
    private final Clock clock;
    private final boolean nodeDryRun;

    ActionService(ActionLog log, ScannerPort scanner, ConnectorRouter router, Clock clock,
                  ConnectorSettings settings) {
        this.log = log;
        this.scanner = scanner;
        this.router = router;
        this.clock = clock;
        this.nodeDryRun = settings.dryRun();
    }

    /**
     * Applies the action unless the log holds its key already.
     *
     * @param threat  the threat the key names
     * @param attempt the number of this try, kept in the log (the eradication attempt; 1 otherwise)
     * @return the logged action: {@link ActionStatus#APPLIED}, or {@link ActionStatus#PENDING} when the target
     *         posts its result later
     * @throws ActionRejectedException when the target refuses, now or the first time this key was tried
     */
    @Transactional(noRollbackFor = ActionRejectedException.class)
    public ActionRecord apply(Threat threat, ActionKey key, int attempt) {
        requireSameThreat(threat, key);
        Optional<ActionRecord> earlier = log.findByKey(key);
        if (earlier.isPresent()) {
            // a pending action is not sent again: its target posts the result
            if (earlier.get().status() == ActionStatus.REJECTED) {
                throw new ActionRejectedException(earlier.get().detail());
            }
            return earlier.get();
        }
        if (!key.action().onAsset()) {
            throw new IllegalArgumentException(key.action() + " is not carried out by a connector");
        }
        Asset asset = scanner.scan(threat.assetId());
        String target = asset.hostname();
        Integer port = key.action().port() == PortControlPort.class ? threat.port() : null;
        String finding = key.action() == ActionType.PATCH_SOFTWARE || key.action() == ActionType.REMOVE_MALWARE
                ? threat.findingKey() : null;
        try {
            // routed in a dry run too: an action no connector takes is refused, as it would be for real
            Connector connector = router.route(key.action(), asset).orElseThrow(() -> new ActionRejectedException(
                    "no connector is routed for " + key.action() + " on " + asset.hostname()
                            + (asset.ipAddress() == null ? "" : " (" + asset.ipAddress() + ")")
                            + ": the asset is unmanaged for this action"));
            if (dryRun(threat)) {
                String request = connector.describe(key, asset, port, finding);
                log.append(key, target, ActionStatus.DRY_RUN, attempt, DRY_RUN + connector.name()
                        + (connector.simulated() ? " (a simulation)" : "") + " would " + key.action().label() + " on "
                        + target, request, clock.instant());
            } else {
                String detail = (connector.simulated() ? SIMULATION : "")
                        + dispatch(connector, key, asset, port, finding);
                log.append(key, target, ActionStatus.APPLIED, attempt, detail, clock.instant());
            }
        } catch (ActionPendingException pending) {
            log.append(key, target, ActionStatus.PENDING, attempt, pending.getMessage(), clock.instant());
        } catch (ActionRejectedException rejected) {
            log.append(key, target, ActionStatus.REJECTED, attempt, rejected.getMessage(), clock.instant());
            throw rejected;
        }
        return log.findByKey(key).orElseThrow();
    }

    /**
     * Records the result a target posted for an action it accepted for later: {@code APPLIED}, {@code REJECTED}
     * or {@code FAILED}, with the target's own words.
     *
     * @return false when the action is no longer pending, so nothing was recorded
     */
    @Transactional
    public boolean recordResult(ActionRecord pending, ActionStatus result, String detail) {
        if (result != ActionStatus.APPLIED && result != ActionStatus.REJECTED && result != ActionStatus.FAILED) {
            throw new IllegalArgumentException(result + " is not a result a target can post");
        }
        return log.updateStatusIf(pending.idempotencyKey(), ActionStatus.PENDING, result,
                pending.detail() + RESULT_POSTED + result.name().toLowerCase(Locale.ROOT)
                        + (detail == null || detail.isBlank() ? "" : ": " + detail));
    }

    public Optional<ActionRecord> findByActionId(String actionId) {
        return log.findByActionId(actionId);
    }

    /**
     * Re-reads the asset and records whether an applied measure holds. A dry run's measure changed nothing, so
     * there is nothing to re-read: it counts as holding, and its entry says it was not checked.
     */
    @Transactional
    public boolean verify(Threat threat, ActionKey key) {
        requireSameThreat(threat, key);
        ActionRecord applied = log.findByKey(key)
                .orElseThrow(() -> new IllegalStateException("no action logged under " + key + " to verify"));
        if (applied.status() == ActionStatus.DRY_RUN) {
            noteNotChecked(applied);
            return true;
        }
        if (applied.status() != ActionStatus.APPLIED) {
            // rejected, or verified before by a job that ran again
            return applied.status() == ActionStatus.VERIFIED;
        }
        boolean holds = ThreatPresence.holds(key.action(), threat, scanner.scan(threat.assetId()));
        log.updateStatus(key, holds ? ActionStatus.VERIFIED : ActionStatus.INEFFECTIVE,
                applied.detail() + (holds ? "; verified by re-scan" : "; re-scan shows it does not hold"));
        return holds;
    }

    /**
     * Whether the case's latest eradication was a dry run, so that validation has nothing to look at: nothing was
     * changed. Its entry then says that it was not checked. Read from the action log, not from a process variable.
     */
    @Transactional
    public boolean eradicationWasDryRun(Threat threat, String caseId) {
        Optional<ActionRecord> latest = log.forCase(threat.id(), caseId).stream()
                .filter(action -> action.purpose() == ActionPurpose.ERADICATION)
                .reduce((earlier, later) -> later);
        if (latest.isEmpty() || latest.get().status() != ActionStatus.DRY_RUN) {
            return false;
        }
        noteNotChecked(latest.get());
        return true;
    }

    /**
     * In words, which connector would carry out which action on the asset, so that an analyst sees before
     * deciding whether ThreatFlow can act on it, and whether that would only be a simulation.
     */
    public String reach(Asset asset) {
        Map<ActionType, Connector> reach = router.reach(asset);
        if (reach.isEmpty()) {
            return "UNMANAGED: no connector is routed for any action on " + asset.hostname()
                    + "; automated actions will be refused";
        }
        Map<String, List<String>> byConnector = new LinkedHashMap<>();
        reach.forEach((action, connector) -> byConnector.computeIfAbsent(connector.name()
                + (connector.simulated() ? " (SIMULATION: changes only ThreatFlow's own inventory)" : ""),
                name -> new ArrayList<>()).add(action.label()));
        List<String> missing = Arrays.stream(ActionType.values())
                .filter(action -> action.onAsset() && !reach.containsKey(action))
                .map(ActionType::label).toList();
        return byConnector.entrySet().stream().map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
                .collect(Collectors.joining("; "))
                + (missing.isEmpty() ? "" : ". Refused, no connector: " + String.join(", ", missing));
    }

    /**
     * Whether the action logged under the key was only simulated in ThreatFlow's own inventory: then the inventory
     * is all there is to read its effect back from.
     */
    public boolean wasSimulated(ActionKey key) {
        return log.findByKey(key).map(ActionRecord::detail).filter(detail -> detail.startsWith(SIMULATION))
                .isPresent();
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

    /**
     * Records that a person refused the action before anything was sent: a rejection in the log, with their
     * words, so summaries show it and a later try under the same key is refused as well. Once per key.
     */
    @Transactional
    public void recordRefusal(Threat threat, ActionKey key, String detail) {
        requireSameThreat(threat, key);
        if (log.findByKey(key).isEmpty()) {
            log.append(key, scanner.scan(threat.assetId()).hostname(), ActionStatus.REJECTED, 1, detail,
                    clock.instant());
        }
    }

    /** Records what validation saw for itself, as evidence: once per key, as a job run again sees it again. */
    @Transactional
    public void recordObservation(ActionKey key, String target, String detail) {
        if (log.findByKey(key).isEmpty()) {
            log.append(key, target, ActionStatus.OBSERVED, 1, detail, clock.instant());
        }
    }

    @Transactional
    public void recordNotification(ActionKey key, String audience, String detail) {
        if (log.findByKey(key).isEmpty()) {
            log.append(key, audience, ActionStatus.SENT, 1, detail, clock.instant());
        }
    }

    /** Records the notification a dry run would have sent, and did not. */
    @Transactional
    public void recordDryRunNotification(ActionKey key, String audience, String detail) {
        if (log.findByKey(key).isEmpty()) {
            log.append(key, audience, ActionStatus.DRY_RUN, 1, DRY_RUN + detail, clock.instant());
        }
    }

    /** Whether the threat's case runs dry: asked for in its report, or the node runs every case dry. */
    public boolean dryRun(Threat threat) {
        return threat.dryRun() || nodeDryRun;
    }

    private void noteNotChecked(ActionRecord dryRun) {
        if (dryRun.detail() == null || !dryRun.detail().endsWith(NOT_CHECKED)) {
            log.updateDetail(dryRun.idempotencyKey(),
                    (dryRun.detail() == null ? "" : dryRun.detail()) + NOT_CHECKED);
        }
    }

    private static void requireSameThreat(Threat threat, ActionKey key) {
        if (!threat.id().equals(key.threatId())) {
            throw new IllegalArgumentException("key " + key + " is not one of threat " + threat.id());
        }
    }

    private static String dispatch(Connector connector, ActionKey key, Asset asset, Integer port, String finding) {
        return switch (key.action()) {
            case PATCH_SOFTWARE -> port(connector, PatchingPort.class).patchSoftware(key, asset, finding);
            case UPGRADE_OS -> port(connector, PatchingPort.class).upgradeOs(key, asset);
            case CLOSE_PORT -> port(connector, PortControlPort.class).closePort(key, asset, port);
            case REMOVE_MALWARE -> port(connector, MalwareRemovalPort.class).removeMalware(key, asset, finding);
            case RESET_CREDENTIALS -> port(connector, AccountControlPort.class).resetCredentials(key, asset);
            case ISOLATE_HOST -> port(connector, HostIsolationPort.class).isolate(key, asset);
            case RECONNECT_HOST -> port(connector, HostIsolationPort.class).reconnect(key, asset);
            case BLOCK_PORT -> port(connector, PortControlPort.class).blockPort(key, asset, port);
            case UNBLOCK_PORT -> port(connector, PortControlPort.class).unblockPort(key, asset, port);
            case DISABLE_ACCOUNT -> port(connector, AccountControlPort.class).disableAccount(key, asset);
            case ENABLE_ACCOUNT -> port(connector, AccountControlPort.class).enableAccount(key, asset);
            case RAISE_MONITORING -> port(connector, MonitoringPort.class).raiseMonitoring(key, asset);
            case NOTIFY_STAKEHOLDERS, PROBE_SERVICE ->
                    throw new IllegalArgumentException(key.action() + " is not carried out by a connector");
        };
    }

    /** The router sends an action only to a connector that implements its port. */
    private static <P> P port(Connector connector, Class<P> port) {
        return port.cast(connector);
    }
}
