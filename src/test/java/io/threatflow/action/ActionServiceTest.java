package io.threatflow.action;

import static io.threatflow.testing.TestAssets.asset;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
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

class ActionServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    private static final Threat EXPOSED_RDP = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();
    private static final String CASE_ID = "remediation-1";
    private static final String ROUND_1 = "case-remediation-1/round-1/attempt-1";
    private static final String CONTAINMENT_1 = "case-remediation-1/containment-level-1";
    private static final String CLOSE_KEY = "threat-1/ERADICATION/CLOSE_PORT/case-remediation-1/round-1/attempt-1";
    private static final String ISOLATE_KEY =
            "threat-1/CONTAINMENT/ISOLATE_HOST/case-remediation-1/containment-level-1";

    private final ActionLog log = mock(ActionLog.class);
    private final ScannerPort scanner = mock(ScannerPort.class);
    // CALLS_REAL_METHODS: the keyed default methods that ActionService calls reach the stubs below
    private final HostIsolationPort isolation = mock(HostIsolationPort.class, CALLS_REAL_METHODS);
    private final PortControlPort ports = mock(PortControlPort.class, CALLS_REAL_METHODS);
    private final PatchingPort patching = mock(PatchingPort.class, CALLS_REAL_METHODS);
    private final MalwareRemovalPort malware = mock(MalwareRemovalPort.class, CALLS_REAL_METHODS);
    private final AccountControlPort accounts = mock(AccountControlPort.class, CALLS_REAL_METHODS);
    private final MonitoringPort monitoring = mock(MonitoringPort.class, CALLS_REAL_METHODS);
    private final ActionService service = new ActionService(log, scanner, isolation, ports, patching, malware,
            accounts, monitoring, Clock.fixed(NOW, ZoneOffset.UTC));

    private final Asset host = asset().openPorts(3389).build();

    @BeforeEach
    void scannerSeesHost() {
        when(scanner.scan("asset-1")).thenReturn(host);
    }

    @Test
    void shouldBuildKey_fromThreatPurposeActionAndOccasion() {
        assertThat(ActionService.key(EXPOSED_RDP, ActionPurpose.ERADICATION, ActionType.CLOSE_PORT, ROUND_1))
                .isEqualTo(CLOSE_KEY);
    }

    @Test
    void shouldBuildOccasion_withinItsCase() {
        assertThat(ActionService.occasion(CASE_ID, "round-1/attempt-1")).isEqualTo(ROUND_1);
    }

    @Test
    void shouldGiveALaterCaseOtherKeys_thanAnEarlierCaseForTheSameThreat() {
        String later = ActionService.occasion("remediation-2", "round-1/attempt-1");

        assertThat(ActionService.key(EXPOSED_RDP, ActionPurpose.ERADICATION, ActionType.CLOSE_PORT, later))
                .isEqualTo("threat-1/ERADICATION/CLOSE_PORT/case-remediation-2/round-1/attempt-1")
                .isNotEqualTo(CLOSE_KEY);
    }

    @Test
    void shouldTellWhetherARecordBelongsToACase_byTheCaseInItsKey() {
        ActionRecord isolation = record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED,
                ISOLATE_KEY);

        assertThat(ActionService.belongsToCase(isolation, CASE_ID)).isTrue();
        assertThat(ActionService.belongsToCase(isolation, "remediation-2")).isFalse();
        assertThat(ActionService.belongsToCase(isolation, "remediation")).isFalse();
        assertThat(ActionService.belongsToCase(record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT,
                ActionStatus.VERIFIED, "threat-1/CONTAINMENT/ISOLATE_HOST/containment-level-1"), CASE_ID)).isFalse();
    }

    @Test
    void shouldCallPortAndLogApplied_whenKeyIsNew() {
        ActionRecord logged = record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED, CLOSE_KEY);
        when(log.findByKey(CLOSE_KEY)).thenReturn(Optional.empty(), Optional.of(logged));
        when(ports.closePort(host, 3389)).thenReturn("port 3389 closed");

        ActionRecord result = service.apply(EXPOSED_RDP, ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, 1, ROUND_1);

        assertThat(result).isEqualTo(logged);
        verify(ports).closePort(CLOSE_KEY, host, 3389);
        verify(ports).closePort(host, 3389);
        verify(log).append("threat-1", ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, "legacy-hr-01",
                ActionStatus.APPLIED, 1, CLOSE_KEY, "port 3389 closed", NOW);
    }

    @Test
    void shouldNotCallPortAgain_whenSameKeyIsAppliedTwice() {
        ActionRecord logged = record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED, CLOSE_KEY);
        when(log.findByKey(CLOSE_KEY)).thenReturn(Optional.empty(), Optional.of(logged));
        when(ports.closePort(host, 3389)).thenReturn("port 3389 closed");

        service.apply(EXPOSED_RDP, ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, 1, ROUND_1);
        ActionRecord second = service.apply(EXPOSED_RDP, ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, 1, ROUND_1);

        assertThat(second).isEqualTo(logged);
        verify(ports, times(1)).closePort(host, 3389);
        verify(scanner, times(1)).scan("asset-1");
        verify(log, times(1)).append(anyString(), any(), any(), anyString(), any(), anyInt(), anyString(), any(),
                any());
    }

    @Test
    void shouldCallPortAgain_whenALaterCaseAppliesTheSameActionToTheSameThreat() {
        String laterKey = "threat-1/ERADICATION/CLOSE_PORT/case-remediation-2/round-1/attempt-1";
        ActionRecord earlier =
                record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.VERIFIED, CLOSE_KEY);
        ActionRecord later = record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED, laterKey);
        when(log.findByKey(CLOSE_KEY)).thenReturn(Optional.of(earlier));
        when(log.findByKey(laterKey)).thenReturn(Optional.empty(), Optional.of(later));
        when(ports.closePort(host, 3389)).thenReturn("port 3389 closed");

        ActionRecord result = service.apply(EXPOSED_RDP, ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, 1,
                ActionService.occasion("remediation-2", "round-1/attempt-1"));

        assertThat(result).isEqualTo(later);
        verify(ports).closePort(host, 3389);
        verify(log).append("threat-1", ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, "legacy-hr-01",
                ActionStatus.APPLIED, 1, laterKey, "port 3389 closed", NOW);
    }

    @Test
    void shouldRethrowEarlierRejection_withoutCallingPortAgain_whenKeyWasRejected() {
        when(log.findByKey(CLOSE_KEY)).thenReturn(Optional.of(record(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION,
                ActionStatus.REJECTED, CLOSE_KEY, "asset legacy-hr-01 is not managed")));

        assertThatThrownBy(() -> service.apply(EXPOSED_RDP, ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, 2,
                ROUND_1))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessage("asset legacy-hr-01 is not managed");
        verifyNoInteractions(ports, scanner);
        verify(log, never()).append(anyString(), any(), any(), anyString(), any(), anyInt(), anyString(), any(), any());
    }

    @Test
    void shouldLogRejected_andRethrow_whenTargetRefuses() {
        ActionRejectedException refusal = new ActionRejectedException("asset legacy-hr-01 is not managed");
        when(log.findByKey(CLOSE_KEY)).thenReturn(Optional.empty());
        when(ports.closePort(host, 3389)).thenThrow(refusal);

        assertThatThrownBy(() -> service.apply(EXPOSED_RDP, ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, 1,
                ROUND_1))
                .isSameAs(refusal);
        verify(log).append("threat-1", ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, "legacy-hr-01",
                ActionStatus.REJECTED, 1, CLOSE_KEY, "asset legacy-hr-01 is not managed", NOW);
    }

    @Test
    void shouldLogNothing_andPropagate_whenPortFailsTechnically() {
        when(log.findByKey(CLOSE_KEY)).thenReturn(Optional.empty());
        when(ports.closePort(host, 3389)).thenThrow(new IllegalStateException("agent unreachable"));

        assertThatThrownBy(() -> service.apply(EXPOSED_RDP, ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, 1,
                ROUND_1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("agent unreachable");
        verify(log, never()).append(anyString(), any(), any(), anyString(), any(), anyInt(), anyString(), any(), any());
    }

    @Test
    void shouldPatchTheCve_whenVulnerabilityHasOne() {
        Threat vulnerability = threat(ThreatType.VULNERABILITY).cve("CVE-2024-3400").build();
        when(log.findByKey(anyString())).thenReturn(Optional.empty(), Optional.of(
                record(ActionType.PATCH_SOFTWARE, ActionPurpose.ERADICATION, ActionStatus.APPLIED, "k")));
        when(patching.patchSoftware(host, "CVE-2024-3400")).thenReturn("patched");

        service.apply(vulnerability, ActionType.PATCH_SOFTWARE, ActionPurpose.ERADICATION, 1, ROUND_1);

        verify(patching).patchSoftware(host, "CVE-2024-3400");
    }

    @Test
    void shouldRemoveMalwareByItsFinding() {
        Threat infection = threat(ThreatType.MALWARE).build();
        when(log.findByKey(anyString())).thenReturn(Optional.empty(), Optional.of(
                record(ActionType.REMOVE_MALWARE, ActionPurpose.ERADICATION, ActionStatus.APPLIED, "k")));
        when(malware.removeMalware(host, "MALWARE:threat-1")).thenReturn("removed");

        service.apply(infection, ActionType.REMOVE_MALWARE, ActionPurpose.ERADICATION, 1, ROUND_1);

        verify(malware).removeMalware(host, "MALWARE:threat-1");
    }

    @Test
    void shouldBlockTheThreatsPort_whenContaining() {
        when(log.findByKey(anyString())).thenReturn(Optional.empty(), Optional.of(
                record(ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.APPLIED, "k")));
        when(ports.blockPort(host, 3389)).thenReturn("blocked");

        service.apply(EXPOSED_RDP, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, 1, CONTAINMENT_1);

        verify(ports).blockPort(host, 3389);
        verifyNoInteractions(isolation, patching, malware, accounts, monitoring);
    }

    @Test
    void shouldRefuseNotification_asAnAction_withoutLoggingIt() {
        when(log.findByKey(anyString())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.apply(EXPOSED_RDP, ActionType.NOTIFY_STAKEHOLDERS, ActionPurpose.NOTIFICATION,
                1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        verify(log, never()).append(anyString(), any(), any(), anyString(), any(), anyInt(), anyString(), any(), any());
    }

    @Test
    void shouldRecordVerified_whenRescanShowsMeasureHolds() {
        when(log.findByKey(ISOLATE_KEY)).thenReturn(Optional.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.APPLIED, ISOLATE_KEY,
                        "host disconnected")));
        when(scanner.scan("asset-1")).thenReturn(asset().networkState(NetworkState.ISOLATED).build());

        boolean holds = service.verify(EXPOSED_RDP, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, CONTAINMENT_1);

        assertThat(holds).isTrue();
        verify(log).updateStatus(ISOLATE_KEY, ActionStatus.VERIFIED, "host disconnected; verified by re-scan");
    }

    @Test
    void shouldRecordIneffective_whenRescanShowsMeasureDoesNotHold() {
        when(log.findByKey(ISOLATE_KEY)).thenReturn(Optional.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.APPLIED, ISOLATE_KEY,
                        "host disconnected")));
        when(scanner.scan("asset-1")).thenReturn(asset().networkState(NetworkState.CONNECTED).build());

        boolean holds = service.verify(EXPOSED_RDP, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, CONTAINMENT_1);

        assertThat(holds).isFalse();
        verify(log).updateStatus(ISOLATE_KEY, ActionStatus.INEFFECTIVE,
                "host disconnected; re-scan shows it does not hold");
    }

    @Test
    void shouldReportNotHolding_withoutRescan_whenMeasureWasRejected() {
        when(log.findByKey(ISOLATE_KEY)).thenReturn(Optional.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.REJECTED, ISOLATE_KEY)));

        boolean holds = service.verify(EXPOSED_RDP, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, CONTAINMENT_1);

        assertThat(holds).isFalse();
        verifyNoInteractions(scanner);
        verify(log, never()).updateStatus(anyString(), any(), anyString());
    }

    @ParameterizedTest
    @CsvSource({"VERIFIED, true", "INEFFECTIVE, false"})
    void shouldReportEarlierVerification_withoutRescanOrUpdate_whenMeasureWasVerifiedBefore(ActionStatus verified,
                                                                                             boolean expected) {
        when(log.findByKey(ISOLATE_KEY)).thenReturn(Optional.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, verified, ISOLATE_KEY,
                        "host disconnected; verified by re-scan")));

        boolean holds = service.verify(EXPOSED_RDP, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, CONTAINMENT_1);

        assertThat(holds).isEqualTo(expected);
        verifyNoInteractions(scanner);
        verify(log, never()).updateStatus(anyString(), any(), anyString());
    }

    @Test
    void shouldFailTechnically_whenVerifyingAMeasureThatWasNeverLogged() {
        when(log.findByKey(ISOLATE_KEY)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.verify(EXPOSED_RDP, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT,
                CONTAINMENT_1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ISOLATE_KEY);
    }

    @Test
    void shouldLogNotificationOnce_perOccasion() {
        String key = "threat-1/NOTIFICATION/NOTIFY_STAKEHOLDERS/case-remediation-1/response-planned";
        when(log.findByKey(key)).thenReturn(Optional.empty(), Optional.of(
                record(ActionType.NOTIFY_STAKEHOLDERS, ActionPurpose.NOTIFICATION, ActionStatus.SENT, key)));

        String occasion = ActionService.occasion(CASE_ID, "response-planned");
        service.recordNotification(EXPOSED_RDP, "hr-it, soc-managers", occasion, "plan");
        service.recordNotification(EXPOSED_RDP, "hr-it, soc-managers", occasion, "plan");

        verify(log, times(1)).append("threat-1", ActionType.NOTIFY_STAKEHOLDERS, ActionPurpose.NOTIFICATION,
                "hr-it, soc-managers", ActionStatus.SENT, 1, key, "plan", NOW);
    }

    @Test
    void shouldReadHistoryFromLog() {
        List<ActionRecord> history = List.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED, ISOLATE_KEY));
        when(log.forThreat("threat-1")).thenReturn(history);

        assertThat(service.history("threat-1")).isEqualTo(history);
    }

    @Test
    void shouldTellWhetherThreatPersists_fromAFreshScan() {
        assertThat(service.persists(EXPOSED_RDP)).isTrue();

        when(scanner.scan("asset-1")).thenReturn(asset().build());
        assertThat(service.persists(EXPOSED_RDP)).isFalse();
    }

    private static ActionRecord record(ActionType action, ActionPurpose purpose, ActionStatus status, String key) {
        return record(action, purpose, status, key, "detail");
    }

    private static ActionRecord record(ActionType action, ActionPurpose purpose, ActionStatus status, String key,
                                       String detail) {
        return new ActionRecord(1L, "threat-1", action, purpose, "legacy-hr-01", status, 1, key, detail, NOW);
    }
}
