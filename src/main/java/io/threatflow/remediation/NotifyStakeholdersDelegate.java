package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionService;
import io.threatflow.action.NotificationPort;
import io.threatflow.action.NotificationPort.Audience;
import io.threatflow.action.NotificationPort.Notification;
import io.threatflow.inventory.Asset;
import io.threatflow.inventory.InventoryService;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyStakeholders}: the asset owner and the SOC managers learn of the case and its plan. A dry run
 * tells nobody of a plan that will not be carried out: the notification is only recorded, as DRY_RUN.
 */
@Component("notifyStakeholders")
class NotifyStakeholdersDelegate implements JavaDelegate {

    /** The Camunda group of the SOC managers ({@code access.Groups.MANAGERS}, which this package may not import). */
    static final String MANAGERS = "managers";

    private final ThreatService threats;
    private final InventoryService inventory;
    private final NotificationPort notifications;
    private final ActionService actions;

    NotifyStakeholdersDelegate(ThreatService threats, InventoryService inventory, NotificationPort notifications,
                               ActionService actions) {
        this.threats = threats;
        this.inventory = inventory;
        this.notifications = notifications;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        Asset asset = inventory.get(threat.assetId());
        // whether a manager approves is decided after investigation (approval-policy), so it is not told here
        String plan = "Severity %s. Planned action: %s%s.".formatted(
                SEVERITY.from(execution),
                REMEDIATION_ACTION.optionalFrom(execution).orElse("to be chosen by the analyst"),
                Boolean.TRUE.equals(CONTAIN_FIRST.from(execution, false)) ? ", contained first" : "");
        Audience audience = asset.owner() == null ? Audience.groups(MANAGERS) : Audience.ownerAnd(asset.owner(), MANAGERS);
        String subject = "Threat on " + asset.hostname() + ": " + threat.title();
        ActionKey key = ActionKey.notification(threat.id(), execution.getProcessInstanceId());
        if (actions.dryRun(threat)) {
            actions.recordDryRunNotification(key, audience.label(), subject + ". " + plan);
            return;
        }
        notifications.send(new Notification(threat.id(), audience, subject, plan));
        actions.recordNotification(key, audience.label(), subject + ". " + plan);
    }
}
