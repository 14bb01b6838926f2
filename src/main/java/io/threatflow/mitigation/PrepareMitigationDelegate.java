package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.*;

import io.threatflow.inventory.InventoryService;
import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareMitigation}: loads the threat the measures are for, and what approval-policy decides each
 * measure's approval from: the asset's criticality, whether the threat is known exploited and how many other open
 * threats the asset has. Started on its own (not called by a remediation case) the mode defaults to LONG_TERM.
 */
@Component("prepareMitigation")
class PrepareMitigationDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final InventoryService inventory;

    PrepareMitigationDelegate(ThreatService threats, InventoryService inventory) {
        this.threats = threats;
        this.inventory = inventory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution).trim());
        Mode mode = MITIGATION_MODE.optionalFrom(execution).filter(m -> !m.isBlank())
                .map(PrepareMitigationDelegate::mode).orElse(Mode.LONG_TERM);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(threat.id());
        }
        THREAT_ID.set(execution, threat.id());
        var caller = execution.getProcessInstance().getSuperExecution();
        CASE_ID.set(execution, caller != null ? caller.getProcessInstanceId() : execution.getProcessInstanceId());
        CALLED_BY_CASE.set(execution, caller != null);
        MITIGATION_MODE.set(execution, mode.name());
        MITIGATION_LEVEL.set(execution, MITIGATION_LEVEL.from(execution, 1));
        THREAT_TITLE.set(execution, threat.title());
        THREAT_TYPE.set(execution, threat.type().name());
        ASSET_NAME.set(execution, threat.assetName());
        SEVERITY.set(execution, threat.severity() != null ? threat.severity() : Severity.MEDIUM);
        ASSET_CRITICALITY.set(execution, inventory.get(threat.assetId()).criticality());
        KNOWN_EXPLOITED.set(execution, threat.knownExploited());
        OTHER_OPEN_THREATS.set(execution, threats.openThreatsOnSameAsset(threat).size());
    }

    private static Mode mode(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("'" + MITIGATION_MODE.name() + "' must be one of "
                    + Arrays.toString(Mode.values()) + ", not '" + value + "'");
        }
    }
}
