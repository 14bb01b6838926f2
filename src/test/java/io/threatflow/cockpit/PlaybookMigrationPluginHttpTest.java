package io.threatflow.cockpit;

import static io.threatflow.testing.TestPlaybooks.ASSESS;
import static io.threatflow.testing.TestPlaybooks.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestPlaybooks;
import io.threatflow.testing.WebappSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Playbooks page's API in the Threats plugin, with real Cockpit sessions: the same rules as
 * {@code /api/playbooks/migrations} for whoever Cockpit lets in, every refusal a problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlaybookMigrationPluginHttpTest {

    private static final String MIGRATIONS = "/camunda/api/cockpit/plugin/threats/default/playbooks/migrations";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;

    @Test
    void shouldLetAManagerPlanAndMoveCasesFromCockpit() {
        TestPlaybooks.WaitingCase waiting = TestPlaybooks.waitingCase(engine, Map.of());
        WebappSession manager = WebappSession.login(port, "manager", "cockpit");
        Map<String, Object> request = Map.of("sourceDefinitionId", waiting.v1().getId(),
                "targetDefinitionId", waiting.v2().getId(), "mappings", Map.of(REVIEW, ASSESS));

        assertThat(manager.plugin("default/playbooks/migrations/definitions").jsonList())
                .extracting(version -> version.get("definitionId")).contains(waiting.v1().getId(), waiting.v2().getId());
        RawApi.Answer plan = manager.post(MIGRATIONS + "/plan", request);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.json()).containsEntry("ready", true);

        RawApi.Answer started = manager.post(MIGRATIONS, request);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String batchId = (String) started.json().get("batchId");
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(
                manager.plugin("default/playbooks/migrations/" + batchId).json().get("finished")));
        TestPlaybooks.assertMovedToVersion2(engine, waiting, Map.of());
    }

    @Test
    void shouldListThePlaybookVersionsForAManager_andRefuseAModeler() {
        List<Map<String, Object>> versions = WebappSession.login(port, "manager", "cockpit")
                .plugin("default/playbooks/versions").jsonList();

        assertThat(versions).isNotEmpty();
        assertThat(versions.get(0)).containsEntry("current", true).containsKeys("deploymentId", "version",
                "proposedBy", "approvedBy", "runningCases", "finishedCases");
        RawApi.Answer modeler = WebappSession.login(port, "modeler", "cockpit").plugin("default/playbooks/versions");
        assertThat(modeler.status()).as(modeler.toString()).isEqualTo(403);
        assertThat(modeler.isProblem()).isTrue();
    }

    @Test
    void shouldRefuseModelersAndBadInput_withProblems() {
        String key = TestPlaybooks.newKey();
        ProcessDefinition v1 = TestPlaybooks.deploy(engine, key, 1);
        ProcessDefinition v2 = TestPlaybooks.deploy(engine, key, 2);
        Map<String, Object> request = Map.of("sourceDefinitionId", v1.getId(), "targetDefinitionId", v2.getId());

        WebappSession modeler = WebappSession.login(port, "modeler", "cockpit");
        assertThat(List.of(modeler.plugin("default/playbooks/migrations/definitions"),
                modeler.post(MIGRATIONS + "/plan", request), modeler.post(MIGRATIONS, request)))
                .allSatisfy(answer -> {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
                    assertThat(answer.isProblem()).isTrue();
                });

        WebappSession manager = WebappSession.login(port, "manager", "cockpit");
        RawApi.Answer unknownField = manager.post(MIGRATIONS + "/plan", Map.of("source", v1.getId()));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.errorFields()).containsExactly("body");
        RawApi.Answer noSource = manager.post(MIGRATIONS + "/plan", Map.of("targetDefinitionId", v2.getId()));
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.errorFields()).containsExactly("sourceDefinitionId");
        RawApi.Answer noBatch = manager.plugin("default/playbooks/migrations/no-such-batch");
        assertThat(noBatch.status()).isEqualTo(404);
        assertThat(noBatch.isProblem()).isTrue();
    }
}
