package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface PortControlPort {

    /** Stops the service listening on the port (eradication). */
    String closePort(Asset asset, Integer port);

    /** Blocks the port in front of the asset, the service keeps running (containment). */
    String blockPort(Asset asset, Integer port);

    String unblockPort(Asset asset, Integer port);
}
