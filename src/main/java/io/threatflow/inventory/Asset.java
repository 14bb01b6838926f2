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
        return "%s (%s), %s%s, network %s, open ports %s, blocked ports %s, criticality %s, owner %s%s"
                .formatted(hostname, ipAddress == null ? "no IP address" : ipAddress,
                        osName == null ? "operating system not known"
                                : osName + (osVersion == null || osVersion.isBlank() ? "" : " " + osVersion),
                        osSupported ? "" : " (no longer supported)",
                        networkState == null ? "not known" : networkState.name().toLowerCase(java.util.Locale.ROOT),
                        ports(openPorts), ports(blockedPorts),
                        criticality == null ? "not known" : criticality.label().toLowerCase(java.util.Locale.ROOT),
                        owner == null ? "not known" : owner, managed ? "" : ", not managed");
    }

    /** Ports as people read them: "22, 443" in order, or "none". */
    public static String ports(Set<Integer> ports) {
        return ports == null || ports.isEmpty() ? "none" : new java.util.TreeSet<>(ports).stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
