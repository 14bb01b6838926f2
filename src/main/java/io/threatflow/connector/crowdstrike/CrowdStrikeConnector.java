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

    private final CrowdStrikeProperties settings;
    private final CrowdStrikeApi api;

    public CrowdStrikeConnector(CrowdStrikeProperties settings) {
        this.settings = settings;
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

    /** The calls in words, with the device action's exact body; the token is masked. */
    @Override
    public String describe(ActionKey key, Asset asset, Integer port, String finding) {
        String hostname = Hostnames.of(asset, CrowdStrikeApi.SYSTEM);
        String actionName = switch (key.action()) {
            case ISOLATE_HOST -> "contain";
            case RECONNECT_HOST -> "lift_containment";
            default -> throw new IllegalArgumentException("CrowdStrike does not " + key.action().label());
        };
        String api = settings.baseUrl().toString().replaceAll("/+$", "");
        return "CrowdStrike: GET " + api + "/devices/queries/devices/v1?filter=hostname:'" + hostname
                + "'&sort=last_seen.desc&limit=10 (the device seen last), GET " + api
                + "/devices/entities/devices/v2?ids={its id} (its status); unless the status shows it done already, "
                + "POST " + api + "/devices/entities/devices-actions/v2?action_name=" + actionName
                + " {\"ids\":[\"{its id}\"]}; each with Authorization: Bearer ***** (a token from "
                + settings.tokenEndpoint() + ")";
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
