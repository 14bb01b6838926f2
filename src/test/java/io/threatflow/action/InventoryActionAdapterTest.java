package io.threatflow.action;

import static io.threatflow.testing.TestAssets.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.AssetRepository;
import io.threatflow.inventory.NetworkState;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryActionAdapterTest {

    private static final String ASSET_ID = "asset-1";
    /** The inventory adapter acts in the engine's transaction and ignores the key. */
    private static final ActionKey KEY = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, "case-1", 1, 1);

    private final AssetRepository assets = mock(AssetRepository.class);
    private final InventoryActionAdapter adapter = new InventoryActionAdapter(assets);

    static Stream<Named<Function<InventoryActionAdapter, String>>> everyAction() {
        Asset unmanaged = asset().unmanaged().openPorts(3389).blockedPorts(445).build();
        return Stream.of(
                Named.of("isolate", a -> a.isolate(KEY, unmanaged)),
                Named.of("reconnect", a -> a.reconnect(KEY, unmanaged)),
                Named.of("closePort", a -> a.closePort(KEY, unmanaged, 3389)),
                Named.of("blockPort", a -> a.blockPort(KEY, unmanaged, 3389)),
                Named.of("unblockPort", a -> a.unblockPort(KEY, unmanaged, 445)),
                Named.of("patchSoftware", a -> a.patchSoftware(KEY, unmanaged, "CVE-2024-3400")),
                Named.of("upgradeOs", a -> a.upgradeOs(KEY, unmanaged)),
                Named.of("removeMalware", a -> a.removeMalware(KEY, unmanaged, "MALWARE:threat-1")),
                Named.of("disableAccount", a -> a.disableAccount(KEY, unmanaged)),
                Named.of("enableAccount", a -> a.enableAccount(KEY, unmanaged)),
                Named.of("resetCredentials", a -> a.resetCredentials(KEY, unmanaged)),
                Named.of("raiseMonitoring", a -> a.raiseMonitoring(KEY, unmanaged)));
    }

    @ParameterizedTest
    @MethodSource("everyAction")
    void shouldRejectAction_andLeaveInventoryAlone_whenAssetIsUnmanaged(Function<InventoryActionAdapter, String> action) {
        assertThatThrownBy(() -> action.apply(adapter))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessage("asset legacy-hr-01 is not managed by ThreatFlow: no agent can act on it");
        verifyNoInteractions(assets);
    }

    @Test
    void shouldReturnInventoryState_whenScanning() {
        Asset stored = asset().openPorts(22).build();
        when(assets.findById(ASSET_ID)).thenReturn(Optional.of(stored));

        assertThat(adapter.scan(ASSET_ID)).isEqualTo(stored);
    }

    @Test
    void shouldFailTechnically_whenScannedAssetHasDisappeared() {
        when(assets.findById(ASSET_ID)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> adapter.scan(ASSET_ID))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ActionRejectedException.class)
                .hasMessageContaining(ASSET_ID);
    }

    @Test
    void shouldIsolateAndReconnectHost() {
        Asset host = asset().build();

        assertThat(adapter.isolate(KEY, host)).isEqualTo("legacy-hr-01 disconnected from the network");
        assertThat(adapter.reconnect(KEY, host)).isEqualTo("legacy-hr-01 reconnected to the network");

        verify(assets).setNetworkState(ASSET_ID, NetworkState.ISOLATED);
        verify(assets).setNetworkState(ASSET_ID, NetworkState.CONNECTED);
    }

    @Test
    void shouldRemovePort_whenClosingIt() {
        String detail = adapter.closePort(KEY, asset().openPorts(3389).build(), 3389);

        verify(assets).removePort(ASSET_ID, 3389);
        assertThat(detail).isEqualTo("service on port 3389 stopped and disabled on legacy-hr-01");
    }

    @Test
    void shouldRejectClosingPort_whenNoPortIsKnown() {
        assertThatThrownBy(() -> adapter.closePort(KEY, asset().openPorts(3389).build(), null))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessage("no port is known for the threat on legacy-hr-01");
        verifyNoInteractions(assets);
    }

    @Test
    void shouldRejectBlockingPort_whenNoPortIsKnown() {
        assertThatThrownBy(() -> adapter.blockPort(KEY, asset().build(), null))
                .isInstanceOf(ActionRejectedException.class);
        verifyNoInteractions(assets);
    }

    @Test
    void shouldMarkPortBlocked_whenBlockingIt() {
        String detail = adapter.blockPort(KEY, asset().openPorts(3389).build(), 3389);

        verify(assets).setPort(ASSET_ID, 3389, "BLOCKED");
        assertThat(detail).isEqualTo("port 3389 blocked in front of legacy-hr-01");
    }

    @Test
    void shouldReopenPort_whenUnblockingABlockedPort() {
        String detail = adapter.unblockPort(KEY, asset().blockedPorts(3389).build(), 3389);

        verify(assets).setPort(ASSET_ID, 3389, "OPEN");
        assertThat(detail).isEqualTo("port 3389 unblocked on legacy-hr-01");
    }

    @Test
    void shouldLeavePortAlone_whenUnblockingAPortThatIsNotBlocked() {
        String detail = adapter.unblockPort(KEY, asset().openPorts(3389).build(), 3389);

        verify(assets, never()).setPort(anyString(), anyInt(), anyString());
        assertThat(detail).isEqualTo("port 3389 is not blocked on legacy-hr-01; nothing to lift");
    }

    @Test
    void shouldRemoveFinding_whenPatchingOnSupportedOs() {
        String detail = adapter.patchSoftware(KEY, asset().osSupported(true).findings("CVE-2024-3400").build(),
                "CVE-2024-3400");

        verify(assets).removeFinding(ASSET_ID, "CVE-2024-3400");
        assertThat(detail).isEqualTo("vendor fix for CVE-2024-3400 installed on legacy-hr-01");
    }

    @Test
    void shouldKeepFinding_whenPatchingOnUnsupportedOs() {
        String detail = adapter.patchSoftware(KEY, asset().osSupported(false).findings("CVE-2024-3400").build(),
                "CVE-2024-3400");

        verify(assets, never()).removeFinding(anyString(), anyString());
        assertThat(detail).isEqualTo("available updates installed on legacy-hr-01; the vendor ships no fix for "
                + "CVE-2024-3400 on unsupported Windows Server 2012 R2");
    }

    @Test
    void shouldMarkOsSupported_whenUpgrading() {
        String detail = adapter.upgradeOs(KEY, asset().osSupported(false).build());

        verify(assets).setOs(ASSET_ID, "supported release", true);
        assertThat(detail).isEqualTo("legacy-hr-01 upgraded from Windows Server 2012 R2 to a vendor-supported release");
    }

    @Test
    void shouldRemoveFinding_whenRemovingMalware() {
        adapter.removeMalware(KEY, asset().findings("MALWARE:threat-1").build(), "MALWARE:threat-1");

        verify(assets).removeFinding(ASSET_ID, "MALWARE:threat-1");
    }

    @Test
    void shouldDisableAndEnableOwnersAccount() {
        Asset host = asset().owner("j.doe").build();

        assertThat(adapter.disableAccount(KEY, host)).isEqualTo("account of j.doe disabled");
        assertThat(adapter.enableAccount(KEY, host)).isEqualTo("account of j.doe enabled again");

        verify(assets).setAccountDisabled(ASSET_ID, true);
        verify(assets).setAccountDisabled(ASSET_ID, false);
    }

    @Test
    void shouldClearCompromise_whenResettingCredentialsOfAnAssetWithoutOwner() {
        String detail = adapter.resetCredentials(KEY, asset().owner(null).credentialsCompromised(true).build());

        verify(assets).setCredentialsCompromised(ASSET_ID, false);
        assertThat(detail).isEqualTo("credentials of the account owner on legacy-hr-01 reset and sessions revoked");
    }

    @Test
    void shouldElevateMonitoring_whenRaisingIt() {
        adapter.raiseMonitoring(KEY, asset().build());

        verify(assets).setMonitoringElevated(ASSET_ID, true);
    }
}
