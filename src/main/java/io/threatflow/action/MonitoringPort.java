package io.threatflow.action;

import io.threatflow.inventory.Asset;

/** Raises how closely an asset is watched. Idempotent per key: see the package documentation. */
public interface MonitoringPort {

    String raiseMonitoring(ActionKey key, Asset asset);
}
