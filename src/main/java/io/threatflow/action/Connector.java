package io.threatflow.action;

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
}
