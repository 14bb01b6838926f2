package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface HostIsolationPort {

    String isolate(Asset asset);

    String reconnect(Asset asset);

    /**
     * As {@link #isolate}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String isolate(String idempotencyKey, Asset asset) {
        return isolate(asset);
    }

    /**
     * As {@link #reconnect}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String reconnect(String idempotencyKey, Asset asset) {
        return reconnect(asset);
    }
}
