package io.threatflow.action;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.AssetNames;
import io.threatflow.inventory.Networks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Chooses the connector that carries out an action on an asset: the configured routes in order, then the
 * connectors that route themselves (the webhook), and with neither, the embedded inventory for the assets it
 * holds. An action that no connector is routed for on an asset cannot be carried out: the asset is unmanaged
 * for that action, whether the inventory knows it or not. Routes are checked at start-up, so a name or a network
 * that cannot work stops the application instead of a case.
 */
@Component
public class ConnectorRouter {

    static final String INVENTORY = InventoryActionAdapter.NAME;

    private static final Logger log = LoggerFactory.getLogger(ConnectorRouter.class);
    private static final Pattern HOST_PATTERN = Pattern.compile("[A-Za-z0-9*.-]+");

    private final List<Rule> rules;

    ConnectorRouter(List<Connector> connectors, ConnectorSettings settings) {
        Map<String, Connector> byName = connectors.stream()
                .collect(Collectors.toMap(Connector::name, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two connectors are named '" + a.name() + "'");
                }));
        List<Rule> built = new ArrayList<>();
        for (int i = 0; i < settings.routes().size(); i++) {
            built.add(rule("threatflow.connectors.routes[" + i + "]", settings.routes().get(i), byName));
        }
        connectors.stream().filter(connector -> !connector.actionsWithoutRoute().isEmpty())
                .forEach(connector -> built.add(new Rule(connector,
                        supported(connector, connector.actionsWithoutRoute()), List.of(), List.of(), Set.of(), false)));
        if (built.isEmpty() && byName.containsKey(INVENTORY)) {
            Connector inventory = byName.get(INVENTORY);
            built.add(new Rule(inventory, supported(inventory, Set.of()), List.of(), List.of(), Set.of(), true));
        }
        this.rules = List.copyOf(built);
        rules.forEach(rule -> log.info("Actions route: {}", rule));
    }

    /** The connector for the action on the asset; empty when none is routed for it. */
    public Optional<Connector> route(ActionType action, Asset asset) {
        return rules.stream().filter(rule -> rule.matches(action, asset)).map(Rule::connector).findFirst();
    }

    /** For each action ThreatFlow can take on an asset, the connector it would go to; unrouted ones are absent. */
    public Map<ActionType, Connector> reach(Asset asset) {
        Map<ActionType, Connector> reach = new EnumMap<>(ActionType.class);
        for (ActionType action : ActionType.values()) {
            if (action.onAsset()) {
                route(action, asset).ifPresent(connector -> reach.put(action, connector));
            }
        }
        return reach;
    }

    private static Rule rule(String where, ConnectorSettings.Route route, Map<String, Connector> byName) {
        Connector connector = byName.get(route.connector());
        if (connector == null) {
            throw new IllegalStateException(where + ".connector: no connector named '" + route.connector()
                    + "' is configured; configured: " + byName.keySet());
        }
        for (ActionType action : route.actions()) {
            if (!action.port().isInstance(connector)) {
                throw new IllegalStateException(where + ".actions: connector '" + connector.name() + "' cannot "
                        + action + " (it does not implement " + action.port().getSimpleName() + ")");
            }
        }
        List<Pattern> hosts = route.hostnames().stream().map(glob -> hostPattern(where + ".hostnames", glob)).toList();
        List<IpAddressMatcher> networks = route.networks().stream().map(cidr -> Networks.cidr(where + ".networks", cidr))
                .toList();
        Set<String> tags = route.tags().stream().map(tag -> tag.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new Rule(connector, supported(connector, route.actions()), hosts, networks, tags, false);
    }

    /** The actions asked for that the connector implements a port for; all it implements when none are asked. */
    private static Set<ActionType> supported(Connector connector, Set<ActionType> asked) {
        return Arrays.stream(ActionType.values())
                .filter(action -> action.onAsset() && action.port().isInstance(connector))
                .filter(action -> asked.isEmpty() || asked.contains(action))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Pattern hostPattern(String where, String glob) {
        if (!HOST_PATTERN.matcher(glob).matches()) {
            throw new IllegalStateException(where + ": '" + glob + "' is not a host name pattern (letters, digits, "
                    + "'.', '-' and '*')");
        }
        return Pattern.compile(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")), Pattern.CASE_INSENSITIVE);
    }

    private record Rule(Connector connector, Set<ActionType> actions, List<Pattern> hosts,
                        List<IpAddressMatcher> networks, Set<String> tags, boolean inventoryAssetsOnly) {

        boolean matches(ActionType action, Asset asset) {
            return actions.contains(action)
                    && (!inventoryAssetsOnly || asset.managed())
                    && (hosts.isEmpty() || asset.hostname() != null
                            && hosts.stream().anyMatch(host -> host.matcher(asset.hostname()).matches()))
                    && (networks.isEmpty() || AssetNames.ipAddress(asset.ipAddress())
                            .filter(ip -> networks.stream().anyMatch(network -> network.matches(ip))).isPresent())
                    && (tags.isEmpty() || tags.stream().anyMatch(asset::hasTag));
        }

        @Override
        public String toString() {
            return connector.name() + (connector.simulated() ? " (simulation)" : "") + " for " + actions
                    + (inventoryAssetsOnly ? " on assets in the inventory" : "")
                    + (hosts.isEmpty() ? "" : " on hosts " + hosts)
                    + (networks.isEmpty() ? "" : " in " + networks.size() + " networks")
                    + (tags.isEmpty() ? "" : " tagged " + tags);
        }
    }
}
