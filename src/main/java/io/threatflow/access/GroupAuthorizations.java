package io.threatflow.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.remediation.RemediationProcess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What each group may do, granted on every start so that an upgrade brings existing installations in line: a
 * group's grant on a resource named here becomes exactly the permissions declared, missing ones added and others
 * taken away (as UPDATE_INSTANCE was from managers). Tasks are granted per process definition, not per task:
 * analysts see and work the tasks of threat-remediation, managers those of both processes and may hand them to
 * someone; engine.CaseGuard lets only a task's candidates (its candidate groups' members) and assignee work it.
 * Per-task rows that earlier versions wrote are removed on start.
 */
@Component
@Order(3)
class GroupAuthorizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GroupAuthorizations.class);

    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
    }

    private static final String REMEDIATION = RemediationProcess.KEY;
    private static final String MITIGATION = MitigationProcess.KEY;
    private static final String PLAYBOOK_CHANGE = "playbook-change";

    static final List<Grant> GRANTS = List.of(
            // analysts: Tasklist; report threats; read the threat cases and their history
            new Grant(Groups.ANALYSTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(Groups.ANALYSTS, Resources.PROCESS_DEFINITION, REMEDIATION, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.TASK_WORK),
            new Grant(Groups.ANALYSTS, Resources.PROCESS_DEFINITION, MITIGATION, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(Groups.ANALYSTS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE),
            new Grant(Groups.ANALYSTS, Resources.GROUP, "*", Permissions.READ),
            // managers: Tasklist and Cockpit; everything of the threat processes to read, failed jobs to retry; changing
            // a running case (modification, variables, suspension, deletion) is for administrators
            new Grant(Groups.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, REMEDIATION, managerPermissions()),
            new Grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, MITIGATION, managerPermissions()),
            new Grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE),
            new Grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY),
            new Grant(Groups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ),
            new Grant(Groups.MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ),
            new Grant(Groups.MANAGERS, Resources.GROUP, "*", Permissions.READ),
            // Cockpit's "Human Tasks" counts open tasks per candidate group, which the engine allows only with READ on
            // every task; managers read every task of the threat processes already, and working one stays with its
            // candidates (engine.CaseGuard)
            new Grant(Groups.MANAGERS, Resources.TASK, "*", Permissions.READ),
            // modelers: Cockpit; deploy (a proposal reviewed in process playbook-change) and read what they deploy;
            // Tasklist, to review another modeler's playbook change
            new Grant(Groups.MODELERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(Groups.MODELERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(Groups.MODELERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ),
            new Grant(Groups.MODELERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ),
            // playbook changes are reviewed by managers and modelers (four eyes: never by the author)
            new Grant(Groups.MODELERS, Resources.PROCESS_DEFINITION, PLAYBOOK_CHANGE, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.TASK_WORK),
            new Grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, PLAYBOOK_CHANGE, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.TASK_WORK),
            new Grant(Groups.MODELERS, Resources.DECISION_DEFINITION, "*", Permissions.READ),
            new Grant(Groups.MODELERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));

    private static Permission[] managerPermissions() {
        return new Permission[] {ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.RETRY_JOB};
    }

    /** Every permission a grant here may hold, to tell one grant from another. */
    private static final Permission[] EVERY_PERMISSION = Stream.of(Permissions.values(),
                    ProcessDefinitionPermissions.values(), ProcessInstancePermissions.values(), TaskPermissions.values())
            .flatMap(Arrays::stream).toArray(Permission[]::new);

    /** The Tasklist filters each group sees, by filter name. */
    static final Map<String, List<String>> FILTERS = Map.of(
            Groups.ANALYSTS, List.of(IdentitySetup.ANALYST_FILTER, IdentitySetup.MY_TASKS_FILTER),
            Groups.MANAGERS, List.of(IdentitySetup.MANAGER_FILTER, IdentitySetup.ANALYST_FILTER, IdentitySetup.MY_TASKS_FILTER),
            Groups.MODELERS, List.of(IdentitySetup.PLAYBOOK_CHANGES_FILTER, IdentitySetup.MY_TASKS_FILTER));

    /**
     * The rows earlier versions let the engine write for each task of a process (its candidate groups, assignee):
     * granted per definition now. Tasks created by hand (no process) keep theirs.
     */
    private static final String DELETE_PROCESS_TASK_ROWS = "delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ?"
            + " and RESOURCE_ID_ in (select ID_ from ACT_RU_TASK where PROC_DEF_ID_ is not null)";

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final JdbcTemplate jdbc;

    GroupAuthorizations(AuthorizationService authorizations, FilterService filters, JdbcTemplate jdbc) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Grant> grants = new ArrayList<>(GRANTS);
        // administrators: everything, as Camunda's own first-admin setup grants it
        Arrays.stream(Resources.values())
                .forEach(resource -> grants.add(new Grant(Groups.ADMINS, resource, "*", Permissions.ALL)));
        FILTERS.forEach((group, names) -> names.forEach(name -> filters.createFilterQuery().filterName(name).list()
                .stream().map(Filter::getId)
                .forEach(id -> grants.add(new Grant(group, Resources.FILTER, id, Permissions.READ)))));
        int changed = 0;
        for (Grant grant : grants) {
            changed += ensure(grant) ? 1 : 0;
        }
        if (changed > 0) {
            log.info("Granted or extended {} group authorizations", changed);
        }
        int perTask = jdbc.update(DELETE_PROCESS_TASK_ROWS, Resources.TASK.resourceType());
        if (perTask > 0) {
            log.info("Removed {} per-task authorizations: tasks of a process are granted per definition", perTask);
        }
    }

    /** @return whether the grant was created or changed */
    private boolean ensure(Grant grant) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId()).list()
                .stream().findFirst().orElse(null);
        if (existing != null && grantsExactly(existing, grant)) {
            return false;
        }
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        authorization.setPermissions(grant.permissions());
        authorizations.saveAuthorization(authorization);
        return true;
    }

    private boolean grantsExactly(Authorization existing, Grant grant) {
        Authorization wanted = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        wanted.setResource(grant.resource());
        wanted.setPermissions(grant.permissions());
        return Set.of(wanted.getPermissions(EVERY_PERMISSION)).equals(Set.of(existing.getPermissions(EVERY_PERMISSION)));
    }
}
