package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface MonitoringPort {

    String raiseMonitoring(Asset asset);

    /**
     * As {@link #raiseMonitoring}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String raiseMonitoring(String idempotencyKey, Asset asset) {
        return raiseMonitoring(asset);
    }
}
