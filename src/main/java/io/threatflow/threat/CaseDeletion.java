package io.threatflow.threat;

import java.time.Instant;

/** A case of the threat that an administrator deleted together with the playbook version it ran on. */
public record CaseDeletion(String threatId, String processInstanceId, String processKey, int processVersion,
                           String deploymentId, String deletedBy, Instant deletedAt) {
}
