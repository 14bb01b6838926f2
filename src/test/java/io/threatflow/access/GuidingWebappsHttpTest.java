package io.threatflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.WebappSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the webapps offer each role over real HTTP (issue 16 item 4): a page in words where Cockpit or Admin is not
 * open to the user while their API keeps answering problems, "Create task" only for whom the engine allows it, the
 * Cockpit pages a user may open, and the words on a task card.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GuidingWebappsHttpTest {

    private static final String CASEFILE = "/camunda/api/tasklist/plugin/casefile/default";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Test
    void shouldAnswerAPersonInWords_whenCockpitOrAdminIsNotOpenToThem() {
        WebappSession analyst = WebappSession.login(port, "analyst", "tasklist");

        RawApi.Answer cockpit = analyst.get("/camunda/app/cockpit/default/", "text/html");
        assertThat(cockpit.status()).isEqualTo(403);
        assertThat(cockpit.contentType()).startsWith("text/html");
        assertThat(cockpit.body()).contains("ThreatFlow: Cockpit is not open to you", "SOC managers (managers)",
                "Process modelers (modelers)", "Camunda administrators (camunda-admin)",
                "href=\"/camunda/app/tasklist/default/\"").doesNotContain("Security analysts");

        RawApi.Answer admin = analyst.get("/camunda/app/admin/default/", "text/html");
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.body()).contains("ThreatFlow: Admin is not open to you", "Camunda administrators (camunda-admin)")
                .doesNotContain("(managers)");

        // the APIs behind them still answer problems
        RawApi.Answer kpis = analyst.plugin("default/kpis?days=7");
        assertThat(kpis.status()).isEqualTo(403);
        assertThat(kpis.isProblem()).as(kpis.toString()).isTrue();
        RawApi.Answer api = RawApi.as(http, "modeler").get("/api/threats");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.isProblem()).as(api.toString()).isTrue();
    }

    @Test
    void shouldOfferCreateTask_onlyToWhomTheEngineAllowsIt() {
        assertThat(WebappSession.login(port, "analyst", "tasklist").get(CASEFILE + "/offers", "application/json")
                .json()).containsEntry("createTask", false);
        assertThat(WebappSession.login(port, "manager", "tasklist").get(CASEFILE + "/offers", "application/json")
                .json()).containsEntry("createTask", false);
        assertThat(WebappSession.login(port, "admin", "tasklist").get(CASEFILE + "/offers", "application/json")
                .json()).containsEntry("createTask", true);
        assertThat(WebappSession.anonymous(port).get(CASEFILE + "/offers", "application/json").status()).isEqualTo(401);
    }

    @Test
    void shouldOfferCockpitPages_onlyToWhomTheyOpen() {
        assertThat(WebappSession.login(port, "manager", "cockpit").plugin("default/navigation").json())
                .containsEntry("threats", true).containsEntry("risks", true);
        assertThat(WebappSession.login(port, "modeler", "cockpit").plugin("default/navigation").json())
                .containsEntry("threats", false).containsEntry("risks", false);
    }

    @Test
    void shouldMarkAnOverdueTaskInWords() {
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "FTP open on card-http-01", "type", "EXPOSED_SERVICE",
                "asset", "card-http-01.corp", "port", 21, "severity", "MEDIUM"));
        String task = analyst.awaitTask(threatId, "Task_TriageThreat");
        WebappSession session = WebappSession.login(port, "analyst", "tasklist");

        Map<String, Object> onTime = session.get(CASEFILE + "/task/" + task + "/card", "application/json").json();
        assertThat(onTime).containsEntry("threatId", threatId).containsEntry("overdue", false)
                .containsEntry("knownExploited", "Known exploited: no");
        assertThat((String) onTime.get("severity")).startsWith("Severity: ").doesNotContain("MEDIUM", "HIGH");

        RawApi admin = RawApi.as(http, "admin");
        Map<String, Object> stored = admin.get("/engine-rest/task/" + task).json();
        assertThat(admin.put("/engine-rest/task/" + task, Map.of("name", stored.get("name"), "priority",
                stored.get("priority"), "due", "2001-01-01T00:00:00.000+0000")).status()).isEqualTo(204);
        Map<String, Object> late = session.get(CASEFILE + "/task/" + task + "/card", "application/json").json();
        assertThat(late).containsEntry("overdue", true).containsEntry("due", "2001-01-01 00:00 UTC");

        RawApi.Answer foreign = WebappSession.login(port, "modeler", "tasklist")
                .get(CASEFILE + "/task/" + task + "/card", "application/json");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.isProblem()).isTrue();
    }
}
