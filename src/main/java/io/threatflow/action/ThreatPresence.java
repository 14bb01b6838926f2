package io.threatflow.action;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.NetworkState;
import io.threatflow.threat.Threat;

/** Reads from an asset's scanned state whether a threat is still there and whether a measure holds. */
public final class ThreatPresence {

    private ThreatPresence() {
    }

    public static boolean persists(Threat threat, Asset scanned) {
        return switch (threat.type()) {
            case EXPOSED_SERVICE -> threat.port() != null
                    && (scanned.openPorts().contains(threat.port()) || scanned.blockedPorts().contains(threat.port()));
            case OUTDATED_OS -> !scanned.osSupported();
            case COMPROMISED_ACCOUNT -> scanned.credentialsCompromised();
            default -> scanned.findings().contains(threat.findingKey());
        };
    }

    public static boolean holds(ActionType measure, Threat threat, Asset scanned) {
        return switch (measure) {
            case ISOLATE_HOST -> scanned.networkState() == NetworkState.ISOLATED;
            case BLOCK_PORT -> threat.port() != null && !scanned.openPorts().contains(threat.port());
            case DISABLE_ACCOUNT -> scanned.accountDisabled();
            case RAISE_MONITORING -> scanned.monitoringElevated();
            default -> throw new IllegalArgumentException(measure + " is not a mitigation measure");
        };
    }
}
