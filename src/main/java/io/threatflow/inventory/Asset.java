package io.threatflow.inventory;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * An asset as the inventory knows it. {@code managed} is false for an asset that a threat named but
 * the inventory did not hold: ThreatFlow registers it and can track it, but cannot act on it.
 * {@code internetFacing} and {@code tags} ({@link AssetTags}) are what routing rules select assets by.
 */
public record Asset(
        String id,
        String hostname,
        String ipAddress,
        String osName,
        String osVersion,
        boolean osSupported,
        NetworkState networkState,
        Criticality criticality,
        String owner,
        boolean managed,
        boolean accountDisabled,
        boolean credentialsCompromised,
        boolean monitoringElevated,
        Set<Integer> openPorts,
        Set<Integer> blockedPorts,
        Set<String> findings,
        boolean internetFacing,
        Set<String> tags) {

    public Asset {
        tags = tags == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /** Whether the asset carries the tag, compared as {@link AssetTags#normalise} writes tags. */
    public boolean hasTag(String tag) {
        return tag != null && tags.contains(AssetTags.lower(tag));
    }

    public String describe() {
        return "%s (%s), %s %s%s, network %s, open ports %s, blocked ports %s, criticality %s, owner %s%s"
                .formatted(hostname, ipAddress == null ? "no IP" : ipAddress,
                        osName == null ? "unknown OS" : osName, osVersion == null ? "" : osVersion,
                        osSupported ? "" : " (unsupported)", networkState, openPorts, blockedPorts,
                        criticality, owner == null ? "unknown" : owner, managed ? "" : ", UNMANAGED");
    }
}
