package io.threatflow.playbook;

import io.threatflow.engine.AsEngine;
import io.threatflow.web.InvalidFieldException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves the running cases of one playbook version to another version of the same process: the plan the engine
 * generates (equal ids, event triggers updated), what it leaves unmapped, and explicit mappings for renamed or
 * replaced elements, run as a migration batch. A case keeps its tasks (ids, assignees), variables and history. The
 * engine's authorizations are not asked ({@link MigrationAccess} decides who may), but the user operation log records
 * the migration under the user who ran it.
 *
 * <p>An explicit mapping may only map an element that the generated plan leaves unmapped to an element that the
 * source version does not have (a renamed or new one). So no mapping sends a waiting case past a step of its own
 * version, e.g. from "Approve eradication" straight to "Eradicate threat".
 */
@Service
public class CaseMigrations {

    static final String TITLE = "Invalid migration";
    private static final String NOT_DEPLOYED = "names no deployed process version you may read";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final AsEngine asEngine;

    CaseMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
                   HistoryService history, AsEngine asEngine) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.asEngine = asEngine;
    }

    /** A version of a process that cases run on. */
    public record Version(String definitionId, String key, String name, int version, String deploymentId,
                          long runningCases) {
    }

    /** An element of a version, by id and by the name people read. */
    public record Element(String id, String name, String type) {
    }

    /** One instruction: where a case in {@code source} goes. {@code generated}: by equal ids, else a chosen mapping. */
    public record Instruction(Element source, Element target, boolean generated) {
    }

    /** An element with waiting cases that no instruction maps: such cases cannot move. */
    public record Unmapped(Element element, long cases) {
    }

    /** What the engine finds wrong with an instruction or the plan. */
    public record Problem(String activityId, String message) {
    }

    /**
     * The plan from {@code source} to {@code target}: its instructions, what is left unmapped, the engine's validation
     * problems, and the target's elements to map to. {@code ready} when the cases can move as planned.
     */
    public record Plan(Version source, Version target, List<Instruction> instructions, List<Unmapped> unmapped,
                       List<Problem> problems, List<Element> targetElements, boolean ready) {
    }

    /**
     * A batch of moves, one case per job: {@code done} of {@code total} cases moved, {@code failed} whose move failed
     * (an incident in Cockpit), and whether the batch ended.
     */
    public record Progress(String batchId, int total, int done, int failed, boolean finished, Instant startedAt,
                           Instant endedAt) {
    }

    /** Every version the user may read, newest first per process, with the number of its running cases. */
    public List<Version> versions() {
        // the user's own query: a version is offered only to who may read its process
        List<ProcessDefinition> readable = repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().desc().list();
        Map<String, Long> running = asEngine.call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            management.createProcessDefinitionStatisticsQuery().list()
                    .forEach(statistics -> counts.put(statistics.getId(), (long) statistics.getInstances()));
            return counts;
        });
        return readable.stream().map(definition -> version(definition, running.getOrDefault(definition.getId(), 0L)))
                .toList();
    }

    /** The plan for a request, with its chosen mappings; refused (400, naming the field) when the request is wrong. */
    public Plan plan(MigrationRequest request) {
        checkReadable(request);
        return asEngine.call(() -> planned(request).plan());
    }

    /**
     * Starts moving every running case of the source version as planned; the batch's id. Refused (400) when the plan
     * is not ready or no case runs on the source.
     */
    public String migrate(MigrationRequest request) {
        checkReadable(request);
        return asEngine.call(() -> {
            Planned planned = planned(request);
            if (!planned.plan().ready()) {
                throw new InvalidFieldException(TITLE, "mappings", "The plan cannot move the cases: "
                        + planned.plan().problems().stream().map(Problem::message).collect(Collectors.joining("; "))
                        + (planned.plan().unmapped().isEmpty() ? "" : "; unmapped: " + planned.plan().unmapped().stream()
                        .map(u -> named(u.element())).collect(Collectors.joining(", "))));
            }
            if (planned.plan().source().runningCases() == 0) {
                throw new InvalidFieldException(TITLE, "sourceDefinitionId", "No case runs on "
                        + describe(planned.plan().source()) + ": there is nothing to move");
            }
            Batch batch = runtime.newMigration(planned.migrationPlan())
                    .processInstanceQuery(runtime.createProcessInstanceQuery()
                            .processDefinitionId(planned.plan().source().definitionId()))
                    .executeAsync();
            return batch.getId();
        });
    }

    /** How a migration batch is getting on; 404 for an id that names no migration batch. */
    public Progress progress(String batchId) {
        return asEngine.call(() -> {
            HistoricBatch batch = batchId == null ? null
                    : history.createHistoricBatchQuery().batchId(batchId).singleResult();
            if (batch == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(batch.getType())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No migration batch " + batchId);
            }
            BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
            int total = batch.getTotalJobs();
            int done = running == null ? total : running.getCompletedJobs();
            int failed = running == null ? 0 : running.getFailedJobs();
            return new Progress(batchId, total, done, failed, batch.getEndTime() != null,
                    batch.getStartTime().toInstant(), batch.getEndTime() == null ? null : batch.getEndTime().toInstant());
        });
    }

    private record Planned(Plan plan, MigrationPlan migrationPlan) {
    }

    private Planned planned(MigrationRequest request) {
        ProcessDefinition source = definition("sourceDefinitionId", request.sourceDefinitionId());
        ProcessDefinition target = definition("targetDefinitionId", request.targetDefinitionId());
        if (source.getId().equals(target.getId())) {
            throw new InvalidFieldException(TITLE, "targetDefinitionId", "must be another version than the source");
        }
        if (!source.getKey().equals(target.getKey())) {
            throw new InvalidFieldException(TITLE, "targetDefinitionId", "must be a version of the same process "
                    + source.getKey() + ", not of " + target.getKey());
        }
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
        Map<String, Element> sourceElements = elements(sourceModel);
        Map<String, Element> targetElements = elements(targetModel);
        Map<String, String> mappings = request.mappings() == null ? Map.of() : request.mappings();

        MigrationPlan generated = build(runtime.createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities().updateEventTriggers()).plan();
        Set<String> mappedByEqualIds = generated.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        checkMappings(mappings, sourceElements, targetElements, mappedByEqualIds);

        MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities().updateEventTriggers();
        mappings.forEach(builder::mapActivities);
        Built built = build(builder);

        Map<String, Long> waiting = management.createActivityStatisticsQuery(source.getId()).list().stream()
                .collect(Collectors.toMap(ActivityStatistics::getId, s -> (long) s.getInstances(), Long::sum));
        Set<String> mapped = built.plan().getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        List<Instruction> instructions = built.plan().getInstructions().stream()
                .map(i -> new Instruction(element(sourceElements, i.getSourceActivityId()),
                        element(targetElements, i.getTargetActivityId()), !mappings.containsKey(i.getSourceActivityId())))
                .sorted(Comparator.comparing(i -> i.source().name() == null ? i.source().id() : i.source().name()))
                .toList();
        List<Unmapped> unmapped = waiting.entrySet().stream().filter(e -> e.getValue() > 0 && !mapped.contains(e.getKey()))
                .map(e -> new Unmapped(element(sourceElements, e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(u -> u.element().id())).toList();
        long runningCases = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        Plan plan = new Plan(version(source, runningCases), version(target, runtime.createProcessInstanceQuery()
                .processDefinitionId(target.getId()).count()), instructions, unmapped, built.problems(),
                targetElements.values().stream().sorted(Comparator.comparing(Element::id)).toList(),
                built.problems().isEmpty() && unmapped.isEmpty());
        return new Planned(plan, built.plan());
    }

    private static void checkMappings(Map<String, String> mappings, Map<String, Element> source,
                                      Map<String, Element> target, Set<String> mappedByEqualIds) {
        for (Map.Entry<String, String> mapping : mappings.entrySet()) {
            String field = "mappings." + mapping.getKey();
            if (!source.containsKey(mapping.getKey())) {
                throw new InvalidFieldException(TITLE, field, "names no element of the source version");
            }
            if (mappedByEqualIds.contains(mapping.getKey())) {
                throw new InvalidFieldException(TITLE, field, "is mapped already to the element of the same id; only "
                        + "elements the generated plan leaves unmapped take a mapping");
            }
            if (mapping.getValue() == null || !target.containsKey(mapping.getValue())) {
                throw new InvalidFieldException(TITLE, field, "must name an element of the target version");
            }
            if (source.containsKey(mapping.getValue())) {
                throw new InvalidFieldException(TITLE, field, "may only map to an element that is new or renamed in "
                        + "the target version; " + named(target.get(mapping.getValue())) + " is in the source version "
                        + "too, and a case moved there would skip the steps before it");
            }
        }
        long distinctTargets = mappings.values().stream().distinct().count();
        if (distinctTargets < mappings.size()) {
            throw new InvalidFieldException(TITLE, "mappings", "maps two elements to the same element");
        }
    }

    private record Built(MigrationPlan plan, List<Problem> problems) {
    }

    private static Built build(MigrationPlanBuilder builder) {
        try {
            return new Built(builder.build(), List.of());
        } catch (MigrationPlanValidationException e) {
            MigrationPlanValidationReport report = e.getValidationReport();
            List<Problem> problems = new ArrayList<>();
            for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
                instruction.getFailures().forEach(failure -> problems.add(
                        new Problem(instruction.getMigrationInstruction().getSourceActivityId(), failure)));
            }
            report.getVariableReports().forEach((name, variable) -> variable.getFailures()
                    .forEach(failure -> problems.add(new Problem(null, "variable " + name + ": " + failure))));
            // the whole plan, failing instructions too, so that the page shows each with its problem
            return new Built(report.getMigrationPlan(), problems);
        }
    }

    /** Refuses a version whose process the user may not read as if it did not exist; the user's own query decides. */
    private void checkReadable(MigrationRequest request) {
        checkReadable("sourceDefinitionId", request.sourceDefinitionId());
        checkReadable("targetDefinitionId", request.targetDefinitionId());
    }

    private void checkReadable(String field, String id) {
        checkGiven(field, id);
        if (repository.createProcessDefinitionQuery().processDefinitionId(id).count() == 0) {
            throw new InvalidFieldException(TITLE, field, NOT_DEPLOYED);
        }
    }

    private static void checkGiven(String field, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidFieldException(TITLE, field, "is required: the id of a process definition version");
        }
    }

    private ProcessDefinition definition(String field, String id) {
        checkGiven(field, id);
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (definition == null) {
            throw new InvalidFieldException(TITLE, field, NOT_DEPLOYED);
        }
        return definition;
    }

    private static Map<String, Element> elements(BpmnModelInstance model) {
        return model.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> (node instanceof Activity || node instanceof CatchEvent) && !(node instanceof StartEvent))
                .map(node -> new Element(node.getId(), node.getName(), node.getElementType().getTypeName()))
                .collect(Collectors.toMap(Element::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static Element element(Map<String, Element> elements, String id) {
        Element element = elements.get(id);
        return element != null ? element : new Element(id, null, null);
    }

    private static String named(Element element) {
        return element.name() == null ? element.id() : "\"" + element.name() + "\"";
    }

    private static Version version(ProcessDefinition definition, long running) {
        return new Version(definition.getId(), definition.getKey(), definition.getName(), definition.getVersion(),
                definition.getDeploymentId(), running);
    }

    private static String describe(Version version) {
        return version.key() + " version " + version.version();
    }

}
