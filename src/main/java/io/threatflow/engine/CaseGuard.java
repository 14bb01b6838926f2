package io.threatflow.engine;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a user may do to a case, enforced inside the engine so that it holds on every path: Tasklist, Cockpit,
 * {@code /engine-rest} and anything else that calls the engine's services for an authenticated user.
 * <ul>
 *   <li>A completion (complete, submit-form, resolve) writes only the fields of the task's form, and a read-only
 *       field only with the value it shows. A start writes only the fields of the start form, and no business
 *       key: a case's business key is what the process or the application sets.</li>
 *   <li>Setting or removing variables outside a completion, starting a case at a chosen activity, restarting a
 *       finished case and ending a task with a BPMN error or escalation are for administrators.</li>
 *   <li>{@link FourEyes}: who did the work never completes, claims or is given its check, administrators
 *       included.</li>
 * </ul>
 * Administrators (the engine's admin groups and users) may complete with any variables to repair a case; the user
 * operation log records what they do. The rules apply to the command a user's call issues, not to the commands
 * that delegates, listeners, jobs or {@link AsEngine} run inside it or without a user. A refusal is a
 * {@link CommandRefusedException}.
 */
@Component
class CaseGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CaseGuard.class);
    private static final int LONGEST_NAME = 100;

    private final ObjectProvider<FourEyes> fourEyesBeans;
    private volatile List<FourEyes> fourEyes;
    /** form definition id: its fields; a form definition never changes once deployed */
    private final Map<String, FormFields> forms = new ConcurrentHashMap<>();
    private ProcessEngineConfigurationImpl engine;

    CaseGuard(ObjectProvider<FourEyes> fourEyes) {
        this.fourEyesBeans = fourEyes;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        engine = configuration;
        installFirst(configuration, Guard::new);
    }

    /** Puts a new interceptor of {@code guard} before the other custom ones, for commands in and out of a transaction. */
    static void installFirst(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> guard) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                first(guard.get(), configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                first(guard.get(), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> first(CommandInterceptor guard, List<CommandInterceptor> others) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(guard);
        if (others != null) {
            interceptors.addAll(others);
        }
        return interceptors;
    }

    /** Checks a user's command before it runs, in a command of its own: only commands that a rule is about. */
    private final class Guard extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            // a command inside another one is the engine's or the application's own work
            Authentication user = Context.getCommandContext() == null
                    ? engine.getIdentityService().getCurrentAuthentication() : null;
            if (user != null && user.getUserId() != null) {
                try {
                    Rule rule = ruleFor(command, user);
                    if (rule != null) {
                        next.execute(context -> context.runWithoutAuthorization((Callable<Void>) () -> {
                            rule.check(context);
                            return null;
                        }));
                    }
                } catch (CommandRefusedException e) {
                    log.info("Refused {} of user {}: {}", command.getClass().getSimpleName(), user.getUserId(),
                            e.getMessage());
                    throw e;
                }
            }
            return next.execute(command);
        }
    }

    /** A check of one command, run where it can read the task, the case and the form. */
    private interface Rule {
        void check(CommandContext context);
    }

    /** The check the command needs, or null when it needs none; refuses at once what only an administrator may do. */
    private Rule ruleFor(Command<?> command, Authentication user) {
        boolean admin = isAdmin(user);
        String adminOnly = adminOnly(command);
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            String taskId = (String) field(command, "taskId");
            Map<String, Object> variables = variables(field(command,
                    command instanceof SubmitTaskFormCmd ? "properties" : "variables"));
            return context -> completion(context, user.getUserId(), user.getGroupIds(), admin, taskId, variables);
        }
        if (command instanceof SubmitStartFormCmd) {
            String definitionId = (String) field(command, "processDefinitionId");
            String businessKey = (String) field(command, "businessKey");
            Map<String, Object> variables = variables(field(command, "variables"));
            return context -> start(context, admin, definitionById(context, definitionId), businessKey, variables);
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl start = (ProcessInstantiationBuilderImpl) field(command, "instantiationBuilder");
            return context -> start(context, admin, definition(context, start), start.getBusinessKey(),
                    variables(start.getVariables()));
        }
        if (adminOnly != null) {
            if (!admin) {
                throw new CommandRefusedException("Only administrators (" + String.join(", ", engine.getAdminGroups())
                        + ") may " + adminOnly);
            }
            return null;
        }
        if (command instanceof ClaimTaskCmd) {
            String taskId = (String) field(command, "taskId");
            String userId = (String) field(command, "userId");
            return context -> {
                if (!admin) {
                    requireCandidate(context, taskId, user.getUserId(), user.getGroupIds(), "claim");
                }
                assignment(context, taskId, userId, admin);
            };
        }
        if (command instanceof DelegateTaskCmd) {
            String taskId = (String) field(command, "taskId");
            String userId = (String) field(command, "userId");
            return context -> assignment(context, taskId, userId, admin);
        }
        if (command instanceof AbstractAddIdentityLinkCmd) {
            String taskId = (String) field(command, "taskId");
            String userId = (String) field(command, "userId");
            String type = (String) field(command, "type");
            boolean givesTheTask = IdentityLinkType.ASSIGNEE.equals(type) || IdentityLinkType.OWNER.equals(type);
            return context -> assignment(context, taskId, userId, admin || !givesTheTask);
        }
        if (command instanceof SaveTaskCmd) {
            TaskEntity changed = (TaskEntity) field(command, "task");
            return context -> {
                TaskEntity stored = changed.getId() == null ? null : context.getTaskManager().findTaskById(changed.getId());
                if (stored != null && !Objects.equals(stored.getAssignee(), changed.getAssignee())) {
                    assignment(context, stored.getId(), changed.getAssignee(), admin);
                }
                if (stored != null && !Objects.equals(stored.getOwner(), changed.getOwner())) {
                    assignment(context, stored.getId(), changed.getOwner(), admin);
                }
            };
        }
        return null;
    }

    /** What the command does, when only an administrator may do it; else null. */
    private static String adminOnly(Command<?> command) {
        if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
            return "set or remove variables of a case outside the forms of its tasks";
        }
        if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            return "start a case at a chosen activity";
        }
        if (command instanceof RestartProcessInstancesCmd) {
            return "restart a finished case";
        }
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            return "end a task with a BPMN error or escalation";
        }
        return null;
    }

    private void completion(CommandContext context, String userId, List<String> groupIds, boolean admin, String taskId,
                            Map<String, Object> variables) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the command itself says that there is no such task
        }
        checkFourEyes(context, task, userId, "complete");
        if (admin || ApplicationInput.isActive()) {
            return;
        }
        requireCandidate(context, taskId, userId, groupIds, "complete");
        FormFields form = fields(context, context.getProcessEngineConfiguration().getFormService()
                .getTaskFormData(taskId), "the task " + task.getTaskDefinitionKey());
        refuseOutside(form, variables, name -> task.getVariableTyped(name, false),
                "A completion of " + task.getTaskDefinitionKey() + " writes only the fields of its form "
                        + form.form());
    }

    private void start(CommandContext context, boolean admin, ProcessDefinition definition, String businessKey,
                       Map<String, Object> variables) {
        if (definition == null || admin || ApplicationInput.isActive()) {
            return;
        }
        FormFields form = fields(context, context.getProcessEngineConfiguration().getFormService()
                .getStartFormData(definition.getId()), "the start of " + definition.getKey());
        List<CommandRefusedException.RefusedField> refused = new ArrayList<>();
        if (businessKey != null && !businessKey.isBlank()) {
            refused.add(new CommandRefusedException.RefusedField("businessKey",
                    "is set by the process, not by the user who starts it"));
        }
        refused.addAll(outside(form, variables, name -> null));
        refuse(refused, "A start of " + definition.getKey() + " writes only the fields of its start form " + form.form());
    }

    private void refuseOutside(FormFields form, Map<String, Object> variables, Function<String, Object> current,
                               String rule) {
        refuse(outside(form, variables, current), rule);
    }

    private static void refuse(List<CommandRefusedException.RefusedField> refused, String rule) {
        if (!refused.isEmpty()) {
            throw new CommandRefusedException(rule + "; refused: " + refused.stream()
                    .map(field -> field.field() + " " + field.reason()).collect(Collectors.joining("; ")), refused);
        }
    }

    private static List<CommandRefusedException.RefusedField> outside(FormFields form, Map<String, Object> variables,
                                                                      Function<String, Object> current) {
        List<CommandRefusedException.RefusedField> refused = new ArrayList<>();
        for (String name : variables.keySet()) {
            if (form.writable().contains(name)) {
                continue;
            }
            if (!form.isField(name)) {
                refused.add(new CommandRefusedException.RefusedField(shown(name), "is not a field of the form"));
            } else if (!sameValue(current.apply(name), valueOf(variables, name))) {
                refused.add(new CommandRefusedException.RefusedField(name, "is read-only on the form"));
            }
        }
        return refused;
    }

    /** The fields of a form: a Camunda Form (cached per deployed form), generated form fields, else none. */
    private FormFields fields(CommandContext context, FormData form, String whose) {
        if (form == null) {
            return FormFields.none("(none: " + whose + " has no form)");
        }
        CamundaFormRef ref = form.getCamundaFormRef();
        if (ref != null) {
            CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()).execute(context);
            if (definition == null) {
                return FormFields.none(ref.getKey() + " (not deployed)");
            }
            return forms.computeIfAbsent(definition.getId(), id -> FormFields.ofCamundaForm(ref.getKey(),
                    context.getProcessEngineConfiguration().getRepositoryService()
                            .getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())));
        }
        if (form.getFormFields() != null && !form.getFormFields().isEmpty()) {
            return new FormFields("(generated form of " + whose + ")",
                    form.getFormFields().stream().map(FormField::getId).collect(Collectors.toSet()), Set.of());
        }
        return FormFields.none("(none: " + whose + " has no Camunda Form)");
    }

    /**
     * A task given to {@code userId} (assignee, owner, delegate, candidate): four eyes, and unless {@code anyone}
     * (an administrator gives it, or only a candidate is added) the user must be one who may work it.
     */
    private void assignment(CommandContext context, String taskId, String userId, boolean anyone) {
        TaskEntity task = taskId == null || userId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task != null) {
            checkFourEyes(context, task, userId, "be given");
            if (!anyone) {
                List<String> groups = context.getReadOnlyIdentityProvider().createGroupQuery().groupMember(userId)
                        .list().stream().map(Group::getId).toList();
                requireCandidate(context, task.getId(), userId, groups, "be given");
            }
        }
    }

    /**
     * Only a task's candidates (a member of a candidate group, a candidate user) and its assignee work it. Task
     * permissions are granted per process definition (no rows per task: see AuthorizationDefaults), so this is
     * what keeps an analyst off a manager's approval in the same case. A task without candidates (created by hand)
     * is left to its own authorizations.
     */
    private void requireCandidate(CommandContext context, String taskId, String userId, List<String> groupIds,
                                  String doing) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null || userId.equals(task.getAssignee())) {
            return;
        }
        List<IdentityLinkEntity> candidates = context.getIdentityLinkManager().findIdentityLinksByTaskId(taskId)
                .stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> groups = groupIds == null ? Set.of() : Set.copyOf(groupIds);
        boolean candidate = candidates.stream().anyMatch(link -> userId.equals(link.getUserId())
                || link.getGroupId() != null && groups.contains(link.getGroupId()));
        if (!candidate) {
            String whose = candidates.stream().map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
                    .distinct().sorted().collect(Collectors.joining(", "));
            throw new CommandRefusedException(userId + " may not " + doing + " the task '" + task.getName()
                    + "': it is worked by " + whose);
        }
    }

    private void checkFourEyes(CommandContext context, TaskEntity task, String userId, String doing) {
        if (task.getProcessInstanceId() == null || task.getProcessDefinitionId() == null) {
            return;
        }
        String processKey = context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey();
        for (FourEyes rule : fourEyes()) {
            if (!rule.processDefinitionKey().equals(processKey) || !rule.checkTask().equals(task.getTaskDefinitionKey())) {
                continue;
            }
            // read the case's history once, and only for a worker that needs it
            HistoricProcessInstance[] instance = new HistoricProcessInstance[1];
            Supplier<HistoricProcessInstance> historic = () -> {
                if (instance[0] == null) {
                    instance[0] = context.getProcessEngineConfiguration().getHistoryService()
                            .createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                            .singleResult();
                }
                return instance[0];
            };
            for (FourEyes.Worker worker : rule.workers()) {
                if (workers(context, worker, task.getProcessInstanceId(), historic).contains(userId)) {
                    throw new CommandRefusedException("Four eyes: " + userId + " " + worker.didWhat()
                            + ", so someone else must " + doing + " the task '" + task.getName() + "'");
                }
            }
        }
    }

    /** The users who did the work: the author a variable names, who completed a task (the user of the completion,
     * else the task's assignee), or the starter. */
    private static Set<String> workers(CommandContext context, FourEyes.Worker worker, String processInstanceId,
                                       Supplier<HistoricProcessInstance> historic) {
        if (worker instanceof FourEyes.NamedBy named) {
            Object author = context.getProcessEngineConfiguration().getRuntimeService()
                    .getVariable(processInstanceId, named.variable());
            return author == null ? Set.of() : Set.of(author.toString());
        }
        HistoryService history = context.getProcessEngineConfiguration().getHistoryService();
        if (worker instanceof FourEyes.CompletedTask completed && !completed.inCallingCase()) {
            return completers(history, completed.taskDefinitionKey(), processInstanceId);
        }
        HistoricProcessInstance instance = historic.get();
        if (instance == null) {
            return Set.of();
        }
        if (worker instanceof FourEyes.CompletedTask completed) {
            String caseId = instance.getSuperProcessInstanceId();
            return caseId == null ? Set.of() : completers(history, completed.taskDefinitionKey(), caseId);
        }
        return instance.getStartUserId() == null ? Set.of() : Set.of(instance.getStartUserId());
    }

    private static Set<String> completers(HistoryService history, String taskDefinitionKey, String processInstanceId) {
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).finished().list().stream()
                .filter(task -> TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason())).toList();
        if (done.isEmpty()) {
            return Set.of();
        }
        Map<String, String> completedBy = new HashMap<>();
        history.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .filter(entry -> entry.getTaskId() != null && entry.getUserId() != null)
                .forEach(entry -> completedBy.put(entry.getTaskId(), entry.getUserId()));
        return done.stream().map(task -> completedBy.getOrDefault(task.getId(), task.getAssignee()))
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private List<FourEyes> fourEyes() {
        List<FourEyes> known = fourEyes;
        if (known == null) {
            known = fourEyesBeans.orderedStream().toList();
            fourEyes = known;
        }
        return known;
    }

    private boolean isAdmin(Authentication user) {
        return isAdmin(engine, user);
    }

    /** Whether the user is one of the engine's administrators, by user id or group. */
    static boolean isAdmin(ProcessEngineConfigurationImpl engine, Authentication user) {
        List<String> adminGroups = engine.getAdminGroups() == null ? List.of() : engine.getAdminGroups();
        return (engine.getAdminUsers() != null && engine.getAdminUsers().contains(user.getUserId()))
                || (user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(adminGroups::contains));
    }

    private static ProcessDefinition definitionById(CommandContext context, String id) {
        return id == null ? null : context.getProcessEngineConfiguration().getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    }

    /** The definition a start names, or null when it names none or several (the command then refuses itself). */
    private static ProcessDefinition definition(CommandContext context, ProcessInstantiationBuilderImpl start) {
        if (start.getProcessDefinitionId() != null) {
            return definitionById(context, start.getProcessDefinitionId());
        }
        ProcessDefinitionQuery query = context.getProcessEngineConfiguration().getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionKey(start.getProcessDefinitionKey()).latestVersion();
        if (start.isProcessDefinitionTenantIdSet()) {
            query = start.getProcessDefinitionTenantId() == null ? query.withoutTenantId()
                    : query.tenantIdIn(start.getProcessDefinitionTenantId());
        }
        List<ProcessDefinition> found = query.list();
        return found.size() == 1 ? found.get(0) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Object variables) {
        return variables == null ? Map.of() : (Map<String, Object>) variables;
    }

    /** The value as sent; a JSON or Java object is compared as its serialized text, not deserialized. */
    private static Object valueOf(Map<String, Object> variables, String name) {
        return variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
    }

    /**
     * Whether a submitted value is the value the form showed: the same value, or the same text (forms send text and
     * numbers as JSON has them); an absent value shows as an empty field.
     */
    static boolean sameValue(Object shown, Object submitted) {
        Object a = plain(shown);
        Object b = plain(submitted);
        if (isEmpty(a) || isEmpty(b)) {
            return isEmpty(a) && isEmpty(b);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a.equals(b) || a.toString().equals(b.toString());
    }

    private static boolean isEmpty(Object value) {
        return value == null || "".equals(value);
    }

    private static Object plain(Object value) {
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }

    /** A variable name as a message shows it: a client chose it, so on one line and not too long. */
    private static String shown(String name) {
        String line = name == null ? "null" : name.replaceAll("\\p{Cntrl}", "?");
        return line.length() > LONGEST_NAME ? line.substring(0, LONGEST_NAME) + "…" : line;
    }

    /** A field of an engine command; Camunda offers no getter for most. Fails loudly when an upgrade renames it. */
    static Object field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                + ": the Camunda version changed, and CaseGuard must follow it");
    }
}
