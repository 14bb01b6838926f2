package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.inventory.InventoryService;
import io.threatflow.inventory.NetworkState;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawApi.Answer;
import io.threatflow.testing.TestAssets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15 over HTTP: the new report fields (CVSS, EPSS, exploit, exposure, ATT&CK) are checked, stored and
 * shown; internet-facing RDP is assessed at least HIGH; a ransomware technique isolates the host before anyone
 * is asked to investigate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ThreatEvidenceHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    InventoryService inventory;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;

    RawApi raw;
    ApiClient analyst;

    @BeforeEach
    void clients() {
        raw = RawApi.as(http, "analyst");
        analyst = new ApiClient(http, "analyst");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cvssScore        | -0.1
            cvssScore        | 10.1
            cvssScore        | "high"
            cvssScore        | true
            epssScore        | 1.5
            epssScore        | -0.01
            epssScore        | "0.2"
            exploitAvailable | "yes"
            exploitAvailable | 1
            internetFacing   | "true"
            internetFacing   | {}
            attackTechniques | "T1486"
            attackTechniques | ["T14"]
            attackTechniques | ["TA0040"]
            attackTechniques | ["T1486; drop table"]
            attackTechniques | [1486]
            attackTechniques | [null]
            """)
    void shouldNameTheField_andRegisterNothing_whenANewFieldIsBad(String field, String value) {
        String asset = "evidence-bad-" + UUID.randomUUID() + ".corp";
        String body = """
                {"title": "Evidence check", "type": "VULNERABILITY", "asset": "%s", "%s": %s}"""
                .formatted(asset, field, value);

        Answer answer = raw.post("/api/threats", body);

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.errorFields()).as("%s", answer).anySatisfy(f -> assertThat(f).startsWith(field));
        assertThat(raw.get("/api/threats?asset=" + asset).json()).containsEntry("total", 0);
    }

    @Test
    void shouldNameAttackTechniques_whenThereAreMoreThanTheRegisterTakes() {
        List<String> many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "T%04d".formatted(1000 + i)).toList();
        Map<String, Object> report = report("evidence-many-" + UUID.randomUUID() + ".corp");
        report.put("attackTechniques", many);

        Answer answer = raw.postJson("/api/threats", report);

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.errorFields()).contains("attackTechniques");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAssessAtLeastHigh_andSayWhy_whenRdpIsExposedToTheInternet_onAnUnknownHost() {
        String host = "evidence-rdp-" + UUID.randomUUID() + ".example.net";
        Map<String, Object> report = new LinkedHashMap<>(Map.of("title", "RDP exposed to the internet",
                "type", "EXPOSED_SERVICE", "asset", host, "port", 3389, "internetFacing", true, "severity", "LOW"));
        report.put("attackTechniques", List.of("t1133", "T1021.001"));
        String threatId = analyst.report(report);

        String triage = analyst.awaitTask(threatId, "Task_TriageThreat");

        Map<String, Object> threat = analyst.threat(threatId);
        assertThat(threat).containsEntry("severity", "HIGH").containsEntry("internetFacing", true)
                .containsEntry("exploitAvailable", false).doesNotContainKey("cvssScore");
        assertThat((List<Map<String, Object>>) threat.get("attackTechniques")).containsExactly(
                Map.of("techniqueId", "T1133", "techniqueName", "External Remote Services", "tacticId", "TA0001",
                        "tacticName", "Initial Access"),
                Map.of("techniqueId", "T1021.001", "techniqueName", "Remote Services: Remote Desktop Protocol",
                        "tacticId", "TA0008", "tacticName", "Lateral Movement"));
        Map<String, Object> form = analyst.get("/engine-rest/task/" + triage + "/form-variables").getBody();
        assertThat(value(form, "ssvcDecision")).isEqualTo("Track");
        assertThat((String) value(form, "severityReasons"))
                .startsWith("Severity: High; SSVC decision: track within the usual timelines.")
                .contains("Set by the rule: the exposed service's floor is high.")
                .contains("- Automatable: Yes, the asset is internet-facing (inventory or report); port 3389 is "
                        + "remote desktop (RDP)")
                .contains("- Mission and well-being impact: Medium, the asset's criticality is medium.")
                .doesNotContain("HIGH", "MEDIUM", "Track*");
        assertThat((String) value(form, "attackSummary"))
                .isEqualTo("T1133 External Remote Services (Initial Access, TA0001)\n"
                        + "T1021.001 Remote Services: Remote Desktop Protocol (Lateral Movement, TA0008)");
        Answer forged = raw.postJson("/engine-rest/task/" + triage + "/submit-form", Map.of("variables", Map.of(
                "falsePositive", Map.of("value", false), "severity", Map.of("value", "LOW"),
                "severityReasons", Map.of("value", "Severity LOW: nothing to see"))));
        assertThat(forged.status()).as("%s", forged).isEqualTo(400);
        assertThat(forged.errorFields()).contains("severityReasons");
        assertThat(value(analyst.get("/engine-rest/task/" + triage + "/form-variables").getBody(), "severityReasons"))
                .asString().startsWith("Severity: High");
        List<Map<String, Object>> timeline = raw.get("/api/threats/" + threatId + "/timeline").jsonList();
        assertThat(timeline.get(0).get("detail")).asString()
                .contains("ATT&CK T1133 External Remote Services (Initial Access, TA0001); T1021.001");
    }

    @Test
    void shouldIsolateTheHostBeforeInvestigation_whenAnOcsfDetectionReportsDataEncryptedForImpact() {
        String host = "evidence-t1486-" + UUID.randomUUID().toString().substring(0, 8);
        inventory.add(TestAssets.asset().hostname(host).buildNew());
        String finding = """
                {"class_uid": 2004, "category_uid": 2, "activity_id": 1, "type_uid": 200401, "severity_id": 3,
                 "time": %d, "metadata": {"version": "1.1.0", "product": {"name": "EDR", "vendor_name": "Test"}},
                 "device": {"hostname": "%s"},
                 "finding_info": {"uid": "%s", "title": "Files being encrypted on %s",
                   "attacks": [{"technique": {"uid": "T1486", "name": "Data Encrypted for Impact"},
                                "tactic": {"uid": "TA0040", "name": "Impact"}}]}}"""
                .formatted(Instant.now().toEpochMilli(), host, UUID.randomUUID(), host);

        Answer reported = raw.post("/api/findings/ocsf", finding);
        assertThat(reported.status()).as("%s", reported).isEqualTo(201);
        String threatId = (String) reported.json().get("threatId");
        assertThat(analyst.threat(threatId)).containsEntry("type", "OTHER");
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false,
                "severity", "MEDIUM"));

        analyst.awaitTask(threatId, "Task_InvestigateThreat");
        assertThat(inventory.findByName(host).orElseThrow().networkState()).isEqualTo(NetworkState.ISOLATED);
        Instant isolatedAt = isolatedAt(threatId);
        HistoricTaskInstance investigation = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(threatId).taskDefinitionKey("Task_InvestigateThreat").singleResult();
        assertThat(isolatedAt).isBefore(investigation.getStartTime().toInstant().plusMillis(1));
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(threatId)
                .taskDefinitionKey("Task_InvestigateThreat").count()).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private Instant isolatedAt(String threatId) {
        Map<String, Object> threat = await().atMost(Duration.ofSeconds(10)).until(() -> analyst.threat(threatId),
                t -> ((List<Map<String, Object>>) t.get("actions")).stream()
                        .anyMatch(a -> "ISOLATE_HOST".equals(a.get("action"))));
        return ((List<Map<String, Object>>) threat.get("actions")).stream()
                .filter(a -> "ISOLATE_HOST".equals(a.get("action")) && "CONTAINMENT".equals(a.get("purpose")))
                .map(a -> Instant.parse((String) a.get("performedAt"))).min(Instant::compareTo).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> formVariables, String name) {
        assertThat(formVariables).as("form variables").containsKey(name);
        return ((Map<String, Object>) formVariables.get(name)).get("value");
    }

    private static Map<String, Object> report(String asset) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", "Evidence probe on " + asset);
        report.put("type", "VULNERABILITY");
        report.put("asset", asset);
        return report;
    }
}
