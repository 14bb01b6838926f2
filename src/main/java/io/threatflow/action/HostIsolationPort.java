package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface HostIsolationPort {

    String isolate(Asset asset);

    String reconnect(Asset asset);
}
