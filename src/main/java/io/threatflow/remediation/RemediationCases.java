package io.threatflow.remediation;

import io.threatflow.engine.Actors;
import io.threatflow.engine.ApplicationInput;
import io.threatflow.engine.AsEngine;
import io.threatflow.engine.ProcessVariable;
import io.threatflow.threat.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one front door to threat-remediation: opens a case for a threat, adds a sighting to it, and tells where a
 * case stands and what happened in it. Intake, the read side, the Cockpit plugin and the mitigation process come
 * in here; none of them talks to the engine's services about a case themselves. A case's business key is its
 * threat's id, and so is the business key of the mitigation cases it calls.
 */
@Service
public class RemediationCases {

    /** A further report of a threat whose case is open. */
    public record SightingReport(String source, String sourceRef, Severity reportedSeverity, String reportedBy) {
    }

    /**
     * Where a running case stands.
     *
     * @param step           the step of the first active element that belongs to one, if any does
     * @param activeElements the active BPMN elements of the case and of the mitigation cases it called
     */
    public record Progress(Optional<Step> step, List<String> activeElements) {
    }

    /** A case (remediation, or a mitigation of the threat) as the history has it. */
    public record CaseHistory(String processInstanceId, String processDefinitionKey, String startUserId,
                              Map<String, Object> variables, List<Activity> activities) {
    }

    /**
     * An element the case passed through.
     *
     * @param actor for a user task, who completed it, else its assignee
     */
    public record Activity(String elementId, String name, String type, Instant startedAt, Instant endedAt,
                           boolean canceled, String actor) {
    }

    /** A process instance that handles a threat, found by its id. */
    public record CaseRef(String processInstanceId, String processDefinitionKey, String threatId, boolean running) {
    }

    /** An open task and the threat whose case it belongs to. */
    public record ThreatTask(String threatId, OpenTask task) {
    }

    /** A user task of a case that waits for someone. */
    public record OpenTask(String taskId, String name, String assignee, Instant createdAt, Instant dueAt,
                           String processInstanceId) {
    }

    /** How many of a user's tasks {@link #threatsAssignedTo} looks at, at most. */
    static final int MAX_ASSIGNED_TASKS = 1000;

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final AsEngine asEngine;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final boolean authorizationEnabled;

    RemediationCases(RuntimeService runtime, HistoryService history, TaskService tasks, AsEngine asEngine,
                     IdentityService identity, AuthorizationService authorizations,
                     @Value("${camunda.bpm.authorization.enabled:false}") boolean authorizationEnabled) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.asEngine = asEngine;
        this.identity = identity;
        this.authorizations = authorizations;
        this.authorizationEnabled = authorizationEnabled;
    }

    /** The open user tasks of every case of the threat (remediation and mitigation), oldest first. */
    public List<OpenTask> openTasks(String threatId) {
        return asEngine.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(threatId)
                .orderByTaskCreateTime().asc().list().stream().map(RemediationCases::openTask).toList());
    }

    /** The threats whose cases have an open task assigned to the user (the first {@value #MAX_ASSIGNED_TASKS}). */
    public java.util.Set<String> threatsAssignedTo(String userId) {
        return asEngine.call(() -> {
            java.util.Set<String> instances = new java.util.HashSet<>();
            tasks.createTaskQuery().taskAssignee(userId).listPage(0, MAX_ASSIGNED_TASKS)
                    .forEach(task -> instances.add(task.getProcessInstanceId()));
            instances.remove(null);
            if (instances.isEmpty()) {
                return java.util.Set.of();
            }
            java.util.Set<String> threats = new java.util.HashSet<>();
            runtime.createProcessInstanceQuery().processInstanceIds(instances).list().forEach(instance -> {
                if (instance.getBusinessKey() != null) {
                    threats.add(instance.getBusinessKey());
                }
            });
            return threats;
        });
    }

    /**
     * The threat whose case a task belongs to, if the current user may see the task (the engine decides), and the
     * task belongs to a threat case.
     */
    public Optional<String> threatOfTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return find(task.getProcessInstanceId()).map(CaseRef::threatId);
    }

    /** A task the user may see that belongs to a threat case, with the case's threat. */
    public Optional<ThreatTask> taskOfThreat(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return find(task.getProcessInstanceId()).map(found -> new ThreatTask(found.threatId(), openTask(task)));
    }

    private static OpenTask openTask(Task task) {
        return new OpenTask(task.getId(), task.getName(), task.getAssignee(), instant(task.getCreateTime()),
                instant(task.getDueDate()), task.getProcessInstanceId());
    }

    /**
     * Refuses, as the engine would refuse {@link #open}, a current user who may not start remediation cases; checked
     * before a case is opened later on the user's behalf ({@code engine.DeferredStarts}), so that the report is refused
     * at once instead. Nothing to check without an authenticated user or with authorization off.
     *
     * @throws AuthorizationException naming the user and the permission missing
     */
    public void requireRightToOpen() {
        Optional<Actors.Actor> user = Actors.authenticated(identity);
        if (!authorizationEnabled || user.isEmpty()) {
            return;
        }
        String userId = user.get().userId();
        List<String> groups = user.get().groupIds();
        if (!authorizations.isUserAuthorized(userId, groups, Permissions.CREATE, Resources.PROCESS_INSTANCE)) {
            throw new AuthorizationException(userId, Permissions.CREATE.getName(),
                    Resources.PROCESS_INSTANCE.resourceName(), null);
        }
        if (!authorizations.isUserAuthorized(userId, groups, ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, RemediationProcess.KEY)) {
            throw new AuthorizationException(userId, ProcessDefinitionPermissions.CREATE_INSTANCE.getName(),
                    Resources.PROCESS_DEFINITION.resourceName(), RemediationProcess.KEY);
        }
    }

    /**
     * Opens a remediation case for a registered threat, as the current user, who needs the right to start cases;
     * returns its process instance id. The business key and {@code threatId} are the application's, which the
     * start form does not offer the user.
     */
    public String open(String threatId) {
        ProcessInstance instance = ApplicationInput.call(() -> runtime.startProcessInstanceByKey(RemediationProcess.KEY,
                threatId, RemediationProcess.THREAT_ID.putIn(Variables.createVariables(), threatId)));
        return instance.getId();
    }

    /**
     * Correlates a sighting to the threat's open case. A reporter may add a sighting to any open case without
     * the right to change cases in general, so this runs on the application's authority.
     *
     * @return false when no case of the threat listens for sightings (e.g. a mitigation started on its own)
     */
    public boolean addSighting(String threatId, SightingReport sighting) {
        VariableMap variables = Variables.createVariables()
                .putValue(RemediationProcess.SIGHTING_SOURCE.name(), sighting.source())
                .putValue(RemediationProcess.SIGHTING_SOURCE_REF.name(), sighting.sourceRef());
        RemediationProcess.SIGHTING_SEVERITY.putIn(variables, sighting.reportedSeverity())
                .putValue(RemediationProcess.SIGHTING_REPORTED_BY.name(), sighting.reportedBy());
        // the sighting is recorded, and a validation that waits for the source's word hears that it persists
        return !asEngine.call(() -> runtime.createMessageCorrelation(RemediationProcess.MESSAGE_THREAT_REOBSERVED)
                .processInstanceBusinessKey(threatId)
                .setVariablesLocal(variables)
                .correlateAllWithResult()).isEmpty();
    }

    /**
     * Hands the source's word that the threat is resolved to the case's validation, if it waits for that word.
     *
     * @return false when no case of the threat waits for it (it has not been eradicated yet, or has ended)
     */
    public boolean resolvedBySource(String threatId, SightingReport word) {
        VariableMap variables = Variables.createVariables();
        RemediationProcess.THREAT_PERSISTS.putIn(variables, false);
        RemediationProcess.VALIDATION_RESULT.putIn(variables, "The source (" + word.source()
                + (word.sourceRef() == null ? "" : ", " + word.sourceRef()) + ") reports the threat resolved.");
        return !asEngine.call(() -> runtime.createMessageCorrelation(RemediationProcess.MESSAGE_THREAT_RESOLVED_BY_SOURCE)
                .processInstanceBusinessKey(threatId)
                .setVariables(variables)
                .correlateAllWithResult()).isEmpty();
    }

    /** Where the case stands; empty once it has ended (or never was). */
    public Optional<Progress> progress(String processInstanceId) {
        if (processInstanceId == null
                || runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return Optional.empty();
        }
        List<String> active = new ArrayList<>(runtime.getActiveActivityIds(processInstanceId));
        Optional<Step> step = active.stream().map(Step::of).flatMap(Optional::stream).findFirst();
        // every case a remediation case calls is a mitigation of its threat
        runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
                .forEach(called -> active.addAll(runtime.getActiveActivityIds(called.getId())));
        return Optional.of(new Progress(step, active));
    }

    /**
     * Every case of the threat, remediation and mitigation, with the elements it passed through and the last
     * values of the variables asked for.
     */
    public List<CaseHistory> history(String threatId, List<ProcessVariable<?>> variables) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(threatId).list();
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (!variables.isEmpty() && !instances.isEmpty()) {
            // one query for all the cases of the threat
            history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                    .variableNameIn(variables.stream().map(ProcessVariable::name).toArray(String[]::new)).list()
                    .forEach(variable -> values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                            .put(variable.getName(), variable.getValue()));
        }
        List<CaseHistory> cases = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            cases.add(new CaseHistory(instance.getId(), instance.getProcessDefinitionKey(), instance.getStartUserId(),
                    values.getOrDefault(instance.getId(), Map.of()), activities(instance.getId())));
        }
        return cases;
    }

    private List<Activity> activities(String processInstanceId) {
        Map<String, String> completedBy = new HashMap<>();
        history.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
                .forEach(entry -> completedBy.put(entry.getTaskId(), entry.getUserId()));
        // in the order they happened, also within one millisecond
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(activity -> activity(activity, completedBy)).toList();
    }

    private static Activity activity(HistoricActivityInstance activity, Map<String, String> completedBy) {
        return new Activity(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
                instant(activity.getStartTime()), instant(activity.getEndTime()), activity.isCanceled(),
                completedBy.getOrDefault(activity.getTaskId(), activity.getAssignee()));
    }

    /**
     * The case with this process instance id and the threat it handles (its business key, else its
     * {@code threatId} variable), whoever may read it: to tell "no such case" from "you may not read it".
     */
    public Optional<CaseRef> find(String processInstanceId) {
        return asEngine.call(() -> {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult();
            if (instance == null) {
                return Optional.empty();
            }
            String threatId = instance.getBusinessKey() != null ? instance.getBusinessKey()
                    : history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                    .variableName(RemediationProcess.THREAT_ID.name()).list().stream()
                    .map(HistoricVariableInstance::getValue).map(String::valueOf).findFirst().orElse(null);
            return Optional.of(new CaseRef(instance.getId(), instance.getProcessDefinitionKey(), threatId,
                    instance.getEndTime() == null));
        });
    }

    /**
     * The engine's own read check for the current user: the case is among what their query may return. A
     * running case needs READ on it (or READ_INSTANCE on its definition), a finished one READ_HISTORY.
     */
    public boolean isReadable(CaseRef found) {
        if (found.running()) {
            return runtime.createProcessInstanceQuery().processInstanceId(found.processInstanceId()).count() == 1;
        }
        return history.createHistoricProcessInstanceQuery().processInstanceId(found.processInstanceId()).count() == 1;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
