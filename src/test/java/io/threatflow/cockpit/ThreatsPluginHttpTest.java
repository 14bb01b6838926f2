package io.threatflow.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threatflow.kpi.KpiService;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.WebappSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The "Threats" Cockpit plugin's API over real HTTP with real webapp sessions: who may read the KPIs and a
 * case's timeline, what the window parameter accepts, and that every refusal is a problem, not a trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ThreatsPluginHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    KpiService kpis;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @LocalServerPort
    int port;

    ApiClient analyst;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
    }

    @Test
    void shouldServeThePluginFrontendToCockpit() {
        RawApi.Answer script = WebappSession.anonymous(port).plugin("static/app/plugin.js");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).contains("cockpit.navigation", "cockpit.route", "cockpit.dashboard",
                "cockpit.processInstance.runtime.tab");
    }

    @ParameterizedTest(name = "without a session: {0}")
    @ValueSource(strings = {"default/kpis", "default/kpis?days=7", "default/process-instance/x/timeline"})
    void shouldRefuseCallsWithoutWebappSession(String path) {
        RawApi.Answer answer = WebappSession.anonymous(port).plugin(path);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void shouldGiveManagersTheKpiReportOfTheLastThirtyDays_whenNoWindowIsGiven() {
        analyst.report(Map.of("title", "SMB open on plugin-kpi-01", "type", "EXPOSED_SERVICE",
                "asset", "plugin-kpi-01.corp", "port", 445));

        WebappSession manager = WebappSession.login(port, "manager", "cockpit");

        // a case of an earlier test may move on between answer and report: then ask again
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            RawApi.Answer answer = manager.plugin("default/kpis");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonNode shown = json.readTree(answer.body());
            Instant from = Instant.parse(shown.get("from").asText());
            Instant to = Instant.parse(shown.get("to").asText());
            assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(30));
            assertThat(to).isBetween(Instant.now().minusSeconds(60), Instant.now());
            assertThat(shown.at("/overall/reported").asLong()).isPositive();
            assertThat(withoutGeneratedAt(shown))
                    .isEqualTo(withoutGeneratedAt(json.readTree(json.writeValueAsString(kpis.report(from, to)))));
        });
    }

    @ParameterizedTest(name = "{0} in {1}: last {2} days")
    @CsvSource({"manager,cockpit,7", "manager,cockpit,90", "admin,cockpit,1", "admin,cockpit,366"})
    void shouldGiveManagersAndAdministratorsTheKpisOfTheWindowTheyChose(String user, String app, int days) throws Exception {
        RawApi.Answer answer = WebappSession.login(port, user, app).plugin("default/kpis?days=" + days);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode shown = json.readTree(answer.body());
        assertThat(Duration.between(Instant.parse(shown.get("from").asText()), Instant.parse(shown.get("to").asText())))
                .isEqualTo(Duration.ofDays(days));
        assertThat(shown.at("/bySeverity").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("CRITICAL", "HIGH", "MEDIUM", "LOW");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"analyst,tasklist", "modeler,cockpit"})
    void shouldRefuseKpisToAnyoneButManagersAndAdministrators(String user, String app) {
        RawApi.Answer answer = WebappSession.login(port, user, app).plugin("default/kpis?days=7");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json()).containsEntry("status", 403).containsEntry("title", "Not allowed");
        assertThat((String) answer.json().get("detail")).contains("managers");
    }

    @ParameterizedTest(name = "days={0}")
    @ValueSource(strings = {"abc", "0", "-7", "367", "1.5", "7d", "99999999999"})
    void shouldRefuseAWindowThatIsNoWholeNumberOfDaysUpToAYear(String days) {
        RawApi.Answer answer = WebappSession.login(port, "manager", "cockpit").plugin("default/kpis?days=" + days);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.errorFields()).containsExactly("days");
        assertThat((String) answer.json().get("detail")).isEqualTo("days: must be a whole number of days from 1 to 366");
    }

    @Test
    void shouldShowTheTimelineOfACase_toManagersAndAnalysts() {
        String threatId = analyst.report(Map.of("title", "<b>Telnet</b> open on plugin-timeline-01", "type",
                "EXPOSED_SERVICE", "asset", "plugin-timeline-01.corp", "port", 23, "severity", "HIGH"));
        analyst.awaitTask(threatId, "Task_TriageThreat");
        String processInstanceId = (String) analyst.threat(threatId).get("processInstanceId");

        for (WebappSession session : List.of(WebappSession.login(port, "manager", "cockpit"),
                WebappSession.login(port, "analyst", "tasklist"))) {
            RawApi.Answer answer = session.plugin("default/process-instance/" + processInstanceId + "/timeline");

            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            Map<String, Object> timeline = answer.json();
            assertThat(timeline).containsEntry("processInstanceId", processInstanceId)
                    .containsEntry("processDefinitionKey", "threat-remediation");
            assertThat(timeline.get("threat")).isEqualTo(Map.of("threatId", threatId,
                    "title", "<b>Telnet</b> open on plugin-timeline-01", "severity", "HIGH", "status", "OPEN",
                    "dryRun", false));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) timeline.get("entries");
            assertThat(entries).first().satisfies(first -> assertThat(first)
                    .containsEntry("kind", "REPORTED").containsEntry("name", "Threat reported"));
            assertThat(entries).anySatisfy(entry -> assertThat(entry)
                    .containsEntry("kind", "TASK").containsEntry("element", "Task_TriageThreat"));
        }
    }

    @Test
    void shouldShowTheTimelineOfAFinishedCase() {
        String threatId = analyst.report(Map.of("title", "Telnet seen on plugin-closed-01", "type", "EXPOSED_SERVICE",
                "asset", "plugin-closed-01.corp", "port", 23));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", true, "severity", "LOW", "triageNotes", "honeypot"));
        String processInstanceId = (String) analyst.awaitClosed(threatId, "FALSE_POSITIVE").get("processInstanceId");

        RawApi.Answer answer = WebappSession.login(port, "manager", "cockpit")
                .plugin("default/process-instance/" + processInstanceId + "/timeline");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("threat")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", "FALSE_POSITIVE");
        assertThat(answer.body()).contains("EndEvent_FalsePositive");
    }

    @Test
    void shouldRefuseTheTimelineToWhoeverMayNotReadTheCase() {
        String threatId = analyst.report(Map.of("title", "FTP open on plugin-refused-01", "type", "EXPOSED_SERVICE",
                "asset", "plugin-refused-01.corp", "port", 21));
        analyst.awaitTask(threatId, "Task_TriageThreat");
        String processInstanceId = (String) analyst.threat(threatId).get("processInstanceId");

        // modelers may use Cockpit, but read no process instance
        RawApi.Answer answer = WebappSession.login(port, "modeler", "cockpit")
                .plugin("default/process-instance/" + processInstanceId + "/timeline");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).doesNotContain("plugin-refused-01");
    }

    @Test
    void shouldListAcceptedRisks_asTheRiskRegisterDoes_withItsStateFilter() {
        String threatId = analyst.report(Map.of("title", "Telnet open on plugin-risk-01", "type", "EXPOSED_SERVICE",
                "asset", "plugin-risk-01.corp", "port", 23));
        jdbc.sql("""
                insert into risk_acceptance (threat_id, accepted_by, review_date, comment, accepted_at)
                values (?, 'manager', ?, 'segment it', ?)""")
                .params(threatId, java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1),
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(30)).update();
        try {
            WebappSession manager = WebappSession.login(port, "manager", "cockpit");
            RawApi.Answer overdue = manager.plugin("default/risks?state=OVERDUE");
            assertThat(overdue.status()).as(overdue.toString()).isEqualTo(200);
            assertThat(overdue.jsonList()).filteredOn(risk -> threatId.equals(risk.get("threatId"))).singleElement()
                    .satisfies(risk -> assertThat(risk).containsEntry("state", "OVERDUE")
                            .containsEntry("assetName", "plugin-risk-01.corp").containsEntry("comment", "segment it"));
            assertThat(manager.plugin("default/risks?state=ACTIVE").jsonList())
                    .noneMatch(risk -> threatId.equals(risk.get("threatId")));
            assertThat(manager.plugin("default/risks").jsonList()).anyMatch(risk -> threatId.equals(risk.get("threatId")));

            RawApi.Answer bad = manager.plugin("default/risks?state=forgotten");
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertThat(bad.errorFields()).containsExactly("state");
            RawApi.Answer refused = WebappSession.login(port, "modeler", "cockpit").plugin("default/risks");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("plugin-risk-01");
        } finally {
            jdbc.sql("update risk_acceptance set ended_at = accepted_at, ended_as = 'SENT_BACK' where threat_id = ?")
                    .param(threatId).update();
        }
    }

    @Test
    void shouldAnswerNotFound_forAnUnknownProcessInstance() {
        RawApi.Answer answer = WebappSession.login(port, "manager", "cockpit")
                .plugin("default/process-instance/no-such-instance/timeline");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json()).containsEntry("detail", "No process instance with id 'no-such-instance'");
    }

    private static JsonNode withoutGeneratedAt(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("generatedAt");
        return copy;
    }
}
