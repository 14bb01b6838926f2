package io.threatflow.connector;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.NetworkState;
import java.util.Set;

/** Assets as connectors receive them; a connector only reads the host name and the address. */
public final class TestAssets {

    private TestAssets() {
    }

    public static Asset named(String hostname) {
        return new Asset("asset-1", hostname, "10.0.0.5", "Windows", "11", true, NetworkState.CONNECTED,
                Criticality.HIGH, "ops", true, false, false, false, Set.of(), Set.of(), Set.of());
    }
}
