package io.threatflow.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
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
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every start: the groups the processes name, a Tasklist filter per group, and an administrator when
 * there is none. Without one, Camunda's Admin app would let whoever comes first create it; instead the
 * administrator is created here with THREATFLOW_ADMIN_PASSWORD, or a generated password printed once.
 */
@Component
@Order(1)
class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    static final String ANALYST_FILTER = "Analyst tasks";
    /** Before the analysts' queue (-10): Tasklist opens the filter of lowest priority a user may see. */
    static final int MANAGER_FILTER_PRIORITY = -20;
    static final String MANAGER_FILTER = "Manager tasks";
    static final String MY_TASKS_FILTER = "My tasks";
    static final String PLAYBOOK_CHANGES_FILTER = "Playbook changes";
    /**
     * The process variables a filter shows on each task card: none. Tasklist would show a variable's raw value (the
     * severity's code); the card's words come from the casefile plugin instead (plugin-webapp/casefile).
     */
    static final List<Map<String, String>> CARD_VARIABLES = List.of();

    private final IdentityService identity;
    private final FilterService filters;
    private final TaskService tasks;
    private final boolean demo;
    private final String adminUser;
    private final String adminPassword;

    IdentitySetup(IdentityService identity, FilterService filters, TaskService tasks,
                  @Value("${threatflow.demo.enabled:false}") boolean demo,
                  @Value("${threatflow.admin.user:admin}") String adminUser,
                  @Value("${threatflow.admin.password:}") String adminPassword) {
        this.identity = identity;
        this.filters = filters;
        this.tasks = tasks;
        this.demo = demo;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        Groups.ALL.forEach((id, name) -> {
            if (identity.createGroupQuery().groupId(id).singleResult() == null) {
                Group group = identity.newGroup(id);
                group.setName(name);
                // monitoring is for machine users: no task is ever offered to it
                group.setType(Groups.ADMINS.equals(id) || Groups.MONITORING.equals(id) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
        });
        if (filters.createFilterQuery().count() == 0) {
            // the group queues first: Tasklist opens the first filter, and a queue is where work arrives
            // the queues open with the task due first (the service levels, sla-policy), then the oldest
            createFilter(ANALYST_FILTER, -10, tasks.createTaskQuery().taskCandidateGroup(Groups.ANALYSTS)
                    .includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().asc());
            createFilter(MANAGER_FILTER, MANAGER_FILTER_PRIORITY, tasks.createTaskQuery().taskCandidateGroup(Groups.MANAGERS)
                    .includeAssignedTasks().orderByDueDate().asc().orderByTaskCreateTime().asc());
            createFilter(MY_TASKS_FILTER, 0, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        }
        // managers see their own queue and the analysts': theirs comes first, so that Tasklist opens it (installations
        // from before had it second)
        filters.createFilterQuery().filterName(MANAGER_FILTER).list().stream()
                .filter(filter -> !Integer.valueOf(MANAGER_FILTER_PRIORITY).equals(filter.getProperties().get("priority")))
                .forEach(filter -> {
                    Map<String, Object> properties = new HashMap<>(filter.getProperties());
                    properties.put("priority", MANAGER_FILTER_PRIORITY);
                    filters.saveFilter(filter.setProperties(properties));
                });
        // the cards no longer list process variables: the task's name carries the threat and the casefile plugin adds
        // severity, KEV and "Overdue" in words, where the variable showed the severity's code (installations from
        // before had it)
        List.of(ANALYST_FILTER, MANAGER_FILTER, MY_TASKS_FILTER, PLAYBOOK_CHANGES_FILTER).forEach(name -> filters
                .createFilterQuery().filterName(name).list().stream()
                .filter(filter -> !CARD_VARIABLES.equals(filter.getProperties().get("variables")))
                .forEach(filter -> {
                    Map<String, Object> properties = new HashMap<>(filter.getProperties());
                    properties.put("variables", CARD_VARIABLES);
                    filters.saveFilter(filter.setProperties(properties));
                }));
        // added after the first filters: installations started before the review of playbook changes get it too
        if (filters.createFilterQuery().filterName(PLAYBOOK_CHANGES_FILTER).count() == 0) {
            createFilter(PLAYBOOK_CHANGES_FILTER, -3, tasks.createTaskQuery().taskCandidateGroup(Groups.MODELERS)
                    .includeAssignedTasks().orderByTaskCreateTime().asc());
        }
        // the demo users bring their own administrator
        if (!demo && identity.createUserQuery().memberOfGroup(Groups.ADMINS).count() == 0) {
            createAdministrator();
        }
    }

    private void createAdministrator() {
        boolean generated = adminPassword == null || adminPassword.isBlank();
        String password = generated ? Passwords.generate() : adminPassword;
        User user = identity.newUser(adminUser);
        user.setFirstName("ThreatFlow");
        user.setLastName("Administrator");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(adminUser, Groups.ADMINS);
        if (generated) {
            Passwords.announce(log, "ThreatFlow administrator '" + adminUser + "' created.", password,
                    "THREATFLOW_ADMIN_PASSWORD");
        } else {
            log.info("ThreatFlow administrator '{}' created with the password from THREATFLOW_ADMIN_PASSWORD", adminUser);
        }
    }

    private void createFilter(String name, int priority, TaskQuery query) {
        Filter filter = filters.newTaskFilter(name).setOwner(null).setQuery(query)
                .setProperties(Map.of("priority", priority, "description", name + " of ThreatFlow cases",
                        "refresh", true, "variables", CARD_VARIABLES));
        filters.saveFilter(filter);
    }

    /** Random passwords for accounts created without one. */
    static final class Passwords {
        private static final SecureRandom RANDOM = new SecureRandom();

        private Passwords() {
        }

        static String generate() {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        /**
         * Prints a generated password once, framed so that it is found in a start-up log: a line each, as the log
         * writes a message on one line (observability.OneLineMessages).
         */
        static void announce(Logger log, String what, String password, String variable) {
            String frame = "================================================================";
            log.warn(frame);
            log.warn(" {}", what);
            log.warn(" Generated password (shown once): {}", password);
            log.warn(" Set {} to choose it instead.", variable);
            log.warn(frame);
        }
    }
}
