package io.threatflow.action;

import io.threatflow.inventory.Asset;

/** Patch management. Idempotent per key: see the package documentation. */
public interface PatchingPort {

    /** Installs the vendor's fix for the finding (a CVE, or the threat's own finding). */
    String patchSoftware(ActionKey key, Asset asset, String finding);

    String upgradeOs(ActionKey key, Asset asset);
}
