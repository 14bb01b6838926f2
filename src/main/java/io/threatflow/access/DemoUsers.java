package io.threatflow.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On first start with no users: the groups, one demo user per role and a Tasklist filter per group. The
 * password comes from THREATFLOW_DEMO_PASSWORD; without one a random password is generated and printed
 * once, so no well-known password ever guards the application.
 */
@Component
@ConditionalOnProperty(name = "threatflow.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final Map<String, String> USER_GROUPS = Map.of(
            "analyst", Groups.ANALYSTS, "manager", Groups.MANAGERS, "modeler", Groups.MODELERS, "admin", Groups.ADMINS);

    private final IdentityService identity;
    private final FilterService filters;
    private final TaskService tasks;
    private final String configuredPassword;

    DemoUsers(IdentityService identity, FilterService filters, TaskService tasks,
              @Value("${threatflow.demo.password:}") String configuredPassword) {
        this.identity = identity;
        this.filters = filters;
        this.tasks = tasks;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        Groups.ALL.forEach((id, name) -> {
            if (identity.createGroupQuery().groupId(id).singleResult() == null) {
                Group group = identity.newGroup(id);
                group.setName(name);
                group.setType(Groups.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
        });
        if (identity.createUserQuery().count() == 0) {
            boolean generated = configuredPassword == null || configuredPassword.isBlank();
            String password = generated ? generatePassword() : configuredPassword;
            USER_GROUPS.forEach((userId, groupId) -> {
                User user = identity.newUser(userId);
                user.setFirstName(Character.toUpperCase(userId.charAt(0)) + userId.substring(1));
                user.setLastName("(demo)");
                user.setEmail(userId + "@threatflow.invalid");
                user.setPassword(password);
                identity.saveUser(user);
                identity.createMembership(userId, groupId);
            });
            if (generated) {
                log.warn("""

                        ================================================================
                         ThreatFlow demo users created: {}
                         Generated password (shown once): {}
                         Set THREATFLOW_DEMO_PASSWORD to choose it instead.
                        ================================================================""",
                        USER_GROUPS.keySet().stream().sorted().toList(), password);
            } else {
                log.info("ThreatFlow demo users {} created with the password from THREATFLOW_DEMO_PASSWORD",
                        USER_GROUPS.keySet().stream().sorted().toList());
            }
        }
        if (filters.createFilterQuery().count() == 0) {
            // the group queues first: Tasklist opens the first filter, and a queue is where work arrives
            createFilter("Analyst tasks", -10, tasks.createTaskQuery().taskCandidateGroup(Groups.ANALYSTS)
                    .includeAssignedTasks());
            createFilter("Manager tasks", -5, tasks.createTaskQuery().taskCandidateGroup(Groups.MANAGERS)
                    .includeAssignedTasks());
            createFilter("My tasks", 0, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        }
    }

    private void createFilter(String name, int priority, TaskQuery query) {
        Filter filter = filters.newTaskFilter(name).setOwner(null).setQuery(query)
                .setProperties(Map.of("priority", priority, "description", name + " of ThreatFlow cases",
                        "refresh", true, "variables", List.of(
                                Map.of("name", "threatTitle", "label", "Threat"),
                                Map.of("name", "assetName", "label", "Asset"),
                                Map.of("name", "severity", "label", "Severity"))));
        filters.saveFilter(filter);
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
