package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface AccountControlPort {

    String disableAccount(Asset asset);

    String enableAccount(Asset asset);

    String resetCredentials(Asset asset);

    /**
     * As {@link #disableAccount}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String disableAccount(String idempotencyKey, Asset asset) {
        return disableAccount(asset);
    }

    /**
     * As {@link #enableAccount}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String enableAccount(String idempotencyKey, Asset asset) {
        return enableAccount(asset);
    }

    /**
     * As {@link #resetCredentials}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String resetCredentials(String idempotencyKey, Asset asset) {
        return resetCredentials(asset);
    }
}
