package io.threatflow.action;

import static io.threatflow.testing.TestAssets.asset;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.NetworkState;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    private static final Threat EXPOSED_RDP = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();
    private static final String CASE_ID = "remediation-1";
    private static final ActionKey CLOSE = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, CASE_ID, 1, 1);
    private static final ActionKey ISOLATE = new ActionKey("threat-1", ActionPurpose.CONTAINMENT,
            ActionType.ISOLATE_HOST, CASE_ID, "containment-level-1");

    private final ActionLog log = mock(ActionLog.class);
    private final ScannerPort scanner = mock(ScannerPort.class);
    /** A connector of every port, as the webhook is. */
    interface EveryPort extends Connector, HostIsolationPort, PortControlPort, PatchingPort, MalwareRemovalPort,
            AccountControlPort, MonitoringPort {
    }

    private final EveryPort target = mock(EveryPort.class);
    private final HostIsolationPort isolation = target;
    private final PortControlPort ports = target;
    private final PatchingPort patching = target;
    private final MalwareRemovalPort malware = target;
    private final AccountControlPort accounts = target;
    private final MonitoringPort monitoring = target;
    private final ConnectorRouter router = mock(ConnectorRouter.class);
    private final ActionService service = new ActionService(log, scanner, router, Clock.fixed(NOW, ZoneOffset.UTC),
            new ConnectorSettings(null, false));

    private final Asset host = asset().openPorts(3389).build();

    @BeforeEach
    void scannerSeesHost_andEveryActionIsRouted() {
        when(scanner.scan("asset-1")).thenReturn(host);
        when(router.route(any(), any())).thenReturn(Optional.of(target));
    }

    @Test
    void shouldLogPending_andNotSendAgain_whenTheTargetAcceptsTheActionForLater() {
        when(ports.closePort(CLOSE, host, 3389)).thenThrow(new ActionPendingException("accepted for later (202)"));
        ActionRecord pending = record(CLOSE, ActionStatus.PENDING, "accepted for later (202)");
        when(log.findByKey(CLOSE)).thenReturn(Optional.empty(), Optional.of(pending));

        assertThat(service.apply(EXPOSED_RDP, CLOSE, 1).status()).isEqualTo(ActionStatus.PENDING);
        verify(log).append(CLOSE, host.hostname(), ActionStatus.PENDING, 1, "accepted for later (202)", NOW);

        assertThat(service.apply(EXPOSED_RDP, CLOSE, 1)).as("a job that runs again").isSameAs(pending);
        verify(ports, times(1)).closePort(CLOSE, host, 3389);
    }

    @Test
    void shouldRecordAPostedResult_onlyOnAPendingAction() {
        ActionRecord pending = record(CLOSE, ActionStatus.PENDING, "accepted for later (202)");
        when(log.updateStatusIf(CLOSE.value(), ActionStatus.PENDING, ActionStatus.FAILED,
                "accepted for later (202); result posted: failed: disk full")).thenReturn(true);

        assertThat(service.recordResult(pending, ActionStatus.FAILED, "disk full")).isTrue();
        assertThat(service.recordResult(pending, ActionStatus.APPLIED, null)).as("not pending any more").isFalse();
        assertThatThrownBy(() -> service.recordResult(pending, ActionStatus.VERIFIED, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ActionRecord record(ActionKey key, ActionStatus status, String detail) {
        return new ActionRecord(1, key.threatId(), key.action(), key.purpose(), "host-1", status, 1, key.value(),
                key.caseId(), detail, NOW, null);
    }

    /** A dry run too: it must show what would really happen. */
    @ParameterizedTest(name = "dry run {0}")
    @ValueSource(booleans = {false, true})
    void shouldRejectAndLog_whenNoConnectorIsRoutedForTheActionOnTheAsset(boolean dryRun) {
        Threat exposed = dryRun ? threat(ThreatType.EXPOSED_SERVICE).port(3389).dryRun().build() : EXPOSED_RDP;
        when(router.route(ActionType.CLOSE_PORT, host)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.apply(exposed, CLOSE, 1)).isInstanceOf(ActionRejectedException.class)
                .hasMessageContaining("no connector is routed for CLOSE_PORT on " + host.hostname())
                .hasMessageContaining("unmanaged for this action");
        verify(log).append(any(ActionKey.class), anyString(), org.mockito.ArgumentMatchers.eq(ActionStatus.REJECTED),
                anyInt(), org.mockito.ArgumentMatchers.contains("no connector is routed"), any());
        verifyNoInteractions(target);
    }

    @Test
    void shouldSayInWords_whoActsOnTheAsset_whatIsSimulated_andWhatIsRefused() {
        Connector simulation = mock(Connector.class);
        when(simulation.name()).thenReturn("inventory");
        when(simulation.simulated()).thenReturn(true);
        when(target.name()).thenReturn("edr");
        java.util.Map<ActionType, Connector> reach = new java.util.EnumMap<>(ActionType.class);
        for (ActionType action : ActionType.values()) {
            if (action != ActionType.NOTIFY_STAKEHOLDERS && action != ActionType.RAISE_MONITORING) {
                reach.put(action, action.port() == HostIsolationPort.class ? target : simulation);
            }
        }
        when(router.reach(host)).thenReturn(reach);

        assertThat(service.reach(host))
                .startsWith("inventory (SIMULATION: changes only ThreatFlow's own inventory): patch the software, upgrade the OS")
                .contains("; edr: isolate the host, reconnect the host")
                .endsWith(". Refused, no connector: raise monitoring");

        when(router.reach(host)).thenReturn(java.util.Map.of());
        assertThat(service.reach(host)).startsWith("UNMANAGED: no connector is routed for any action on "
                + host.hostname());
    }

    @Test
    void shouldSayInTheLog_thatASimulatedActionTouchedNoRealSystem() {
        when(target.simulated()).thenReturn(true);
        when(target.closePort(CLOSE, host, 3389)).thenReturn("port 3389 closed");
        when(log.findByKey(CLOSE)).thenReturn(Optional.empty(),
                Optional.of(record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED, CLOSE)));

        service.apply(EXPOSED_RDP, CLOSE, 1);

        verify(log).append(CLOSE, host.hostname(), ActionStatus.APPLIED, 1,
                ActionService.SIMULATION + "port 3389 closed", NOW);
    }

    @Test
    void shouldCallPortAndLogApplied_whenKeyIsNew() {
        ActionRecord logged = record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED, CLOSE);
        when(log.findByKey(CLOSE)).thenReturn(Optional.empty(), Optional.of(logged));
        when(ports.closePort(CLOSE, host, 3389)).thenReturn("port 3389 closed");

        ActionRecord result = service.apply(EXPOSED_RDP, CLOSE, 1);

        assertThat(result).isEqualTo(logged);
        verify(ports).closePort(CLOSE, host, 3389);
        verify(log).append(CLOSE, "legacy-hr-01", ActionStatus.APPLIED, 1, "port 3389 closed", NOW);
    }

    @Test
    void shouldNotCallPortAgain_whenSameKeyIsAppliedTwice() {
        ActionRecord logged = record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED, CLOSE);
        when(log.findByKey(CLOSE)).thenReturn(Optional.empty(), Optional.of(logged));
        when(ports.closePort(CLOSE, host, 3389)).thenReturn("port 3389 closed");

        service.apply(EXPOSED_RDP, CLOSE, 1);
        ActionRecord second = service.apply(EXPOSED_RDP, CLOSE, 1);

        assertThat(second).isEqualTo(logged);
        verify(ports, times(1)).closePort(CLOSE, host, 3389);
        verify(scanner, times(1)).scan("asset-1");
        verify(log, times(1)).append(any(), anyString(), any(), anyInt(), any(), any());
    }

    @Test
    void shouldCallPortAgain_whenALaterCaseAppliesTheSameActionToTheSameThreat() {
        ActionKey laterKey = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, "remediation-2", 1, 1);
        ActionRecord earlier = record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.VERIFIED, CLOSE);
        ActionRecord later = record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED, laterKey);
        when(log.findByKey(CLOSE)).thenReturn(Optional.of(earlier));
        when(log.findByKey(laterKey)).thenReturn(Optional.empty(), Optional.of(later));
        when(ports.closePort(laterKey, host, 3389)).thenReturn("port 3389 closed");

        ActionRecord result = service.apply(EXPOSED_RDP, laterKey, 1);

        assertThat(result).isEqualTo(later);
        verify(ports).closePort(laterKey, host, 3389);
        verify(log).append(laterKey, "legacy-hr-01", ActionStatus.APPLIED, 1, "port 3389 closed", NOW);
    }

    @Test
    void shouldRethrowEarlierRejection_withoutCallingPortAgain_whenKeyWasRejected() {
        when(log.findByKey(CLOSE)).thenReturn(Optional.of(record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION,
                ActionStatus.REJECTED, CLOSE, "asset legacy-hr-01 is not managed")));

        assertThatThrownBy(() -> service.apply(EXPOSED_RDP, CLOSE, 2))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessage("asset legacy-hr-01 is not managed");
        verifyNoInteractions(ports, scanner);
        verify(log, never()).append(any(), anyString(), any(), anyInt(), any(), any());
    }

    @Test
    void shouldLogRejected_andRethrow_whenTargetRefuses() {
        ActionRejectedException refusal = new ActionRejectedException("asset legacy-hr-01 is not managed");
        when(log.findByKey(CLOSE)).thenReturn(Optional.empty());
        when(ports.closePort(CLOSE, host, 3389)).thenThrow(refusal);

        assertThatThrownBy(() -> service.apply(EXPOSED_RDP, CLOSE, 1))
                .isSameAs(refusal);
        verify(log).append(CLOSE, "legacy-hr-01", ActionStatus.REJECTED, 1, "asset legacy-hr-01 is not managed", NOW);
    }

    @Test
    void shouldLogNothing_andPropagate_whenPortFailsTechnically() {
        when(log.findByKey(CLOSE)).thenReturn(Optional.empty());
        when(ports.closePort(CLOSE, host, 3389)).thenThrow(new IllegalStateException("agent unreachable"));

        assertThatThrownBy(() -> service.apply(EXPOSED_RDP, CLOSE, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("agent unreachable");
        verify(log, never()).append(any(), anyString(), any(), anyInt(), any(), any());
    }

    @Test
    void shouldPatchTheCve_whenVulnerabilityHasOne() {
        Threat vulnerability = threat(ThreatType.VULNERABILITY).cve("CVE-2024-3400").build();
        ActionKey patch = ActionKey.eradication("threat-1", ActionType.PATCH_SOFTWARE, CASE_ID, 1, 1);
        loggedOnceApplied(patch);
        when(patching.patchSoftware(patch, host, "CVE-2024-3400")).thenReturn("patched");

        service.apply(vulnerability, patch, 1);

        verify(patching).patchSoftware(patch, host, "CVE-2024-3400");
    }

    @Test
    void shouldRemoveMalwareByItsFinding() {
        Threat infection = threat(ThreatType.MALWARE).build();
        ActionKey removal = ActionKey.eradication("threat-1", ActionType.REMOVE_MALWARE, CASE_ID, 1, 1);
        loggedOnceApplied(removal);
        when(malware.removeMalware(removal, host, "MALWARE:threat-1")).thenReturn("removed");

        service.apply(infection, removal, 1);

        verify(malware).removeMalware(removal, host, "MALWARE:threat-1");
    }

    @Test
    void shouldBlockTheThreatsPort_whenContaining() {
        ActionKey block = ActionKey.measure("threat-1", ActionPurpose.CONTAINMENT, ActionType.BLOCK_PORT, CASE_ID,
                "mitigation-1", "CONTAINMENT", 1);
        loggedOnceApplied(block);
        when(ports.blockPort(block, host, 3389)).thenReturn("blocked");

        service.apply(EXPOSED_RDP, block, 1);

        verify(ports).blockPort(block, host, 3389);
        verify(target).simulated();
        verifyNoMoreInteractions(target);
    }

    @Test
    void shouldRefuseNotification_asAnAction_withoutLoggingIt() {
        ActionKey notification = ActionKey.notification("threat-1", CASE_ID);
        when(log.findByKey(notification)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.apply(EXPOSED_RDP, notification, 1))
                .isInstanceOf(IllegalArgumentException.class);
        verify(log, never()).append(any(), anyString(), any(), anyInt(), any(), any());
    }

    @Test
    void shouldRefuseAKeyOfAnotherThreat_withoutTouchingTheLogOrTheTarget() {
        ActionKey otherThreats = ActionKey.eradication("threat-2", ActionType.CLOSE_PORT, CASE_ID, 1, 1);

        assertThatThrownBy(() -> service.apply(EXPOSED_RDP, otherThreats, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threat-2/");
        assertThatThrownBy(() -> service.verify(EXPOSED_RDP, otherThreats))
                .isInstanceOf(IllegalArgumentException.class);
        verifyNoInteractions(log, ports, scanner);
    }

    @Test
    void shouldRecordVerified_whenRescanShowsMeasureHolds() {
        when(log.findByKey(ISOLATE)).thenReturn(Optional.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.APPLIED, ISOLATE,
                        "host disconnected")));
        when(scanner.scan("asset-1")).thenReturn(asset().networkState(NetworkState.ISOLATED).build());

        boolean holds = service.verify(EXPOSED_RDP, ISOLATE);

        assertThat(holds).isTrue();
        verify(log).updateStatus(ISOLATE, ActionStatus.VERIFIED, "host disconnected; verified by re-scan");
    }

    @Test
    void shouldRecordIneffective_whenRescanShowsMeasureDoesNotHold() {
        when(log.findByKey(ISOLATE)).thenReturn(Optional.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.APPLIED, ISOLATE,
                        "host disconnected")));
        when(scanner.scan("asset-1")).thenReturn(asset().networkState(NetworkState.CONNECTED).build());

        boolean holds = service.verify(EXPOSED_RDP, ISOLATE);

        assertThat(holds).isFalse();
        verify(log).updateStatus(ISOLATE, ActionStatus.INEFFECTIVE,
                "host disconnected; re-scan shows it does not hold");
    }

    @Test
    void shouldReportNotHolding_withoutRescan_whenMeasureWasRejected() {
        when(log.findByKey(ISOLATE)).thenReturn(Optional.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.REJECTED, ISOLATE)));

        boolean holds = service.verify(EXPOSED_RDP, ISOLATE);

        assertThat(holds).isFalse();
        verifyNoInteractions(scanner);
        verify(log, never()).updateStatus(any(), any(), anyString());
    }

    @ParameterizedTest
    @CsvSource({"VERIFIED, true", "INEFFECTIVE, false"})
    void shouldReportEarlierVerification_withoutRescanOrUpdate_whenMeasureWasVerifiedBefore(ActionStatus verified,
                                                                                             boolean expected) {
        when(log.findByKey(ISOLATE)).thenReturn(Optional.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, verified, ISOLATE,
                        "host disconnected; verified by re-scan")));

        boolean holds = service.verify(EXPOSED_RDP, ISOLATE);

        assertThat(holds).isEqualTo(expected);
        verifyNoInteractions(scanner);
        verify(log, never()).updateStatus(any(), any(), anyString());
    }

    @Test
    void shouldFailTechnically_whenVerifyingAMeasureThatWasNeverLogged() {
        when(log.findByKey(ISOLATE)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.verify(EXPOSED_RDP, ISOLATE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("threat-1/CONTAINMENT/ISOLATE_HOST/case-remediation-1/containment-level-1");
    }

    @Test
    void shouldLogNotificationOnce_perOccasion() {
        ActionKey key = ActionKey.notification("threat-1", CASE_ID);
        when(log.findByKey(key)).thenReturn(Optional.empty(), Optional.of(
                record(ActionType.NOTIFY_STAKEHOLDERS, ActionPurpose.NOTIFICATION, ActionStatus.SENT, key)));

        service.recordNotification(key, "hr-it, soc-managers", "plan");
        service.recordNotification(key, "hr-it, soc-managers", "plan");

        verify(log, times(1)).append(key, "hr-it, soc-managers", ActionStatus.SENT, 1, "plan", NOW);
    }

    @Test
    void shouldReadHistoryFromLog() {
        List<ActionRecord> history = List.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED, ISOLATE));
        when(log.forThreat("threat-1")).thenReturn(history);

        assertThat(service.history("threat-1")).isEqualTo(history);
    }

    @Test
    void shouldReadACasesHistory_fromTheLogByCase() {
        List<ActionRecord> history = List.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED, ISOLATE));
        when(log.forCase("threat-1", CASE_ID)).thenReturn(history);

        assertThat(service.history("threat-1", CASE_ID)).isEqualTo(history);
    }

    @Test
    void shouldTellWhetherThreatPersists_fromAFreshScan() {
        assertThat(service.persists(EXPOSED_RDP)).isTrue();

        when(scanner.scan("asset-1")).thenReturn(asset().build());
        assertThat(service.persists(EXPOSED_RDP)).isFalse();
    }

    @Test
    void shouldLogTheRequestAsDryRun_andCallNoPort_whenTheThreatIsADryRun() {
        Threat dryRun = threat(ThreatType.EXPOSED_SERVICE).port(3389).dryRun().build();
        when(target.name()).thenReturn("edr");
        when(target.describe(CLOSE, host, 3389, null)).thenReturn("POST https://edr.example/close {\"port\":3389}");
        loggedOnce(CLOSE, ActionStatus.DRY_RUN);

        ActionRecord logged = service.apply(dryRun, CLOSE, 1);

        assertThat(logged.status()).isEqualTo(ActionStatus.DRY_RUN);
        verify(log).append(CLOSE, "legacy-hr-01", ActionStatus.DRY_RUN, 1,
                "DRY RUN, nothing was sent: edr would close the port on legacy-hr-01",
                "POST https://edr.example/close {\"port\":3389}", NOW);
        verify(ports, never()).closePort(any(), any(), any());
    }

    @Test
    void shouldDescribeWithTheFinding_theRealCallWouldGet() {
        Threat dryRun = threat(ThreatType.VULNERABILITY).cve("CVE-2024-3400").dryRun().build();
        ActionKey patch = ActionKey.eradication("threat-1", ActionType.PATCH_SOFTWARE, CASE_ID, 1, 1);
        when(target.name()).thenReturn("awx");
        when(target.describe(patch, host, null, "CVE-2024-3400")).thenReturn("launch template 12");
        loggedOnce(patch, ActionStatus.DRY_RUN);

        service.apply(dryRun, patch, 1);

        verify(log).append(patch, "legacy-hr-01", ActionStatus.DRY_RUN, 1,
                "DRY RUN, nothing was sent: awx would patch the software on legacy-hr-01", "launch template 12", NOW);
        verify(patching, never()).patchSoftware(any(), any(), any());
    }

    @Test
    void shouldSayInADryRun_thatTheConnectorIsASimulation() {
        Threat dryRun = threat(ThreatType.EXPOSED_SERVICE).port(3389).dryRun().build();
        when(target.name()).thenReturn("inventory");
        when(target.simulated()).thenReturn(true);
        when(target.describe(CLOSE, host, 3389, null)).thenReturn("would change its own table");
        loggedOnce(CLOSE, ActionStatus.DRY_RUN);

        service.apply(dryRun, CLOSE, 1);

        verify(log).append(CLOSE, "legacy-hr-01", ActionStatus.DRY_RUN, 1,
                "DRY RUN, nothing was sent: inventory (a simulation) would close the port on legacy-hr-01",
                "would change its own table", NOW);
    }

    @Test
    void shouldLogRejected_whenTheConnectorRefusesWhileDescribing() {
        Threat dryRun = threat(ThreatType.EXPOSED_SERVICE).port(3389).dryRun().build();
        when(log.findByKey(CLOSE)).thenReturn(Optional.empty());
        when(target.describe(CLOSE, host, 3389, null))
                .thenThrow(new ActionRejectedException("no AWX job template is configured for CLOSE_PORT"));

        assertThatThrownBy(() -> service.apply(dryRun, CLOSE, 1)).isInstanceOf(ActionRejectedException.class);
        verify(log).append(CLOSE, "legacy-hr-01", ActionStatus.REJECTED, 1,
                "no AWX job template is configured for CLOSE_PORT", NOW);
    }

    @Test
    void shouldRunEveryCaseDry_onANodeSetToDryRun_alsoOneReportedForReal() {
        ActionService staging = new ActionService(log, scanner, router, Clock.fixed(NOW, ZoneOffset.UTC),
                new ConnectorSettings(null, true));
        when(target.name()).thenReturn("edr");
        when(target.describe(CLOSE, host, 3389, null)).thenReturn("POST https://edr.example/close");
        loggedOnce(CLOSE, ActionStatus.DRY_RUN);

        staging.apply(EXPOSED_RDP, CLOSE, 1);

        assertThat(EXPOSED_RDP.dryRun()).isFalse();
        assertThat(staging.dryRun(EXPOSED_RDP)).isTrue();
        verify(log).append(CLOSE, "legacy-hr-01", ActionStatus.DRY_RUN, 1,
                "DRY RUN, nothing was sent: edr would close the port on legacy-hr-01", "POST https://edr.example/close",
                NOW);
        verify(ports, never()).closePort(any(), any(), any());
    }

    @Test
    void shouldCountADryRunMeasureAsHolding_withoutRescan_andSayItWasNotChecked() {
        when(log.findByKey(ISOLATE)).thenReturn(Optional.of(record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT,
                ActionStatus.DRY_RUN, ISOLATE, "DRY RUN, nothing was sent: edr would isolate the host")));

        boolean holds = service.verify(EXPOSED_RDP, ISOLATE);

        assertThat(holds).isTrue();
        verifyNoInteractions(scanner);
        verify(log).updateDetail(ISOLATE.value(), "DRY RUN, nothing was sent: edr would isolate the host"
                + "; not checked: a dry run changes nothing");
        verify(log, never()).updateStatus(any(), any(), anyString());
    }

    @Test
    void shouldTellValidation_whenTheCasesLatestEradicationWasADryRun_andNoteItOnThatEntry() {
        ActionKey first = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, CASE_ID, 1, 1);
        ActionKey second = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, CASE_ID, 1, 2);
        when(log.forCase("threat-1", CASE_ID)).thenReturn(List.of(
                record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.INEFFECTIVE, first),
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.DRY_RUN, ISOLATE),
                record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.DRY_RUN, second, "would close")));

        assertThat(service.eradicationWasDryRun(EXPOSED_RDP, CASE_ID)).isTrue();
        verify(log).updateDetail(second.value(), "would close; not checked: a dry run changes nothing");
    }

    @Test
    void shouldLeaveValidationToTheProbe_whenTheCasesLatestEradicationWasReal() {
        ActionKey first = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, CASE_ID, 1, 1);
        when(log.forCase("threat-1", CASE_ID)).thenReturn(List.of(
                record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED, first),
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.DRY_RUN, ISOLATE)));
        assertThat(service.eradicationWasDryRun(EXPOSED_RDP, CASE_ID)).isFalse();

        when(log.forCase("threat-1", CASE_ID)).thenReturn(List.of());
        assertThat(service.eradicationWasDryRun(EXPOSED_RDP, CASE_ID)).isFalse();
        verify(log, never()).updateDetail(anyString(), anyString());
    }

    @Test
    void shouldRecordADryRunsNotification_asNotSent() {
        ActionKey key = ActionKey.notification("threat-1", CASE_ID);
        when(log.findByKey(key)).thenReturn(Optional.empty());

        service.recordDryRunNotification(key, "hr-it, managers", "Threat on legacy-hr-01: plan");

        verify(log).append(key, "hr-it, managers", ActionStatus.DRY_RUN, 1,
                "DRY RUN, nothing was sent: Threat on legacy-hr-01: plan", NOW);
    }

    /** The log holds the key once the service has appended it with the status. */
    private void loggedOnce(ActionKey key, ActionStatus status) {
        when(log.findByKey(key)).thenReturn(Optional.empty(), Optional.of(record(key.action(), key.purpose(), status, key)));
    }

    /** The log does not hold the key until the service appends it as applied. */
    private void loggedOnceApplied(ActionKey key) {
        when(log.findByKey(key)).thenReturn(Optional.empty(),
                Optional.of(record(key.action(), key.purpose(), ActionStatus.APPLIED, key)));
    }

    private static ActionRecord record(ActionType action, ActionPurpose purpose, ActionStatus status, ActionKey key) {
        return record(action, purpose, status, key, "detail");
    }

    private static ActionRecord record(ActionType action, ActionPurpose purpose, ActionStatus status, ActionKey key,
                                       String detail) {
        return new ActionRecord(1L, "threat-1", action, purpose, "legacy-hr-01", status, 1, key.value(), key.caseId(),
                detail, NOW, null);
    }
}
