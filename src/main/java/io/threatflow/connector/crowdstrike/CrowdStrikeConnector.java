package io.threatflow.connector.crowdstrike;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.Connector;
import io.threatflow.action.HostIsolationPort;
import io.threatflow.connector.Hostnames;
import io.threatflow.connector.RemoteApi;
import io.threatflow.connector.crowdstrike.CrowdStrikeApi.Device;
import io.threatflow.inventory.Asset;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * CrowdStrike Falcon: network containment of a host, and its lifting. Falcon takes no idempotency key, but its
 * device actions lead to a state the device reports ({@code status}), so the connector reads that state first:
 * a host already contained, or on its way there, is reported as such and not contained twice.
 */
@Component
@ConditionalOnProperty(prefix = "threatflow.connectors.crowdstrike", name = "client-id")
public class CrowdStrikeConnector implements Connector, HostIsolationPort {

    private static final Set<String> CONTAINED = Set.of("contained", "containment_pending");
    private static final Set<String> RELEASED = Set.of("normal", "lift_containment_pending");

    private final CrowdStrikeApi api;

    public CrowdStrikeConnector(CrowdStrikeProperties settings) {
        this.api = new CrowdStrikeApi(settings);
    }

    @Override
    public String name() {
        return "crowdstrike";
    }

    @Override
    public String isolate(ActionKey key, Asset asset) {
        return perform(asset, "contain", CONTAINED, "containment");
    }

    @Override
    public String reconnect(ActionKey key, Asset asset) {
        return perform(asset, "lift_containment", RELEASED, "lifting of containment");
    }

    /**
     * Performs the device action unless the device is in one of the {@code reached} states already. When Falcon
     * refuses the action, the device is read again: another request may have reached the state meanwhile.
     */
    private String perform(Asset asset, String actionName, Set<String> reached, String what) {
        String hostname = Hostnames.of(asset, CrowdStrikeApi.SYSTEM);
        String id = api.devicesNamed(hostname).stream().findFirst().orElseThrow(() ->
                new ActionRejectedException("no CrowdStrike device named " + hostname));
        Device before = current(id, hostname);
        if (reached.contains(before.status())) {
            return "CrowdStrike " + what + " of " + hostname + " not requested: device " + id + " is "
                    + before.status() + " already";
        }
        try {
            api.act(id, actionName);
        } catch (RemoteApi.Refusal refusal) {
            Device after = current(id, hostname);
            if (reached.contains(after.status())) {
                return "CrowdStrike " + what + " of " + hostname + " done already: device " + id + " is "
                        + after.status();
            }
            throw new ActionRejectedException("CrowdStrike refused the " + what + " of " + hostname + " (device "
                    + id + ", " + refusal.status() + " " + refusal.getMessage() + ")");
        }
        return "CrowdStrike " + what + " of " + hostname + " requested: device " + id + " was " + before.status();
    }

    private Device current(String id, String hostname) {
        return api.device(id).orElseThrow(() ->
                new ActionRejectedException("CrowdStrike device " + id + " of " + hostname + " is gone"));
    }
}
