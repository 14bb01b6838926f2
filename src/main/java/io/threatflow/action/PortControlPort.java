package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface PortControlPort {

    /** Stops the service listening on the port (eradication). */
    String closePort(Asset asset, Integer port);

    /** Blocks the port in front of the asset, the service keeps running (containment). */
    String blockPort(Asset asset, Integer port);

    String unblockPort(Asset asset, Integer port);

    /**
     * As {@link #closePort}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String closePort(String idempotencyKey, Asset asset, Integer port) {
        return closePort(asset, port);
    }

    /**
     * As {@link #blockPort}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String blockPort(String idempotencyKey, Asset asset, Integer port) {
        return blockPort(asset, port);
    }

    /**
     * As {@link #unblockPort}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String unblockPort(String idempotencyKey, Asset asset, Integer port) {
        return unblockPort(asset, port);
    }
}
