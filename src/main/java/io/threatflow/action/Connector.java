package io.threatflow.action;

import io.threatflow.inventory.Asset;
import java.util.Set;

/**
 * An outside system that carries actions out: a Spring bean that implements one or more action ports (see the
 * package documentation for their contract) for that one system. Configuration routes each action on each asset
 * to a connector by its {@link #name()}; a connector is a bean only when its settings are given.
 */
public interface Connector {

    /** The name routes use, e.g. {@code webhook}, {@code defender}; unique among the connectors. */
    String name();

    /**
     * The actions it takes on every asset when no route names it (the webhook's own list); none: it acts only
     * where a route sends it.
     */
    default Set<ActionType> actionsWithoutRoute() {
        return Set.of();
    }

    /** Whether what it does is a simulation (the embedded inventory adapter), said so wherever a person sees it. */
    default boolean simulated() {
        return false;
    }

    /**
     * For a dry run: the request it would send to carry the action out, as exactly as it can tell without asking
     * the system (method, address, headers and body), with every secret (token, password, signature) masked. It
     * contacts nothing. The arguments are those the action's port method would get; {@code port} and
     * {@code finding} are null for an action that takes none.
     *
     * @throws ActionRejectedException for a refusal it can tell without asking the system (no template for the
     *                                 action, an asset without a host name), as the real call would refuse
     */
    default String describe(ActionKey key, Asset asset, Integer port, String finding) {
        return name() + " would " + key.action().label() + " on " + asset.hostname()
                + (port == null ? "" : ", port " + port) + (finding == null ? "" : ", finding " + finding);
    }
}
