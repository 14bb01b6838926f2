package io.threatflow.assets;

import io.threatflow.inventory.Asset;
import java.util.Set;

/** An asset as {@code GET /api/assets} shows it; the fields a load carries have the names a JSON load uses. */
record AssetView(String assetId, String hostname, String ip, String os, String version, String criticality,
                 String owner, boolean internetFacing, Set<String> tags, boolean osSupported, boolean managed,
                 String networkState, Set<Integer> openPorts, Set<Integer> blockedPorts, Set<String> findings,
                 boolean accountDisabled, boolean credentialsCompromised, boolean monitoringElevated) {

    static AssetView of(Asset asset) {
        return new AssetView(asset.id(), asset.hostname(), asset.ipAddress(), asset.osName(), asset.osVersion(),
                asset.criticality().name(), asset.owner(), asset.internetFacing(), asset.tags(), asset.osSupported(),
                asset.managed(), asset.networkState().name(), new java.util.TreeSet<>(asset.openPorts()),
                new java.util.TreeSet<>(asset.blockedPorts()), new java.util.TreeSet<>(asset.findings()),
                asset.accountDisabled(), asset.credentialsCompromised(), asset.monitoringElevated());
    }
}
