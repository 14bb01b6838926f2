package io.threatflow.inventory;

import java.util.Set;

/**
 * An asset as the inventory knows it. {@code managed} is false for an asset that a threat named but
 * the inventory did not hold: ThreatFlow registers it and can track it, but cannot act on it.
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
        Set<String> findings) {

    public String describe() {
        return "%s (%s), %s %s%s, network %s, open ports %s, blocked ports %s, criticality %s, owner %s%s"
                .formatted(hostname, ipAddress == null ? "no IP" : ipAddress,
                        osName == null ? "unknown OS" : osName, osVersion == null ? "" : osVersion,
                        osSupported ? "" : " (unsupported)", networkState, openPorts, blockedPorts,
                        criticality, owner == null ? "unknown" : owner, managed ? "" : ", UNMANAGED");
    }
}
