package io.threatflow.connector.defender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.Text;
import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.Connector;
import io.threatflow.action.HostIsolationPort;
import io.threatflow.action.MalwareRemovalPort;
import io.threatflow.connector.Hostnames;
import io.threatflow.connector.RemoteApi;
import io.threatflow.connector.defender.DefenderApi.Machine;
import io.threatflow.connector.defender.DefenderApi.MachineAction;
import io.threatflow.inventory.Asset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Microsoft Defender for Endpoint: isolates a machine (full or selective), releases it, and runs an antivirus
 * scan to remove malware. Defender takes no idempotency key, so each request carries the action key in its
 * {@code Comment}, and before acting the connector looks for a machine action of the same type that carries the
 * key and has not failed: a job that runs again reports that action instead of requesting a second one.
 */
@Component
@ConditionalOnProperty(prefix = "threatflow.connectors.defender", name = "client-id")
public class DefenderConnector implements Connector, HostIsolationPort, MalwareRemovalPort {

    private static final String ISOLATE = "Isolate";
    private static final String UNISOLATE = "Unisolate";
    private static final String SCAN = "RunAntiVirusScan";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DefenderProperties settings;
    private final DefenderApi api;

    public DefenderConnector(DefenderProperties settings) {
        this.settings = settings;
        this.api = new DefenderApi(settings);
    }

    @Override
    public String name() {
        return "defender";
    }

    @Override
    public String isolate(ActionKey key, Asset asset) {
        Machine machine = machine(asset);
        return act(key, machine, ISOLATE, UNISOLATE, "isolate", isolation(key),
                settings.isolationType().name().toLowerCase(java.util.Locale.ROOT) + " isolation");
    }

    @Override
    public String reconnect(ActionKey key, Asset asset) {
        Machine machine = machine(asset);
        return act(key, machine, UNISOLATE, ISOLATE, "unisolate", release(key), "release from isolation");
    }

    @Override
    public String removeMalware(ActionKey key, Asset asset, String finding) {
        Machine machine = machine(asset);
        return act(key, machine, SCAN, null, "runAntiVirusScan", scan(key, finding),
                settings.scanType().name().toLowerCase(java.util.Locale.ROOT) + " antivirus scan");
    }

    /** The calls in words, with the machine action's exact body; the token is masked. */
    @Override
    public String describe(ActionKey key, Asset asset, Integer port, String finding) {
        String hostname = Hostnames.of(asset, DefenderApi.SYSTEM);
        Map.Entry<String, Map<String, String>> call = switch (key.action()) {
            case ISOLATE_HOST -> Map.entry("isolate", isolation(key));
            case RECONNECT_HOST -> Map.entry("unisolate", release(key));
            case REMOVE_MALWARE -> Map.entry("runAntiVirusScan", scan(key, finding));
            default -> throw new IllegalArgumentException("Defender does not " + key.action().label());
        };
        String api = settings.baseUrl().toString().replaceAll("/+$", "");
        try {
            return "Defender: GET " + api + "/api/machines?$filter=computerDnsName eq '" + hostname + "' (the machine "
                    + "seen last); unless a machine action carrying this key is in effect, POST " + api
                    + "/api/machines/{its id}/" + call.getKey() + " " + JSON.writeValueAsString(call.getValue())
                    + "; each with Authorization: Bearer ***** (a token from " + settings.tokenEndpoint() + ")";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Defender request", e);
        }
    }

    private Machine machine(Asset asset) {
        String hostname = Hostnames.of(asset, DefenderApi.SYSTEM);
        return api.machinesNamed(hostname).stream().findFirst().orElseThrow(() -> new ActionRejectedException(
                "no Defender machine named " + hostname + " (the DNS name as Defender shows it)"));
    }

    /**
     * Requests the action unless one carrying the key is in effect already. Defender answers 400 when an action
     * is in progress on the machine or does not apply to it: when the machine's latest action of this kind (or
     * its counter-action) is this action, the wanted state is reached or under way; otherwise Defender refused.
     */
    private String act(ActionKey key, Machine machine, String type, String counterType, String path,
                       Map<String, String> body, String what) {
        Optional<MachineAction> earlier = api.actions(machine.id(), type).stream()
                .filter(action -> carries(action, key) && action.inEffect())
                .max(Comparator.comparing(MachineAction::created));
        if (earlier.isPresent()) {
            return "Defender " + what + " of " + machine.computerDnsName() + " requested earlier under this key: "
                    + describe(earlier.get());
        }
        try {
            MachineAction requested = api.request(machine.id(), path, body);
            return "Defender " + what + " of " + machine.computerDnsName() + " requested: " + describe(requested);
        } catch (RemoteApi.Refusal refusal) {
            if (refusal.status() == 400) {
                Optional<MachineAction> current = latestInEffect(machine, type, counterType);
                if (current.isPresent() && current.get().type().equals(type)) {
                    return "Defender " + what + " of " + machine.computerDnsName() + " under way or done already ("
                            + refusal.getMessage() + "): " + describe(current.get());
                }
            }
            throw new ActionRejectedException("Defender refused the " + what + " of " + machine.computerDnsName()
                    + " (" + refusal.status() + " " + refusal.getMessage() + ")");
        }
    }

    /** The latest action of the two kinds that has not failed; for a scan, one that is still running. */
    private Optional<MachineAction> latestInEffect(Machine machine, String type, String counterType) {
        Stream<MachineAction> actions = counterType == null
                ? api.actions(machine.id(), type).stream().filter(MachineAction::running)
                : Stream.concat(api.actions(machine.id(), type).stream(), api.actions(machine.id(), counterType)
                        .stream()).filter(MachineAction::inEffect);
        return actions.max(Comparator.comparing(MachineAction::created));
    }

    private Map<String, String> isolation(ActionKey key) {
        var body = request(key, "isolates the machine");
        body.put("IsolationType", settings.isolationType().name());
        return body;
    }

    private static Map<String, String> release(ActionKey key) {
        return request(key, "releases the machine");
    }

    private Map<String, String> scan(ActionKey key, String finding) {
        var body = request(key, "scans for " + oneLine(finding));
        body.put("ScanType", settings.scanType().name());
        return body;
    }

    /** The body every machine action takes: a {@code Comment} that names ThreatFlow and carries the key. */
    private static Map<String, String> request(ActionKey key, String what) {
        var body = new LinkedHashMap<String, String>();
        body.put("Comment", "ThreatFlow " + what + " for threat " + key.threatId() + " " + keyTag(key));
        return body;
    }

    private static boolean carries(MachineAction action, ActionKey key) {
        return action.requestorComment() != null && action.requestorComment().contains(keyTag(key));
    }

    /** In brackets, so that the key of attempt 1 is not found inside the comment of attempt 10. */
    private static String keyTag(ActionKey key) {
        return "[" + key.value() + "]";
    }

    private static String describe(MachineAction action) {
        return "machine action " + action.id() + ", " + action.status()
                + (action.requestor() == null ? "" : ", requested by " + action.requestor());
    }

    private static String oneLine(String text) {
        return text == null || text.isBlank() ? "malware" : Text.oneLine(text, 120);
    }
}
