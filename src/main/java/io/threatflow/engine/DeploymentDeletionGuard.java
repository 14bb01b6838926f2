package io.threatflow.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Nothing deletes a case by accident: deleting a deployment, or process definitions, that have running or finished
 * cases is refused on every path ({@code /engine-rest}, the webapps' engine API behind Cockpit, the Java API),
 * whoever asks, unless an administrator confirmed exactly those deployments ({@link DeletionConfirmation}). A
 * deletion without cases is left to the engine's authorizations; the creator of a deployment keeps only READ on it
 * ({@link OwnUserRecord}'s provider), so modelers delete no deployment at all. After a confirmed deletion the
 * deleted running cases are published as {@link CasesDeleted}, for the threat register.
 */
@Component
class DeploymentDeletionGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DeploymentDeletionGuard.class);

    private final ApplicationEventPublisher events;
    private ProcessEngineConfigurationImpl engine;

    DeploymentDeletionGuard(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        engine = configuration;
        CaseGuard.installFirst(configuration, Guard::new);
    }

    /** Deployments created before creators got READ only: their creators lose DELETE and UPDATE on them. */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        AuthorizationService authorizations = processEngine.getAuthorizationService();
        int narrowed = 0;
        for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.DEPLOYMENT).list()) {
            if (grant.getUserId() != null && !"*".equals(grant.getResourceId())
                    && (grant.isPermissionGranted(Permissions.DELETE) || grant.isPermissionGranted(Permissions.UPDATE))) {
                grant.setPermissions(OwnUserRecord.OWN_DEPLOYMENT);
                authorizations.saveAuthorization(grant);
                narrowed++;
            }
        }
        if (narrowed > 0) {
            log.info("{} creators of deployments may now only read them, no longer delete them", narrowed);
        }
    }

    /** What a deletion would take with it. */
    private record Doomed(List<ProcessDefinition> definitions, long running, long finished,
                          List<CasesDeleted.DeletedCase> runningCases) {

        Set<String> deployments() {
            return definitions.stream().map(ProcessDefinition::getDeploymentId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        String described() {
            return definitions.stream().map(d -> d.getKey() + " version " + d.getVersion())
                    .distinct().collect(Collectors.joining(", "));
        }
    }

    private final class Guard extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            // a deletion inside another command is the engine's own work (a deletion by key deletes by ids)
            if (Context.getCommandContext() != null || !isDeletion(command)) {
                return next.execute(command);
            }
            Doomed doomed = next.execute(context -> context.runWithoutAuthorization(() -> doomed(context, command)));
            if (doomed.running() == 0 && doomed.finished() == 0) {
                return next.execute(command);
            }
            Authentication user = engine.getIdentityService().getCurrentAuthentication();
            String userId = user == null ? null : user.getUserId();
            boolean admin = userId != null && CaseGuard.isAdmin(engine, user);
            if (!admin || !DeletionConfirmation.confirms(doomed.deployments())) {
                CommandRefusedException refusal = refusal(doomed, admin);
                log.info("Refused deleting {} for {}: {}", doomed.deployments(), userId == null ? "the application" : userId,
                        refusal.getMessage());
                throw refusal;
            }
            T result = next.execute(command);
            log.warn("Administrator {} deleted deployments {} with {} running and {} finished cases", userId,
                    doomed.deployments(), doomed.running(), doomed.finished());
            events.publishEvent(new CasesDeleted(userId, ClockUtil.getCurrentTime().toInstant(),
                    List.copyOf(doomed.deployments()), doomed.runningCases()));
            return result;
        }
    }

    private static boolean isDeletion(Command<?> command) {
        return command instanceof DeleteDeploymentCmd || command instanceof DeleteProcessDefinitionsByIdsCmd
                || command instanceof DeleteProcessDefinitionsByKeyCmd;
    }

    private static CommandRefusedException refusal(Doomed doomed, boolean admin) {
        String what = "The deployment " + String.join(", ", doomed.deployments()) + " (" + doomed.described()
                + ") has " + doomed.running() + " running and " + doomed.finished() + " finished cases; deleting it "
                + "would delete them and their history.";
        return new CommandRefusedException(admin
                ? what + " An administrator confirms this deletion with the header " + DeletionConfirmation.HEADER
                        + ": " + String.join(",", doomed.deployments()) + ", or deletes none."
                : what + " It is refused: only an administrator who confirms it explicitly may delete a version with "
                        + "cases.");
    }

    private static Doomed doomed(CommandContext context, Command<?> command) {
        ProcessDefinitionQuery query = context.getProcessEngineConfiguration().getRepositoryService()
                .createProcessDefinitionQuery();
        if (command instanceof DeleteDeploymentCmd) {
            String deploymentId = (String) CaseGuard.field(command, "deploymentId");
            if (deploymentId == null) {
                return new Doomed(List.of(), 0, 0, List.of()); // the command refuses itself
            }
            query.deploymentId(deploymentId);
        } else if (command instanceof DeleteProcessDefinitionsByIdsCmd) {
            Collection<?> ids = (Collection<?>) CaseGuard.field(command, "processDefinitionIds");
            if (ids == null || ids.isEmpty()) {
                return new Doomed(List.of(), 0, 0, List.of());
            }
            query.processDefinitionIdIn(ids.stream().map(String::valueOf).toArray(String[]::new));
        } else {
            String key = (String) CaseGuard.field(command, "processDefinitionKey");
            if (key == null) {
                return new Doomed(List.of(), 0, 0, List.of());
            }
            query.processDefinitionKey(key);
        }
        List<ProcessDefinition> definitions = query.list();
        long running = 0;
        long finished = 0;
        List<CasesDeleted.DeletedCase> cases = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            List<ProcessInstance> instances = context.getProcessEngineConfiguration().getRuntimeService()
                    .createProcessInstanceQuery().processDefinitionId(definition.getId()).list();
            running += instances.size();
            instances.forEach(instance -> cases.add(new CasesDeleted.DeletedCase(instance.getId(),
                    instance.getBusinessKey(), definition.getKey(), definition.getVersion(), definition.getDeploymentId())));
            finished += context.getProcessEngineConfiguration().getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionId(definition.getId()).finished().count();
        }
        return new Doomed(definitions, running, finished, List.copyOf(cases));
    }
}
