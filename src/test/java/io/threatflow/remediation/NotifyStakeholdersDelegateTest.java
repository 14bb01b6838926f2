package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.CONTAIN_FIRST;
import static io.threatflow.remediation.RemediationProcess.REMEDIATION_ACTION;
import static io.threatflow.remediation.RemediationProcess.SEVERITY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestAssets.asset;
import static io.threatflow.testing.TestThreats.threat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.action.NotificationPort;
import io.threatflow.action.NotificationPort.Audience;
import io.threatflow.action.NotificationPort.Notification;
import io.threatflow.inventory.InventoryService;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotifyStakeholdersDelegateTest {

    private final Threat threat = threat(ThreatType.EXPOSED_SERVICE).title("RDP exposed to the internet").port(3389)
            .build();
    private final ThreatService threats = mock(ThreatService.class);
    private final InventoryService inventory = mock(InventoryService.class);
    private final NotificationPort notifications = mock(NotificationPort.class);
    private final ActionService actions = mock(ActionService.class);
    private final NotifyStakeholdersDelegate delegate =
            new NotifyStakeholdersDelegate(threats, inventory, notifications, actions);

    @BeforeEach
    void registerThreat() {
        when(threats.get("threat-1")).thenReturn(threat);
    }

    @Test
    void shouldNotifyOwnerAndManagers_ofThePlan_andLogIt() {
        when(inventory.get("asset-1")).thenReturn(asset().owner("hr-it").build());

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "CRITICAL",
                REMEDIATION_ACTION.name(), "CLOSE_PORT", CONTAIN_FIRST.name(), true)));

        String subject = "Threat on legacy-hr-01: RDP exposed to the internet";
        String plan = "Severity CRITICAL. Planned action: CLOSE_PORT, contained first.";
        verify(notifications).send(new Notification("threat-1", Audience.ownerAnd("hr-it", "managers"), subject, plan));
        verify(actions).recordNotification(new ActionKey("threat-1", ActionPurpose.NOTIFICATION,
                ActionType.NOTIFY_STAKEHOLDERS, "process-instance-1", "response-planned"), "hr-it, managers",
                subject + ". " + plan);
    }

    @Test
    void shouldNotifyManagersOnly_andLeaveActionToAnalyst_whenAssetHasNoOwnerAndNoActionIsPlanned() {
        when(inventory.get("asset-1")).thenReturn(asset().owner(null).build());

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "LOW")));

        verify(notifications).send(new Notification("threat-1", Audience.groups("managers"),
                "Threat on legacy-hr-01: RDP exposed to the internet",
                "Severity LOW. Planned action: to be chosen by the analyst."));
    }

    @Test
    void shouldTellNobody_ofADryRunsPlan_andRecordWhatWouldHaveBeenSent() {
        when(actions.dryRun(threat)).thenReturn(true);
        when(inventory.get("asset-1")).thenReturn(asset().owner("hr-it").build());

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "HIGH",
                REMEDIATION_ACTION.name(), "CLOSE_PORT")));

        verifyNoInteractions(notifications);
        verify(actions).recordDryRunNotification(new ActionKey("threat-1", ActionPurpose.NOTIFICATION,
                ActionType.NOTIFY_STAKEHOLDERS, "process-instance-1", "response-planned"), "hr-it, managers",
                "Threat on legacy-hr-01: RDP exposed to the internet. Severity HIGH. Planned action: CLOSE_PORT.");
        verify(actions, never()).recordNotification(any(), any(), any());
    }

    @Test
    void shouldLogNotificationAnew_inALaterCaseForTheSameThreat() {
        when(inventory.get("asset-1")).thenReturn(asset().owner(null).build());

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "LOW"), "threat-1",
                "process-instance-2"));

        verify(actions).recordNotification(new ActionKey("threat-1", ActionPurpose.NOTIFICATION,
                ActionType.NOTIFY_STAKEHOLDERS, "process-instance-2", "response-planned"), "managers",
                "Threat on legacy-hr-01: RDP exposed to the internet. "
                        + "Severity LOW. Planned action: to be chosen by the analyst.");
    }
}
