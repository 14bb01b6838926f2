package io.threatflow.playbook;

import java.time.Instant;

/**
 * A proposed change of the playbook, as {@code GET /api/playbooks/changes/{id}} shows it.
 *
 * @param baseDeploymentId the playbook version it was checked against when proposed
 * @param summary          what changed, in words: resources added, changed and kept, DMN rules added, removed, changed
 * @param reason           the reviewer's comment: for a refusal, why
 * @param deploymentId     the playbook version it became, once deployed
 */
public record PlaybookChange(String id, String proposedBy, Instant proposedAt, String baseDeploymentId, String comment,
                             Status status, String summary, String reviewedBy, Instant decidedAt, String reason,
                             String deploymentId) {

    public enum Status { PENDING, DEPLOYED, REFUSED }
}
