package io.threatflow.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.threatflow.engine.AsEngine;
import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.remediation.RemediationProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The playbook versions: each deployment that holds a {@code threat-remediation} definition, numbered by that
 * definition's version, with who proposed and approved it and how many cases run and ran on it.
 */
@Component
public class PlaybookVersions {

    /** One version as {@code GET /api/playbooks/versions} lists it; who proposed it is null for the start-up one. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Version(String deploymentId, int version, Instant deployedAt, String proposedBy, String approvedBy,
                          String changeId, List<String> resources, List<String> changedResources, long runningCases,
                          long finishedCases, boolean current) {
    }

    private final RepositoryService repository;
    private final HistoryService history;
    private final AsEngine asEngine;
    private final PlaybookChangeStore store;
    private final PlaybookChanges changes;

    PlaybookVersions(RepositoryService repository, HistoryService history, AsEngine asEngine, PlaybookChangeStore store,
                     PlaybookChanges changes) {
        this.changes = changes;
        this.repository = repository;
        this.history = history;
        this.asEngine = asEngine;
        this.store = store;
    }

    /** Newest first; the first is the current one, which new cases start on. */
    public List<Version> list() {
        return asEngine.call(() -> {
            List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(RemediationProcess.KEY).withoutTenantId()
                    .orderByProcessDefinitionVersion().desc().list();
            List<Version> versions = new ArrayList<>();
            for (int i = 0; i < definitions.size(); i++) {
                ProcessDefinition definition = definitions.get(i);
                ProcessDefinition older = i + 1 < definitions.size() ? definitions.get(i + 1) : null;
                versions.add(version(definition, older, i == 0));
            }
            return versions;
        });
    }

    /** The playbook version a case (a threat-remediation or threat-mitigation instance) runs or ran on. */
    public Optional<Integer> versionOf(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        return asEngine.call(() -> {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult();
            if (instance == null) {
                return Optional.empty();
            }
            String deploymentId = repository.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
            return repository.createProcessDefinitionQuery().deploymentId(deploymentId)
                    .processDefinitionKey(RemediationProcess.KEY).list().stream()
                    .map(ProcessDefinition::getVersion).findFirst();
        });
    }

    private Version version(ProcessDefinition definition, ProcessDefinition older, boolean current) {
        String deploymentId = definition.getDeploymentId();
        Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        Map<String, byte[]> resources = resources(deploymentId);
        Map<String, byte[]> before = older == null ? Map.of() : resources(older.getDeploymentId());
        List<String> changed = resources.entrySet().stream()
                .filter(e -> !before.containsKey(e.getKey()) || !Arrays.equals(before.get(e.getKey()), e.getValue()))
                .map(Map.Entry::getKey).toList();
        long running = 0;
        long finished = 0;
        for (ProcessDefinition caseDefinition : repository.createProcessDefinitionQuery().deploymentId(deploymentId).list()) {
            if (caseDefinition.getKey().equals(RemediationProcess.KEY) || caseDefinition.getKey().equals(MitigationProcess.KEY)) {
                running += history.createHistoricProcessInstanceQuery().processDefinitionId(caseDefinition.getId()).unfinished().count();
                finished += history.createHistoricProcessInstanceQuery().processDefinitionId(caseDefinition.getId()).finished().count();
            }
        }
        Optional<PlaybookChange> change = store.deployedAs(deploymentId);
        return new Version(deploymentId, definition.getVersion(), deployment.getDeploymentTime().toInstant(),
                change.map(PlaybookChange::proposedBy).orElse(null), change.map(PlaybookChange::reviewedBy).orElse(null),
                change.map(PlaybookChange::id).orElse(null), List.copyOf(resources.keySet()), changed, running, finished,
                current);
    }

    private Map<String, byte[]> resources(String deploymentId) {
        return new TreeMap<>(changes.resourcesOf(deploymentId));
    }
}
