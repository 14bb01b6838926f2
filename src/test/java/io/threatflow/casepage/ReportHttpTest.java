package io.threatflow.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.access.Groups;
import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.InventoryService;
import io.threatflow.inventory.NetworkState;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawCodes;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code GET /api/threats/{id}/report} over real HTTP on a case that ran to its end: HTML, Markdown and PDF by the
 * {@code Accept} header, each with what was reported and by whom, the severity and why, the decisions with who took
 * them, the actions, the service levels and the lessons learned; 406 for other formats, 403 for who may not read
 * the register.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportHttpTest {

    static final String TITLE = "Fake CVE <b>patched</b> on report-closed-01";

    @Autowired
    TestRestTemplate http;
    @Autowired
    InventoryService inventory;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    String threatId;

    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    void closedCase() {
        inventory.add(new Asset(null, "report-closed-01.corp", "10.99.16.1", "Ubuntu", "24.04", true, NetworkState.CONNECTED,
                Criticality.MEDIUM, "hr-it", true, false, false, false, Set.of(443), Set.of(), Set.of(), false, Set.of()));
        ApiClient analyst = new ApiClient(http, "analyst");
        threatId = analyst.report(Map.of("title", TITLE, "type", "VULNERABILITY", "asset", "report-closed-01.corp",
                "cve", "CVE-2099-16001", "severity", "MEDIUM", "description", "Scanner found an old library",
                "source", "report-scanner"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", false, "severity", "MEDIUM", "triageNotes", "real, seen by two scanners"));
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "outdated package", "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));
        analyst.submit(analyst.awaitTask(threatId, "Task_ConfirmClosure"), Map.of("lessonsLearned", "patch sooner"));
        analyst.awaitClosed(threatId, "ELIMINATED");
    }

    @Test
    void shouldWriteTheReportAsHtml() {
        Answer answer = get("analyst", "text/html");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.text()).contains("Post-incident report: Fake CVE &lt;b&gt;patched&lt;/b&gt; on report-closed-01")
                .doesNotContain("<b>patched</b>")
                .contains("Scanner found an old library", "Reported by", "analyst", "Severity and why",
                        "Reported as medium by analyst", "Decisions", "Triage", "real, seen by two scanners",
                        "Investigation", "Eliminate it: patch the software", "outdated package", "Patch the software (eradication)",
                        "Service levels", "Resolution", "Lessons learned", "patch sooner", "Eliminated");
        assertThat(RawCodes.in(answer.text().replace("\\_", "_")))
                .as(answer.text()).isEmpty();
    }

    @Test
    void shouldWriteTheReportAsMarkdown() {
        Answer answer = get("manager", "text/markdown");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/markdown");
        assertThat(answer.text()).startsWith("# Post-incident report: Fake CVE \\<b\\>patched\\<\\/b\\> on report-closed-01"
                        .replace("\\/", "/"))
                .contains("## Severity and why", "## Decisions", "| Triage | analyst |", "real, seen by two scanners",
                        "## Service levels", "## Timeline", "## Actions", "## Lessons learned", "patch sooner");
        assertThat(RawCodes.in(answer.text().replace("\\_", "_")))
                .as(answer.text()).isEmpty();
    }

    @Test
    void shouldWriteTheReportAsPdfWithTextAndTheTitle() throws IOException {
        Answer answer = get("admin", "application/pdf");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(answer.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Post-incident report", "Fake CVE <b>patched</b> on report-closed-01",
                    "Lessons learned", "patch sooner", "real, seen by two scanners");
        }
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"", "*/*", "text/*", "application/json;q=0.5, text/html", "text/markdown;q=0.2, text/html;q=0.9"})
    void shouldWriteHtml_whenTheClientTakesIt(String accept) {
        Answer answer = get("analyst", accept);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
    }

    @Test
    void shouldPreferWhatTheClientRanksHigher() {
        assertThat(get("analyst", "text/html;q=0.3, application/pdf").contentType()).isEqualTo("application/pdf");
        assertThat(get("analyst", "text/html;q=0.3, text/markdown;q=0.8").contentType()).startsWith("text/markdown");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/json", "image/png", "application/xml, text/csv", "text/html;q=0"})
    void shouldRefuseOtherFormatsAsNotAcceptable(String accept) {
        Answer answer = get("analyst", accept);

        assertThat(answer.status()).as(answer.text()).isEqualTo(406);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text()).contains("text/html, text/markdown or application/pdf");
    }

    @ParameterizedTest(name = "?format={0}")
    @CsvSource({"pdf, application/pdf", "markdown, text/markdown", "html, text/html", "PDF, application/pdf"})
    void shouldWriteTheFormatALinkNames_overTheAcceptHeader(String format, String contentType) {
        Answer answer = get("analyst", "/api/threats/" + threatId + "/report?format=" + format, "text/html");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith(contentType);
    }

    @Test
    void shouldRefuseAFormatItDoesNotWrite_namingTheParameter() {
        Answer answer = get("analyst", "/api/threats/" + threatId + "/report?format=docx", "");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text()).contains("\"field\":\"format\"", "must be html, markdown or pdf");
    }

    @Test
    void shouldRefuseAnAcceptHeaderThatIsNoListOfMediaTypes() {
        Answer answer = get("analyst", "not a media type");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text()).contains("\"field\":\"Accept\"");
    }

    @Test
    void shouldRefuseTheReportToWhoeverMayNotReadTheRegister() {
        for (String user : new String[] {"modeler", TestUsers.create(identity, "reportscraper", Groups.MONITORING)}) {
            Answer answer = get(user, "text/html");

            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.text()).doesNotContain("patched");
        }
    }

    @Test
    void shouldAnswerNotFound_forAnUnknownThreat() {
        Answer answer = get("analyst", "/api/threats/no-such-threat/report", "text/html");

        assertThat(answer.status()).as(answer.text()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldRefuseAnonymousCalls() {
        RawApi.Answer answer = RawApi.anonymous(http).get("/api/threats/" + threatId + "/report");

        assertThat(answer.status()).isEqualTo(401);
    }

    private Answer get(String user, String accept) {
        return get(user, "/api/threats/" + threatId + "/report", accept);
    }

    private Answer get(String user, String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
