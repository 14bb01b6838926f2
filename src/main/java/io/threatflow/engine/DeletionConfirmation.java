package io.threatflow.engine;

import java.util.Set;

/**
 * An administrator's explicit confirmation that a deployment may be deleted together with its cases, for the
 * duration of one request or call. {@link DeploymentDeletionGuard} refuses deleting a deployment that has cases
 * unless an administrator confirmed exactly that deployment's id; a confirmation of another id confirms nothing.
 */
public final class DeletionConfirmation {

    /** The request header that carries the confirmation: the id of the deployment to delete with its cases. */
    public static final String HEADER = "X-ThreatFlow-Confirm-Delete";

    private static final ThreadLocal<Set<String>> CONFIRMED = new ThreadLocal<>();

    private DeletionConfirmation() {
    }

    /** A confirmation in force until closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Confirms deleting these deployments with their cases, on this thread, until the scope is closed. */
    public static Scope confirm(Set<String> deploymentIds) {
        Set<String> before = CONFIRMED.get();
        CONFIRMED.set(Set.copyOf(deploymentIds));
        return () -> {
            if (before == null) {
                CONFIRMED.remove();
            } else {
                CONFIRMED.set(before);
            }
        };
    }

    static boolean confirms(Set<String> deploymentIds) {
        Set<String> confirmed = CONFIRMED.get();
        return confirmed != null && !deploymentIds.isEmpty() && confirmed.containsAll(deploymentIds);
    }
}
