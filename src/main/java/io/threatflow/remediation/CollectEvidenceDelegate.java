package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.action.ActionService;
import io.threatflow.inventory.Asset;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CollectEvidence}: a snapshot of the asset as the scanner sees it now and the other open
 * threats on it. Starts a new investigation round, which eradication attempts are counted in.
 */
@Component("collectEvidence")
class CollectEvidenceDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final ActionService actions;

    CollectEvidenceDelegate(ThreatService threats, ActionService actions) {
        this.threats = threats;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        Asset asset = actions.scan(threat);
        List<Threat> related = threats.openThreatsOnSameAsset(threat);
        int round = INVESTIGATION_ROUND.from(execution, 0) + 1;

        String others = related.isEmpty() ? "none" : related.stream()
                .map(t -> "- %s %s (%s, %s)".formatted(t.type(), t.title(), t.severity(), t.status()))
                .collect(Collectors.joining("\n", "\n", ""));
        String rejection = REJECTION_REASON.optionalFrom(execution).map(r -> "\nLast action refused: " + r).orElse("");
        EVIDENCE.set(execution, "Investigation round %d.%nAsset: %s%nOther open threats on this asset: %s%s"
                .formatted(round, asset.describe(), others, rejection));
        OTHER_OPEN_THREATS.set(execution, related.size());
        INVESTIGATION_ROUND.set(execution, round);
        ERADICATION_ATTEMPT.set(execution, 0);
    }
}
