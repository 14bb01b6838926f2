package io.threatflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DemoUsersTest {

    @RegisterExtension
    static ProcessEngineExtension engineExtension = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    ProcessEngine engine;
    IdentityService identity;

    @BeforeEach
    void setUp() {
        identity = engine.getIdentityService();
        clean();
    }

    @AfterEach
    void clean() {
        identity.createUserQuery().list().stream().map(User::getId).forEach(identity::deleteUser);
        identity.createGroupQuery().list().stream().map(Group::getId).forEach(identity::deleteGroup);
        engine.getFilterService().createFilterQuery().list().stream().map(Filter::getId)
                .forEach(engine.getFilterService()::deleteFilter);
    }

    private DemoUsers demoUsers(String password) {
        new IdentitySetup(identity, engine.getFilterService(), engine.getTaskService(), true, "admin", "").run(null);
        return new DemoUsers(identity, password);
    }

    @Test
    void shouldCreateOneUserPerRoleWithTheConfiguredPassword() {
        demoUsers("a-long-configured-secret").run(null);

        DemoUsers.USER_GROUPS.forEach((user, group) -> {
            assertThat(identity.checkPassword(user, "a-long-configured-secret")).as(user).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup(group).userId(user).count()).as(user).isOne();
        });
        assertThat(identity.createGroupQuery().groupId(Groups.ADMINS).singleResult().getType()).isEqualTo("SYSTEM");
    }

    @Test
    void shouldGenerateAndPrintAPasswordOnce_whenNoneIsConfigured(CapturedOutput output) {
        demoUsers("").run(null);

        Matcher printed = Pattern.compile("Generated password \\(shown once\\): (\\S+)").matcher(output.getOut());
        assertThat(printed.find()).as("the generated password is printed").isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(identity.checkPassword("analyst", password)).isTrue();
        assertThat(identity.checkPassword("admin", "admin")).isFalse();
        assertThat(identity.checkPassword("admin", "demo")).isFalse();
    }

    @Test
    void shouldKeepExistingUsersAndFilters_onNextStart(CapturedOutput output) {
        demoUsers("first-start-password").run(null);
        demoUsers("second-start-password").run(null);

        assertThat(identity.checkPassword("manager", "first-start-password")).isTrue();
        assertThat(identity.checkPassword("manager", "second-start-password")).isFalse();
        assertThat(identity.createUserQuery().count()).isEqualTo(DemoUsers.USER_GROUPS.size());
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(4);
    }

    @Test
    void shouldAddThePlaybookChangesFilter_toAnInstallationThatHasTheOthers() {
        demoUsers("some-password-123").run(null);
        engine.getFilterService().deleteFilter(engine.getFilterService().createFilterQuery()
                .filterName(IdentitySetup.PLAYBOOK_CHANGES_FILTER).singleResult().getId());

        demoUsers("some-password-123").run(null);

        Filter changes = engine.getFilterService().createFilterQuery().filterName(IdentitySetup.PLAYBOOK_CHANGES_FILTER)
                .singleResult();
        assertThat(((TaskQueryImpl) changes.getQuery()).getCandidateGroup()).isEqualTo(Groups.MODELERS);
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(4);
    }

    @Test
    void shouldOpenTasklistOnTheManagersQueueForManagers_alsoOnAnInstallationThatHadItSecond() {
        demoUsers("some-password-123").run(null);
        Filter managers = engine.getFilterService().createFilterQuery().filterName(IdentitySetup.MANAGER_FILTER)
                .singleResult();
        Map<String, Object> earlier = new HashMap<>(managers.getProperties());
        earlier.put("priority", -5);
        engine.getFilterService().saveFilter(managers.setProperties(earlier));

        demoUsers("some-password-123").run(null);

        // Tasklist opens the filter of lowest priority: for managers (who see both queues) their own
        List<String> byPriority = engine.getFilterService().createFilterQuery().list().stream()
                .sorted(Comparator.comparingInt(filter -> ((Number) filter.getProperties().get("priority")).intValue()))
                .map(Filter::getName).toList();
        assertThat(byPriority.indexOf(IdentitySetup.MANAGER_FILTER)).isZero();
        assertThat(byPriority.indexOf(IdentitySetup.ANALYST_FILTER)).isLessThan(byPriority.indexOf(IdentitySetup.MY_TASKS_FILTER));
    }

    @Test
    void shouldShowNoRawSeverityOnTaskCards_alsoOnAnInstallationWhoseFiltersListedIt() {
        demoUsers("some-password-123").run(null);
        Filter analysts = engine.getFilterService().createFilterQuery().filterName(IdentitySetup.ANALYST_FILTER)
                .singleResult();
        Map<String, Object> earlier = new HashMap<>(analysts.getProperties());
        earlier.put("variables", List.of(Map.of("name", "severity", "label", "Severity")));
        engine.getFilterService().saveFilter(analysts.setProperties(earlier));

        demoUsers("some-password-123").run(null);

        // the casefile plugin puts the severity on the card in words; a filter variable would show its code
        assertThat(engine.getFilterService().createFilterQuery().list())
                .allSatisfy(filter -> assertThat(filter.getProperties().get("variables")).as(filter.getName())
                        .isEqualTo(List.of()));
    }

    @Test
    void shouldCreateATasklistFilterPerGroup() {
        demoUsers("some-password-123").run(null);

        Filter analysts = engine.getFilterService().createFilterQuery().filterName(IdentitySetup.ANALYST_FILTER).singleResult();
        Filter managers = engine.getFilterService().createFilterQuery().filterName(IdentitySetup.MANAGER_FILTER).singleResult();
        assertThat(((TaskQueryImpl) analysts.getQuery()).getCandidateGroup()).isEqualTo(Groups.ANALYSTS);
        assertThat(((TaskQueryImpl) managers.getQuery()).getCandidateGroup()).isEqualTo(Groups.MANAGERS);
        for (Filter queue : List.of(analysts, managers)) {
            assertThat(((TaskQueryImpl) queue.getQuery()).getOrderingProperties())
                    .extracting(o -> o.getQueryProperty().getName(), o -> o.getDirection().getName())
                    .as(queue.getName() + " sorted by due date first")
                    .containsExactly(tuple("DUE_DATE_", "asc"), tuple("CREATE_TIME_", "asc"));
        }
    }

    @Test
    void shouldCreateAnAdministratorWithAGeneratedPassword_whenThereAreNoDemoUsers(CapturedOutput output) {
        new IdentitySetup(identity, engine.getFilterService(), engine.getTaskService(), false, "root", "").run(null);

        Matcher printed = Pattern.compile("Generated password \\(shown once\\): (\\S+)").matcher(output.getOut());
        assertThat(printed.find()).isTrue();
        assertThat(identity.checkPassword("root", printed.group(1))).isTrue();
        assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).userId("root").count()).isOne();
        assertThat(identity.createUserQuery().count()).as("no demo users").isOne();
    }

    @Test
    void shouldNotCreateASecondAdministrator_onNextStart() {
        new IdentitySetup(identity, engine.getFilterService(), engine.getTaskService(), false, "root", "given-pw-123").run(null);
        new IdentitySetup(identity, engine.getFilterService(), engine.getTaskService(), false, "other", "").run(null);

        assertThat(identity.checkPassword("root", "given-pw-123")).isTrue();
        assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).count()).isOne();
    }
}
