package io.threatflow.engine;

import java.time.Instant;
import java.util.List;

/**
 * Cases deleted together with the deployment of their process, after an administrator confirmed it
 * ({@link DeploymentDeletionGuard}); published after the deletion committed, so that the threat register can close
 * the threats whose cases are gone.
 *
 * @param deletedBy   the administrator
 * @param deletedAt   when
 * @param deployments the deleted deployments' ids
 * @param cases       the running cases deleted with them
 */
public record CasesDeleted(String deletedBy, Instant deletedAt, List<String> deployments, List<DeletedCase> cases) {

    /**
     * @param businessKey the case's business key: the threat's id for the threat processes
     * @param process     the process's key, e.g. {@code threat-remediation}
     * @param version     the version of the process the case ran on
     */
    public record DeletedCase(String processInstanceId, String businessKey, String process, int version,
                              String deploymentId) {
    }
}
