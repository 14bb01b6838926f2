package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.Text;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.inventory.Asset;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CollectEvidence}: a snapshot of the asset as the scanner sees it now and the other open
 * threats on it, as a list in words with the time it was taken (the form shows it as it was then). Starts a new
 * investigation round, which eradication attempts are counted in; a later round offers no action, so that the one
 * that failed is not chosen again by default.
 */
@Component("collectEvidence")
class CollectEvidenceDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final ActionService actions;
    /** Other open threats listed by name; a host of a scan can have hundreds */
    static final int LISTED_THREATS = 10;
    private static final int MAX_TEXT = 4000;

    private final Clock clock;

    CollectEvidenceDelegate(ThreatService threats, ActionService actions, Clock clock) {
        this.threats = threats;
        this.actions = actions;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        Asset asset = actions.scan(threat);
        List<Threat> related = threats.openThreatsOnSameAsset(threat);
        int round = INVESTIGATION_ROUND.from(execution, 0) + 1;

        List<String> lines = new ArrayList<>();
        lines.add("Evidence taken " + Text.utc(clock.instant()) + ", investigation round " + round + ".");
        lines.add("Asset:");
        lines.addAll(asset(asset));
        lines.add("Other open threats on this asset:" + (related.isEmpty() ? " none" : ""));
        related.stream().limit(LISTED_THREATS).forEach(t -> lines.add("- %s: %s (%s, %s)".formatted(t.type().label(),
                t.title(), t.severity() == null ? "severity not assessed yet"
                        : t.severity().label().toLowerCase(Locale.ROOT),
                t.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))));
        if (related.size() > LISTED_THREATS) {
            lines.add("- and " + (related.size() - LISTED_THREATS) + " more (the Threats page lists them all)");
        }
        if (round > 1) {
            String previous = REMEDIATION_ACTION.optionalFrom(execution).map(CollectEvidenceDelegate::action)
                    .orElse("none chosen");
            lines.add("Last action: " + previous + REJECTION_REASON.optionalFrom(execution)
                    .map(reason -> ", refused: " + reason).orElse(""));
            // the form offers the action it holds: the one that failed must be chosen again on purpose, if at all
            REMEDIATION_ACTION.set(execution, null);
        }
        String evidence = String.join("\n", lines);
        // the engine stores a text variable in at most 4,000 characters; longer would fail the step
        EVIDENCE.set(execution, evidence.length() <= MAX_TEXT ? evidence : evidence.substring(0, MAX_TEXT - 1) + "…");
        OTHER_OPEN_THREATS.set(execution, related.size());
        INVESTIGATION_ROUND.set(execution, round);
        ERADICATION_ATTEMPT.set(execution, 0);
    }

    private static List<String> asset(Asset asset) {
        List<String> lines = new ArrayList<>();
        lines.add("- Host: " + asset.hostname() + " (" + (asset.ipAddress() == null ? "no IP address" : asset.ipAddress())
                + ")");
        String os = asset.osName() == null ? "not known"
                : asset.osName() + (asset.osVersion() == null || asset.osVersion().isBlank() ? "" : " " + asset.osVersion());
        lines.add("- Operating system: " + os + (asset.osSupported() ? "" : " (no longer supported)"));
        lines.add("- Network: " + (asset.networkState() == null ? "not known"
                : asset.networkState().name().toLowerCase(Locale.ROOT)));
        lines.add("- Open ports: " + Asset.ports(asset.openPorts()));
        lines.add("- Blocked ports: " + Asset.ports(asset.blockedPorts()));
        lines.add("- Criticality: " + (asset.criticality() == null ? "not known" : asset.criticality().label()));
        lines.add("- Owner: " + (asset.owner() == null ? "not known" : asset.owner()));
        lines.add("- Managed: " + (asset.managed() ? "yes" : "no, ThreatFlow cannot act on it"));
        return lines;
    }

    private static String action(String name) {
        try {
            String label = ActionType.valueOf(name).label();
            return Character.toUpperCase(label.charAt(0)) + label.substring(1);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
