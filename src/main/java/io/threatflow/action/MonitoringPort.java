package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface MonitoringPort {

    String raiseMonitoring(Asset asset);
}
