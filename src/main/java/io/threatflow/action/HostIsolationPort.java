package io.threatflow.action;

import io.threatflow.inventory.Asset;

/** Takes an asset off the network and back. Idempotent per key: see the package documentation. */
public interface HostIsolationPort {

    String isolate(ActionKey key, Asset asset);

    String reconnect(ActionKey key, Asset asset);
}
