package io.threatflow.playbook;

import static io.threatflow.testing.TestPlaybooks.ASSESS;
import static io.threatflow.testing.TestPlaybooks.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.threatflow.access.Groups;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestPlaybooks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Moving running cases to a new playbook version over {@code /api/playbooks/migrations}, with a real change: version 2
 * renames the review ({@code Task_ReviewCase} is now {@code Task_AssessCase}) and adds a confirmation step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseMigrationHttpTest {

    private static final String API = "/api/playbooks/migrations";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Test
    void shouldMoveACaseWaitingInAUserTaskToTheNewVersion_keepingItsTaskAssigneeAndVariables() {
        Map<String, Object> variables = Map.of("threatNote", "keep me", "riskScore", 7);
        TestPlaybooks.WaitingCase waiting = TestPlaybooks.waitingCase(engine, variables);
        ProcessDefinition v1 = waiting.v1();
        ProcessDefinition v2 = waiting.v2();
        RawApi manager = RawApi.as(http, "manager");

        assertThat(manager.get(API + "/definitions").jsonList())
                .filteredOn(version -> waiting.key().equals(version.get("key")))
                .extracting(version -> version.get("version"), version -> version.get("runningCases"))
                .containsExactly(tuple(2, 0), tuple(1, 1));

        Map<String, Object> generated = manager.postJson(API + "/plan", request(v1, v2, null)).json();
        assertThat(generated).containsEntry("ready", false);
        assertThat(list(generated, "unmapped")).singleElement().satisfies(unmapped -> {
            assertThat(unmapped).containsEntry("cases", 1);
            assertThat(map(unmapped, "element")).containsEntry("id", REVIEW).containsEntry("name", "Review case");
        });
        assertThat(list(generated, "targetElements")).extracting(element -> element.get("name"))
                .contains("Assess case", "Confirm case");

        Map<String, Object> adjusted = manager.postJson(API + "/plan", request(v1, v2, Map.of(REVIEW, ASSESS))).json();
        assertThat(adjusted).containsEntry("ready", true);
        assertThat(list(adjusted, "unmapped")).isEmpty();
        assertThat(list(adjusted, "instructions")).filteredOn(i -> REVIEW.equals(map(i, "source").get("id")))
                .singleElement().satisfies(instruction -> {
                    assertThat(instruction).containsEntry("generated", false);
                    assertThat(map(instruction, "target")).containsEntry("id", ASSESS).containsEntry("name", "Assess case");
                });

        RawApi.Answer started = manager.postJson(API, request(v1, v2, Map.of(REVIEW, ASSESS)));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        Map<String, Object> progress = awaitFinished(manager, (String) started.json().get("batchId"));
        assertThat(progress).containsEntry("total", 1).containsEntry("done", 1).containsEntry("failed", 0);

        assertThat(history.createUserOperationLogQuery().operationType("Migrate").userId("manager")
                .processDefinitionId(v1.getId()).count()).isPositive();
        TestPlaybooks.assertMovedToVersion2(engine, waiting, variables);
    }

    @Test
    void shouldRefuseAnalystsAndModelers_onEveryPath_andMoveNothing() {
        TestPlaybooks.WaitingCase waiting = TestPlaybooks.waitingCase(engine, Map.of());
        ProcessDefinition v1 = waiting.v1();
        String caseId = waiting.caseId();
        Map<String, Object> request = request(v1, waiting.v2(), Map.of(REVIEW, ASSESS));

        for (String user : List.of("analyst", "modeler")) {
            RawApi as = RawApi.as(http, user);
            List<RawApi.Answer> attempts = List.of(as.get(API + "/definitions"), as.postJson(API + "/plan", request),
                    as.postJson(API, request), as.get(API + "/some-batch"));
            assertThat(attempts).allSatisfy(answer -> {
                assertThat(answer.status()).as(user + ": " + answer).isEqualTo(403);
                assertThat(answer.isProblem()).isTrue();
            });
        }
        // nor may a manager go around the API to the engine's own migration
        RawApi.Answer engine = RawApi.as(http, "manager").postJson("/engine-rest/migration/execute", Map.of(
                "migrationPlan", Map.of("sourceProcessDefinitionId", v1.getId(), "targetProcessDefinitionId",
                        waiting.v2().getId(),
                        "instructions", List.of(Map.of("sourceActivityIds", List.of(REVIEW),
                                "targetActivityIds", List.of(ASSESS)))),
                "processInstanceIds", List.of(caseId)));
        assertThat(engine.status()).as(engine.toString()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId())
                .isEqualTo(v1.getId());
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        String key = TestPlaybooks.newKey();
        ProcessDefinition v1 = TestPlaybooks.deploy(engine, key, 1);
        ProcessDefinition v2 = TestPlaybooks.deploy(engine, key, 2);
        ProcessDefinition other = TestPlaybooks.deploy(engine, TestPlaybooks.newKey(), 1);
        RawApi manager = RawApi.as(http, "manager");

        Map<String, Map<String, Object>> refused = new LinkedHashMap<>();
        refused.put("sourceDefinitionId", request(null, v2, null));
        refused.put("targetDefinitionId", Map.of("sourceDefinitionId", v1.getId(), "targetDefinitionId", "no-such:1:x"));
        refused.put("targetDefinitionId ", request(v1, v1, null));
        refused.put("targetDefinitionId  ", request(v1, other, null));
        // a process managers may not read is, for them, not there
        String hiddenKey = TestPlaybooks.newKey();
        TestPlaybooks.deployAs(engine, "admin", List.of(Groups.ADMINS), hiddenKey, 1);
        String hidden = repository.createProcessDefinitionQuery().processDefinitionKey(hiddenKey).singleResult().getId();
        refused.put("sourceDefinitionId ", Map.of("sourceDefinitionId", hidden, "targetDefinitionId", v2.getId()));
        assertThat(manager.get(API + "/definitions").jsonList()).extracting(d -> d.get("definitionId"))
                .contains(v1.getId()).doesNotContain(hidden);
        assertThat(RawApi.as(http, "admin").get(API + "/definitions").jsonList()).extracting(d -> d.get("definitionId"))
                .contains(hidden);
        refused.put("mappings.EndEvent_CaseDone", request(v1, v2, Map.of("EndEvent_CaseDone", ASSESS)));
        refused.put("mappings.Task_Unknown", request(v1, v2, Map.of("Task_Unknown", ASSESS)));
        refused.put("mappings." + REVIEW, request(v1, v2, Map.of(REVIEW, "Task_NotInTarget")));
        refused.put("mappings." + REVIEW + " ", request(v1, v2, Map.of(REVIEW, "EndEvent_CaseDone")));
        refused.forEach((field, body) -> {
            RawApi.Answer answer = manager.postJson(API + "/plan", body);
            assertThat(answer.status()).as(field + ": " + answer).isEqualTo(400);
            assertThat(answer.errorFields()).as(answer.toString()).containsExactly(field.trim());
        });

        // nothing runs on version 1, and version 1 to 2 without a mapping leaves nothing unmapped but nothing to move
        RawApi.Answer nothingToMove = manager.postJson(API, request(v1, v2, Map.of(REVIEW, ASSESS)));
        assertThat(nothingToMove.status()).as(nothingToMove.toString()).isEqualTo(400);
        assertThat(nothingToMove.errorFields()).containsExactly("sourceDefinitionId");
        runtime.startProcessInstanceById(v1.getId());
        RawApi.Answer unmapped = manager.postJson(API, request(v1, v2, null));
        assertThat(unmapped.status()).as(unmapped.toString()).isEqualTo(400);
        assertThat(unmapped.errorFields()).containsExactly("mappings");
        assertThat((String) unmapped.json().get("detail")).contains("Review case");

        assertThat(manager.post(API + "/plan", "{\"sourceDefinitionId\": 1}").status()).isEqualTo(400);
        assertThat(manager.post(API + "/plan", "{\"unknown\": \"x\"}").status()).isEqualTo(400);
        RawApi.Answer noBatch = manager.get(API + "/no-such-batch");
        assertThat(noBatch.status()).isEqualTo(404);
        assertThat(noBatch.isProblem()).isTrue();
    }

    private static Map<String, Object> request(ProcessDefinition source, ProcessDefinition target,
                                               Map<String, String> mappings) {
        Map<String, Object> request = new HashMap<>();
        request.put("sourceDefinitionId", source == null ? null : source.getId());
        request.put("targetDefinitionId", target.getId());
        if (mappings != null) {
            request.put("mappings", mappings);
        }
        return request;
    }

    private static Map<String, Object> awaitFinished(RawApi user, String batchId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            RawApi.Answer answer = user.get(API + "/" + batchId);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            if (Boolean.TRUE.equals(answer.json().get("finished")) || Instant.now().isAfter(deadline)) {
                return answer.json();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String name) {
        return (List<Map<String, Object>>) json.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> json, String name) {
        return (Map<String, Object>) json.get(name);
    }
}
