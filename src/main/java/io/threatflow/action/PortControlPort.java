package io.threatflow.action;

import io.threatflow.inventory.Asset;

/** Network ports of an asset. Idempotent per key: see the package documentation. */
public interface PortControlPort {

    /** Stops the service listening on the port (eradication). */
    String closePort(ActionKey key, Asset asset, Integer port);

    /** Blocks the port in front of the asset, the service keeps running (containment). */
    String blockPort(ActionKey key, Asset asset, Integer port);

    String unblockPort(ActionKey key, Asset asset, Integer port);
}
