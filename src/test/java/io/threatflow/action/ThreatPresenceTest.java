package io.threatflow.action;

import static io.threatflow.testing.TestAssets.asset;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.NetworkState;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThreatPresenceTest {

    private static final Threat EXPOSED_RDP = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();

    @Test
    void shouldPersistExposedService_whilePortIsOpen() {
        assertThat(ThreatPresence.persists(EXPOSED_RDP, asset().openPorts(3389).build())).isTrue();
    }

    @Test
    void shouldPersistExposedService_whilePortIsOnlyBlocked() {
        assertThat(ThreatPresence.persists(EXPOSED_RDP, asset().blockedPorts(3389).build())).isTrue();
    }

    @Test
    void shouldNotPersistExposedService_whenPortIsGone() {
        assertThat(ThreatPresence.persists(EXPOSED_RDP, asset().openPorts(443).blockedPorts(445).build())).isFalse();
    }

    @Test
    void shouldNotPersistExposedService_whenThreatHasNoPort() {
        Threat noPort = threat(ThreatType.EXPOSED_SERVICE).build();

        assertThat(ThreatPresence.persists(noPort, asset().openPorts(3389).build())).isFalse();
    }

    @Test
    void shouldPersistOutdatedOs_onlyWhileOsIsUnsupported() {
        Threat outdated = threat(ThreatType.OUTDATED_OS).build();

        assertThat(ThreatPresence.persists(outdated, asset().osSupported(false).build())).isTrue();
        assertThat(ThreatPresence.persists(outdated, asset().osSupported(true).build())).isFalse();
    }

    @Test
    void shouldPersistCompromisedAccount_onlyWhileCredentialsAreCompromised() {
        Threat account = threat(ThreatType.COMPROMISED_ACCOUNT).build();

        assertThat(ThreatPresence.persists(account, asset().credentialsCompromised(true).build())).isTrue();
        assertThat(ThreatPresence.persists(account, asset().credentialsCompromised(false).build())).isFalse();
    }

    @Test
    void shouldPersistVulnerability_whileItsCveIsAFinding() {
        Threat vulnerability = threat(ThreatType.VULNERABILITY).cve("CVE-2024-3400").build();

        assertThat(ThreatPresence.persists(vulnerability, asset().findings("CVE-2024-3400").build())).isTrue();
        assertThat(ThreatPresence.persists(vulnerability, asset().findings("CVE-2023-4966").build())).isFalse();
    }

    @Test
    void shouldLookForTypeAndId_whenVulnerabilityHasNoCve() {
        Threat vulnerability = threat(ThreatType.VULNERABILITY).id("threat-7").build();

        assertThat(ThreatPresence.persists(vulnerability, asset().findings("VULNERABILITY:threat-7").build())).isTrue();
        assertThat(ThreatPresence.persists(vulnerability, asset().findings("VULNERABILITY:threat-8").build())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ThreatType.class, names = {"MALWARE", "OTHER"})
    void shouldPersistFindingBasedThreat_whileItsFindingIsOnTheAsset(ThreatType type) {
        Threat threat = threat(type).id("threat-9").cve("CVE-2024-3400").build();

        assertThat(ThreatPresence.persists(threat, asset().findings(type + ":threat-9").build())).isTrue();
        assertThat(ThreatPresence.persists(threat, asset().findings("CVE-2024-3400").build())).isFalse();
    }

    @Test
    void shouldHoldIsolation_onlyWhileHostIsIsolated() {
        Threat threat = threat(ThreatType.MALWARE).build();

        assertThat(ThreatPresence.holds(ActionType.ISOLATE_HOST, threat,
                asset().networkState(NetworkState.ISOLATED).build())).isTrue();
        assertThat(ThreatPresence.holds(ActionType.ISOLATE_HOST, threat,
                asset().networkState(NetworkState.CONNECTED).build())).isFalse();
    }

    @Test
    void shouldHoldPortBlock_whenPortIsNoLongerOpen() {
        Asset blocked = asset().blockedPorts(3389).build();
        Asset open = asset().openPorts(3389).build();

        assertThat(ThreatPresence.holds(ActionType.BLOCK_PORT, EXPOSED_RDP, blocked)).isTrue();
        assertThat(ThreatPresence.holds(ActionType.BLOCK_PORT, EXPOSED_RDP, open)).isFalse();
    }

    @Test
    void shouldNotHoldPortBlock_whenThreatHasNoPort() {
        Threat noPort = threat(ThreatType.EXPOSED_SERVICE).build();

        assertThat(ThreatPresence.holds(ActionType.BLOCK_PORT, noPort, asset().build())).isFalse();
    }

    @Test
    void shouldHoldAccountDisabling_onlyWhileAccountIsDisabled() {
        Threat threat = threat(ThreatType.COMPROMISED_ACCOUNT).build();

        assertThat(ThreatPresence.holds(ActionType.DISABLE_ACCOUNT, threat, asset().accountDisabled(true).build()))
                .isTrue();
        assertThat(ThreatPresence.holds(ActionType.DISABLE_ACCOUNT, threat, asset().accountDisabled(false).build()))
                .isFalse();
    }

    @Test
    void shouldHoldRaisedMonitoring_onlyWhileMonitoringIsElevated() {
        Threat threat = threat(ThreatType.OTHER).build();

        assertThat(ThreatPresence.holds(ActionType.RAISE_MONITORING, threat,
                asset().monitoringElevated(true).build())).isTrue();
        assertThat(ThreatPresence.holds(ActionType.RAISE_MONITORING, threat,
                asset().monitoringElevated(false).build())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ActionType.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"ISOLATE_HOST", "BLOCK_PORT", "DISABLE_ACCOUNT", "RAISE_MONITORING"})
    void shouldRejectNonMeasure_whenAskedWhetherItHolds(ActionType action) {
        assertThatThrownBy(() -> ThreatPresence.holds(action, EXPOSED_RDP, asset().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(action + " is not a mitigation measure");
    }
}
