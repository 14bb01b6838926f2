package io.threatflow.action;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.AssetRepository;
import io.threatflow.inventory.NetworkState;
import org.springframework.stereotype.Component;

/**
 * The default adapter for every action port: it acts on the embedded asset inventory, so that what
 * eradication changes is what validation re-reads. An unmanaged asset refuses every action. It writes in the
 * engine's transaction, so it ignores the idempotency key: a rollback undoes its change with the log entry.
 */
@Component
class InventoryActionAdapter implements Connector, HostIsolationPort, PortControlPort, PatchingPort, MalwareRemovalPort,
        AccountControlPort, MonitoringPort, ScannerPort {

    static final String NAME = "inventory";

    private final AssetRepository assets;

    InventoryActionAdapter(AssetRepository assets) {
        this.assets = assets;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** It changes ThreatFlow's own table, not the asset. */
    @Override
    public boolean simulated() {
        return true;
    }

    /** It would change only its own table; an unmanaged asset, or a port action without a port, is refused. */
    @Override
    public String describe(ActionKey key, Asset asset, Integer port, String finding) {
        managed(asset);
        if (key.action().port() == PortControlPort.class) {
            port(asset, port);
        }
        return "inventory (a simulation) would " + key.action().label() + " on " + asset.hostname()
                + (port == null ? "" : " (port " + port + ")")
                + (finding == null ? "" : " (finding " + finding + ")")
                + " in ThreatFlow's own simulated inventory (table asset); it sends nothing anywhere";
    }

    @Override
    public Asset scan(String assetId) {
        return assets.findById(assetId)
                .orElseThrow(() -> new IllegalStateException("asset " + assetId + " has disappeared from the inventory"));
    }

    @Override
    public String isolate(ActionKey key, Asset asset) {
        managed(asset);
        assets.setNetworkState(asset.id(), NetworkState.ISOLATED);
        return asset.hostname() + " disconnected from the network";
    }

    @Override
    public String reconnect(ActionKey key, Asset asset) {
        managed(asset);
        assets.setNetworkState(asset.id(), NetworkState.CONNECTED);
        return asset.hostname() + " reconnected to the network";
    }

    @Override
    public String closePort(ActionKey key, Asset asset, Integer port) {
        managed(asset);
        int p = port(asset, port);
        assets.removePort(asset.id(), p);
        return "service on port " + p + " stopped and disabled on " + asset.hostname();
    }

    @Override
    public String blockPort(ActionKey key, Asset asset, Integer port) {
        managed(asset);
        int p = port(asset, port);
        assets.setPort(asset.id(), p, "BLOCKED");
        return "port " + p + " blocked in front of " + asset.hostname();
    }

    @Override
    public String unblockPort(ActionKey key, Asset asset, Integer port) {
        managed(asset);
        int p = port(asset, port);
        if (asset.blockedPorts().contains(p)) {
            assets.setPort(asset.id(), p, "OPEN");
            return "port " + p + " unblocked on " + asset.hostname();
        }
        return "port " + p + " is not blocked on " + asset.hostname() + "; nothing to lift";
    }

    @Override
    public String patchSoftware(ActionKey key, Asset asset, String finding) {
        managed(asset);
        if (!asset.osSupported()) {
            // Real-world case: after end of support the vendor ships no fix; updates run, the flaw stays.
            return "available updates installed on " + asset.hostname() + "; the vendor ships no fix for "
                    + finding + " on unsupported " + asset.osName() + " " + asset.osVersion();
        }
        assets.removeFinding(asset.id(), finding);
        return "vendor fix for " + finding + " installed on " + asset.hostname();
    }

    @Override
    public String upgradeOs(ActionKey key, Asset asset) {
        managed(asset);
        assets.setOs(asset.id(), "supported release", true);
        return asset.hostname() + " upgraded from " + asset.osName() + " " + asset.osVersion()
                + " to a vendor-supported release";
    }

    @Override
    public String removeMalware(ActionKey key, Asset asset, String finding) {
        managed(asset);
        assets.removeFinding(asset.id(), finding);
        return "malware removed from " + asset.hostname() + " by the endpoint agent";
    }

    @Override
    public String disableAccount(ActionKey key, Asset asset) {
        managed(asset);
        assets.setAccountDisabled(asset.id(), true);
        return "account of " + owner(asset) + " disabled";
    }

    @Override
    public String enableAccount(ActionKey key, Asset asset) {
        managed(asset);
        assets.setAccountDisabled(asset.id(), false);
        return "account of " + owner(asset) + " enabled again";
    }

    @Override
    public String resetCredentials(ActionKey key, Asset asset) {
        managed(asset);
        assets.setCredentialsCompromised(asset.id(), false);
        return "credentials of " + owner(asset) + " reset and sessions revoked";
    }

    @Override
    public String raiseMonitoring(ActionKey key, Asset asset) {
        managed(asset);
        assets.setMonitoringElevated(asset.id(), true);
        return "monitoring of " + asset.hostname() + " raised to ELEVATED";
    }

    private static void managed(Asset asset) {
        if (!asset.managed()) {
            throw new ActionRejectedException("asset " + asset.hostname()
                    + " is not managed by ThreatFlow: no agent can act on it");
        }
    }

    private static int port(Asset asset, Integer port) {
        if (port == null) {
            throw new ActionRejectedException("no port is known for the threat on " + asset.hostname());
        }
        return port;
    }

    private static String owner(Asset asset) {
        return asset.owner() == null ? "the account owner on " + asset.hostname() : asset.owner();
    }
}
