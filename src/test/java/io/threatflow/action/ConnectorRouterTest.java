package io.threatflow.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.AssetRepository;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.NetworkState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which connector an action on an asset goes to, and what a route that cannot work does at start-up. */
class ConnectorRouterTest {

    /** An EDR that isolates hosts. */
    static final class Edr implements Connector, HostIsolationPort {
        @Override
        public String name() {
            return "edr";
        }

        @Override
        public String isolate(ActionKey key, Asset asset) {
            return "isolated";
        }

        @Override
        public String reconnect(ActionKey key, Asset asset) {
            return "released";
        }
    }

    /** A receiver for everything, routing itself for port actions. */
    static final class Hook extends InventoryActionAdapter {
        Hook() {
            super(mock(AssetRepository.class));
        }

        @Override
        public String name() {
            return "hook";
        }

        @Override
        public boolean simulated() {
            return false;
        }

        @Override
        public Set<ActionType> actionsWithoutRoute() {
            return Set.of(ActionType.CLOSE_PORT, ActionType.BLOCK_PORT);
        }
    }

    private final Connector inventory = new InventoryActionAdapter(mock(AssetRepository.class));
    private final Connector edr = new Edr();
    private final Connector hook = new Hook();

    private static Asset asset(String hostname, String ip, boolean managed, String... tags) {
        return new Asset(managed ? "a-1" : null, hostname, ip, null, null, true, NetworkState.CONNECTED,
                Criticality.MEDIUM, null, managed, false, false, false, Set.of(), Set.of(), Set.of(), false,
                Set.of(tags));
    }

    private static ConnectorSettings.Route route(String connector, Set<ActionType> actions, List<String> hostnames,
                                                 List<String> networks, Set<String> tags) {
        return new ConnectorSettings.Route(connector, actions, hostnames, networks, tags);
    }

    private static Optional<String> routed(ConnectorRouter router, ActionType action, Asset asset) {
        return router.route(action, asset).map(Connector::name);
    }

    @Test
    void shouldSendEverythingOnAnInventoryAsset_toTheSimulation_whenNothingIsConfigured() {
        ConnectorRouter router = new ConnectorRouter(List.of(inventory), new ConnectorSettings(null, false));

        assertThat(routed(router, ActionType.PATCH_SOFTWARE, asset("web-01", null, true))).contains("inventory");
        assertThat(routed(router, ActionType.ISOLATE_HOST, asset("jump-07.branch.example", "203.0.113.7", false)))
                .as("not in the inventory: unmanaged").isEmpty();
    }

    @Test
    void shouldRouteByHostnamePattern_network_andTag_firstMatchWins() {
        ConnectorRouter router = new ConnectorRouter(List.of(inventory, edr), new ConnectorSettings(List.of(
                route("edr", Set.of(), List.of("*.corp.example"), List.of(), Set.of()),
                route("edr", Set.of(ActionType.ISOLATE_HOST), List.of(), List.of("10.20.0.0/16", "2001:db8::/32"),
                        Set.of()),
                route("inventory", Set.of(), List.of(), List.of(), Set.of("Lab"))), false));

        assertThat(routed(router, ActionType.ISOLATE_HOST, asset("WS-12.CORP.example", null, false))).contains("edr");
        assertThat(routed(router, ActionType.ISOLATE_HOST, asset("ws-12.corp.example.evil", null, false)))
                .as("a pattern matches the whole name").isEmpty();
        assertThat(routed(router, ActionType.ISOLATE_HOST, asset("printer", "10.20.3.4", false))).contains("edr");
        assertThat(routed(router, ActionType.RECONNECT_HOST, asset("printer", "10.20.3.4", false)))
                .as("the network route is for isolation only").isEmpty();
        assertThat(routed(router, ActionType.ISOLATE_HOST, asset("v6-host", "2001:db8::7", false))).contains("edr");
        assertThat(routed(router, ActionType.ISOLATE_HOST, asset("printer", "10.21.3.4", false))).isEmpty();
        assertThat(routed(router, ActionType.PATCH_SOFTWARE, asset("lab-3", null, true, "lab")))
                .as("tags compare without case").contains("inventory");
        assertThat(routed(router, ActionType.PATCH_SOFTWARE, asset("ws-12.corp.example", null, true, "lab")))
                .as("edr cannot patch: the route does not apply, the next one does").contains("inventory");
        assertThat(routed(router, ActionType.PATCH_SOFTWARE, asset("web-01", null, true)))
                .as("with routes configured, the simulation acts only where a route sends it").isEmpty();
    }

    @Test
    void shouldLetAConnectorRouteItself_afterTheConfiguredRoutes() {
        ConnectorRouter router = new ConnectorRouter(List.of(inventory, edr, hook), new ConnectorSettings(List.of(
                route("edr", Set.of(), List.of("*.corp.example"), List.of(), Set.of())), false));

        assertThat(routed(router, ActionType.CLOSE_PORT, asset("jump-07.branch.example", null, false))).contains("hook");
        assertThat(routed(router, ActionType.ISOLATE_HOST, asset("a.corp.example", null, false))).contains("edr");
        assertThat(routed(router, ActionType.PATCH_SOFTWARE, asset("web-01", null, true)))
                .as("hook routes itself only for port actions; nothing else is routed").isEmpty();
    }

    @Test
    void shouldStopTheStart_onARouteThatCannotWork() {
        assertThatThrownBy(() -> new ConnectorRouter(List.of(inventory), new ConnectorSettings(List.of(
                route("defender", Set.of(), List.of(), List.of(), Set.of())), false)))
                .hasMessageContaining("routes[0].connector").hasMessageContaining("defender");
        assertThatThrownBy(() -> new ConnectorRouter(List.of(inventory, edr), new ConnectorSettings(List.of(
                route("edr", Set.of(ActionType.PATCH_SOFTWARE), List.of(), List.of(), Set.of())), false)))
                .hasMessageContaining("routes[0].actions").hasMessageContaining("PatchingPort");
        assertThatThrownBy(() -> new ConnectorRouter(List.of(edr), new ConnectorSettings(List.of(
                route("edr", Set.of(), List.of(), List.of("intranet.example/8"), Set.of())), false)))
                .as("a host name would be looked up in DNS").hasMessageContaining("routes[0].networks");
        assertThatThrownBy(() -> new ConnectorRouter(List.of(edr), new ConnectorSettings(List.of(
                route("edr", Set.of(), List.of(), List.of("10.0.0.0/33"), Set.of())), false)))
                .hasMessageContaining("routes[0].networks");
        assertThatThrownBy(() -> new ConnectorRouter(List.of(edr), new ConnectorSettings(List.of(
                route("edr", Set.of(), List.of("(.*)"), List.of(), Set.of())), false)))
                .hasMessageContaining("routes[0].hostnames");
        assertThatThrownBy(() -> new ConnectorRouter(List.of(edr, new Edr()), new ConnectorSettings(null, false)))
                .hasMessageContaining("two connectors are named 'edr'");
    }
}
