package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface PatchingPort {

    /** Installs the vendor's fix for the finding (a CVE, or the threat's own finding). */
    String patchSoftware(Asset asset, String finding);

    String upgradeOs(Asset asset);
}
