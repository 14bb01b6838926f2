package io.threatflow.action;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which connector carries out which action on which asset: {@code threatflow.connectors.routes}, in order, the
 * first that matches wins.
 *
 * @param routes the routes as configured; none routes every action of an asset in the inventory to the embedded
 *               inventory (a simulation), unless a connector routes itself (the webhook)
 * @param dryRun every case on this node is a dry run (a staging node): actions are routed and described, never
 *               sent
 */
@Validated
@ConfigurationProperties("threatflow.connectors")
public record ConnectorSettings(@Valid List<Route> routes, boolean dryRun) {

    public ConnectorSettings {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /**
     * One route. Every criterion given must hold; within one, any entry may match. A criterion left out
     * matches every asset.
     *
     * @param connector the connector's name, e.g. {@code defender}
     * @param actions   the actions it takes here; none: every action its ports support
     * @param hostnames host name patterns, {@code *} for any run of characters, e.g. {@code *.corp.example}
     * @param networks  IPv4 or IPv6 networks in CIDR notation the asset's address is in, e.g. {@code 10.20.0.0/16}
     * @param tags      inventory tags, one of which the asset carries
     */
    public record Route(@NotBlank String connector, Set<ActionType> actions, List<String> hostnames,
                        List<String> networks, Set<String> tags) {

        public Route {
            actions = actions == null ? Set.of() : Set.copyOf(actions);
            hostnames = hostnames == null ? List.of() : List.copyOf(hostnames);
            networks = networks == null ? List.of() : List.copyOf(networks);
            tags = tags == null ? Set.of() : Set.copyOf(tags);
        }
    }
}
