package io.threatflow.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawCodes;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.WebappSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Threats list, the case page, the report download and the Tasklist "Case" tab's summary over real HTTP with
 * real webapp sessions: who may see them, what the filters accept, and that a page shows words, not codes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CasePagesHttpTest {

    static final String PAGES = "/camunda/api/tasklist/plugin/casefile/default";

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    ApiClient analyst;
    String asset;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
        asset = "pages-" + UUID.randomUUID().toString().substring(0, 8) + ".corp";
    }

    @Test
    void shouldServeThePluginFrontendToTasklist() {
        RawApi.Answer script = WebappSession.anonymous(port)
                .get("/camunda/api/tasklist/plugin/casefile/static/app/plugin.js", "*/*");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("tasklist.task.detail", "tasklist.navbar.action", "label: \"Case\"")
                .doesNotContain("innerHTML");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"analyst,tasklist", "manager,tasklist", "admin,cockpit"})
    void shouldListThreatsFilteredBySeverityAssetCveAndTitle(String user, String app) {
        String log4j = analyst.report(Map.of("title", "Log4Shell on " + asset, "type", "VULNERABILITY", "asset", asset,
                "cve", "CVE-2021-44228", "severity", "CRITICAL"));
        String telnet = analyst.report(Map.of("title", "Telnet <open> on " + asset, "type", "EXPOSED_SERVICE",
                "asset", asset, "port", 23, "severity", "LOW"));
        // the severity is assessed when the case is enriched: read the list once both cases wait at triage
        analyst.awaitTask(log4j, "Task_TriageThreat");
        analyst.awaitTask(telnet, "Task_TriageThreat");
        WebappSession session = WebappSession.login(port, user, app);

        String all = page(session, "/threats?asset=" + asset);
        assertThat(all).contains("Log4Shell on " + asset, "Telnet &lt;open&gt; on " + asset, "2 threats",
                PAGES + "/threats/" + log4j, PAGES + "/threats/" + telnet, "Vulnerability", "Exposed service");
        assertThat(page(session, "/threats?asset=" + asset + "&cve=cve-2021-44228"))
                .contains("Log4Shell").doesNotContain("Telnet").contains("1 threat");
        assertThat(page(session, "/threats?asset=" + asset + "&q=TELNET")).contains("Telnet").doesNotContain("Log4Shell");
        assertThat(page(session, "/threats?asset=" + asset + "&severity=critical&type=vulnerability"))
                .contains("Log4Shell").doesNotContain("Telnet &lt;");
        assertThat(page(session, "/threats?asset=" + asset + "&sla=MET")).contains("0 threats");
        assertThat(RawCodes.in(all)).isEmpty();
    }

    @Test
    void shouldShowTheCasePageWithDecisionsTasksAndLinks() {
        String threatId = analyst.report(Map.of("title", "Unsupported OS on " + asset, "type", "OUTDATED_OS",
                "asset", asset, "description", "Windows <2008> still running"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", false, "severity", "MEDIUM", "triageNotes", "confirmed by <the owner>"));
        String investigation = analyst.awaitTask(threatId, "Task_InvestigateThreat");
        String processInstanceId = (String) analyst.threat(threatId).get("processInstanceId");

        String manager = page(WebappSession.login(port, "manager", "tasklist"), "/threats/" + threatId);
        String analystPage = page(WebappSession.login(port, "analyst", "tasklist"), "/threats/" + threatId);

        for (String html : new String[] {manager, analystPage}) {
            assertThat(html).contains("Unsupported OS on " + asset, "Windows &lt;2008&gt; still running",
                    "Severity and why", "Service levels", "Triage", "confirmed by &lt;the owner&gt;", "Open tasks",
                    "/camunda/app/tasklist/default/#/?task=" + investigation, "Investigate threat", "Timeline",
                    "Outdated operating system", "Download the report (PDF)", PAGES + "/threats/" + threatId
                            + "/report?format=pdf")
                    .doesNotContain("<2008>", "<the owner>");
            assertThat(RawCodes.in(html)).isEmpty();
        }
        assertThat(manager).contains("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId);
        assertThat(analystPage).as("analysts have no Cockpit").doesNotContain("/camunda/app/cockpit/");
    }

    @Test
    void shouldShowAFinishedCaseAndOtherThreatsOnItsAsset() {
        String earlier = analyst.report(Map.of("title", "SMB open on " + asset, "type", "EXPOSED_SERVICE",
                "asset", asset, "port", 445));
        String threatId = analyst.report(Map.of("title", "Telnet seen on " + asset, "type", "EXPOSED_SERVICE",
                "asset", asset, "port", 23));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", true, "severity", "LOW", "triageNotes", "a honeypot"));
        analyst.awaitClosed(threatId, "FALSE_POSITIVE");

        WebappSession session = WebappSession.login(port, "manager", "cockpit");
        String html = page(session, "/threats/" + threatId);

        assertThat(html).contains("False positive", "A false positive: close the case", "a honeypot",
                "Nothing waits for anyone.", "Other threats on " + asset, PAGES + "/threats/" + earlier,
                "Cockpit shows running cases only");
        assertThat(page(session, "/threats?asset=" + asset + "&status=FALSE_POSITIVE")).contains("Telnet seen on");
    }

    @Test
    void shouldLeadFromACockpitInstanceToItsCasePage() {
        String threatId = analyst.report(Map.of("title", "Cockpit link on " + asset, "type", "MALWARE", "asset", asset));
        analyst.awaitTask(threatId, "Task_TriageThreat");
        String processInstanceId = (String) analyst.threat(threatId).get("processInstanceId");

        RawApi.Answer manager = WebappSession.login(port, "manager", "cockpit")
                .get(PAGES + "/process-instance/" + processInstanceId, "text/html");
        RawApi.Answer modeler = WebappSession.login(port, "modeler", "cockpit")
                .get(PAGES + "/process-instance/" + processInstanceId, "text/html");
        RawApi.Answer unknown = WebappSession.login(port, "manager", "cockpit")
                .get(PAGES + "/process-instance/no-such-instance", "text/html");

        assertThat(manager.status()).isEqualTo(303);
        assertThat(manager.header("Location")).endsWith(PAGES + "/threats/" + threatId);
        assertThat(modeler.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("No such case");
    }

    @Test
    void shouldDownloadTheReportWithTheSession() {
        String threatId = analyst.report(Map.of("title", "Report download on " + asset, "type", "MALWARE",
                "asset", asset));
        WebappSession session = WebappSession.login(port, "analyst", "tasklist");

        RawApi.Answer pdf = session.get(PAGES + "/threats/" + threatId + "/report?format=pdf", "*/*");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("attachment").contains("-report.pdf");
        assertThat(pdf.body()).startsWith("%PDF");

        RawApi.Answer markdown = session.get(PAGES + "/threats/" + threatId + "/report?format=markdown", "*/*");
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.body()).startsWith("# Post-incident report: Report download on ");

        RawApi.Answer refused = session.get(PAGES + "/threats/" + threatId + "/report?format=docx", "*/*");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("format: must be html, markdown or pdf");
    }

    @Test
    void shouldSummariseTheCaseOfATaskForTheCaseTab() {
        String threatId = analyst.report(Map.of("title", "Case tab on " + asset, "type", "VULNERABILITY",
                "asset", asset, "cve", "CVE-2099-16002"));
        String taskId = analyst.awaitTask(threatId, "Task_TriageThreat");

        RawApi.Answer answer = WebappSession.login(port, "analyst", "tasklist").get(PAGES + "/task/" + taskId,
                "application/json");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("threatId", threatId).containsEntry("title", "Case tab on " + asset)
                .containsEntry("status", "Open").containsEntry("cve", "CVE-2099-16002")
                .containsEntry("casePage", PAGES + "/threats/" + threatId);
    }

    @Test
    void shouldAnswerNotFound_forATaskThatIsNoThreatCaseOrUnknown() {
        RawApi.Answer answer = WebappSession.login(port, "analyst", "tasklist").get(PAGES + "/task/no-such-task",
                "application/json");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void shouldRefuseEverythingWithoutASession() {
        WebappSession anonymous = WebappSession.anonymous(port);
        for (String path : new String[] {"/threats", "/threats/x", "/threats/x/report", "/task/x"}) {
            RawApi.Answer answer = anonymous.get(PAGES + path, "text/html");

            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).doesNotContain("\tat ", "Exception");
        }
    }

    @Test
    void shouldRefuseModelersWhoReadNoCases() {
        String threatId = analyst.report(Map.of("title", "Modeler refused on " + asset, "type", "MALWARE",
                "asset", asset));
        String taskId = analyst.awaitTask(threatId, "Task_TriageThreat");
        WebappSession modeler = WebappSession.login(port, "modeler", "cockpit");

        for (String path : new String[] {"/threats", "/threats/" + threatId, "/threats/" + threatId + "/report"}) {
            RawApi.Answer answer = modeler.get(PAGES + path, "text/html");

            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.body()).as(path).contains("The threat register is for members of analysts, managers")
                    .doesNotContain("Modeler refused");
        }
        RawApi.Answer tab = modeler.get(PAGES + "/task/" + taskId, "application/json");
        assertThat(tab.status()).isEqualTo(403);
        assertThat(tab.isProblem()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "severity=URGENT|severity: must be one of LOW, MEDIUM, HIGH, CRITICAL",
            "status=closed|status: must be one of OPEN, CONTAINED, ELIMINATED, MITIGATED, FALSE_POSITIVE",
            "sla=late|sla: must be one of ON_TRACK, BREACHED, MET",
            "cve=log4shell|cve: must be a CVE id such as CVE-2021-44228",
            "page=-1|page: must be a whole number from 0 to 10000",
            "page=x|page: must be a whole number from 0 to 10000"})
    void shouldRefuseABadFilterNamingIt(String query, String message) {
        RawApi.Answer answer = WebappSession.login(port, "analyst", "tasklist").get(PAGES + "/threats?" + query,
                "text/html");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Check the filter", message);
    }

    @Test
    void shouldAnswerNotFoundInWords_forAnUnknownThreat() {
        RawApi.Answer answer = WebappSession.login(port, "analyst", "tasklist").get(PAGES + "/threats/nope", "text/html");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("No such threat", "No threat with id &#39;nope&#39;");
    }

    private static String page(WebappSession session, String path) {
        RawApi.Answer answer = session.get(PAGES + path, "text/html");
        assertThat(answer.status()).as(path + ": " + answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        return answer.body();
    }
}
