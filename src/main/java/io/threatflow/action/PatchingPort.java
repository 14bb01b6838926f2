package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface PatchingPort {

    /** Installs the vendor's fix for the finding (a CVE, or the threat's own finding). */
    String patchSoftware(Asset asset, String finding);

    String upgradeOs(Asset asset);

    /**
     * As {@link #patchSoftware}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String patchSoftware(String idempotencyKey, Asset asset, String finding) {
        return patchSoftware(asset, finding);
    }

    /**
     * As {@link #upgradeOs}, with the action's idempotency key. An adapter whose target is not part of the
     * engine's transaction overrides this and hands the key to the target, so that a job run again after a
     * rollback does not make the target act twice.
     */
    default String upgradeOs(String idempotencyKey, Asset asset) {
        return upgradeOs(asset);
    }
}
