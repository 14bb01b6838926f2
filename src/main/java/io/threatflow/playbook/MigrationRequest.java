package io.threatflow.playbook;

import java.util.Map;

/**
 * Which running cases move where: every running case of the source version moves to the target version, a version
 * of the same process.
 *
 * @param sourceDefinitionId the process definition id of the version the cases run on
 * @param targetDefinitionId the process definition id of the version they move to
 * @param mappings           chosen mappings, source element id to target element id, for what the generated plan
 *                           leaves unmapped (a renamed element); may be absent
 */
public record MigrationRequest(String sourceDefinitionId, String targetDefinitionId, Map<String, String> mappings) {
}
