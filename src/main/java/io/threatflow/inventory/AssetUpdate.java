package io.threatflow.inventory;

import java.util.Set;

/**
 * What a load of the inventory says about one host, already valid. A null component is one the load does not
 * carry: an existing asset keeps its value, a new one gets the default (criticality MEDIUM, not internet-facing,
 * no tags). What no load carries (ports, network state, findings, account state) is never touched.
 */
public record AssetUpdate(
        String hostname,
        String ipAddress,
        String osName,
        String osVersion,
        Criticality criticality,
        String owner,
        Boolean internetFacing,
        Set<String> tags) {

    public AssetUpdate {
        tags = tags == null ? null : Set.copyOf(tags);
    }

    Asset toNewAsset() {
        return new Asset(null, hostname, ipAddress, osName, osVersion, true, NetworkState.CONNECTED,
                criticality == null ? Criticality.MEDIUM : criticality, owner, true, false, false, false,
                Set.of(), Set.of(), Set.of(), Boolean.TRUE.equals(internetFacing), tags == null ? Set.of() : tags);
    }
}
