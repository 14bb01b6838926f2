package io.threatflow.action;

import io.threatflow.inventory.Asset;

/** Re-reads an asset's state from the source of truth, as a scanner would see it now. */
public interface ScannerPort {

    Asset scan(String assetId);
}
