package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawApi.Answer;
import io.threatflow.threat.ThreatService;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every bad input to the intake is refused over real HTTP with an RFC 9457 problem that names what is wrong,
 * and creates nothing; the API is closed to anonymous callers; markup is data, not HTML.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeValidationHttpTest {

    private static final int ONE_MIB = 1024 * 1024;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ThreatService threats;

    RawApi analyst;
    RawApi anonymous;

    @BeforeEach
    void clients() {
        analyst = RawApi.as(http, "analyst");
        anonymous = RawApi.anonymous(http);
    }

    @Test
    void shouldRefuseMalformedJson() {
        Answer answer = analyst.post("/api/threats", "{\"title\": \"x\", \"type\": \"MALWARE\", \"asset\": ");

        assertProblem(answer, 400);
        assertThat(answer.json().get("detail")).asString().contains("JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "null", "42", "[{\"title\": \"x\"}]"})
    void shouldRefuseBody_whenItIsJsonButNotAnObject(String body) {
        Answer answer = analyst.post("/api/threats", body);

        assertProblem(answer, 400);
        assertThat(answer.json().get("detail")).asString().containsAnyOf("JSON object", "not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "null", "", "{\"title\": "})
    void shouldNameTheBody_whenBodyIsNotAJsonObject(String body) {
        Answer answer = analyst.post("/api/threats", body);

        assertProblem(answer, 400);
        assertThat(answer.errorFields()).containsExactly("body");
    }

    @Test
    void shouldRefuseBody_whenJsonObjectIsFollowedByMoreContent() {
        String report = "{\"title\": \"First\", \"type\": \"MALWARE\", \"asset\": \"intake-validation-trailing.corp\"}";
        String second = "{\"title\": \"Second\", \"type\": \"MALWARE\", \"asset\": \"intake-validation-trailing-2.corp\"}";

        assertProblem(analyst.post("/api/threats", report + second), 400);
        assertProblem(analyst.post("/api/threats", report + "}"), 400);
        assertNothingReportedOn("intake-validation-trailing.corp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"type\": 3", "\"type\": \"3\"", "\"severity\": 1"})
    void shouldNameTheField_whenEnumIsGivenAsNumber(String field) {
        String asset = "intake-validation-ordinal-" + Math.abs(field.hashCode()) + ".corp";
        String body = "{\"title\": \"Ordinal\", \"asset\": \"" + asset + "\", "
                + (field.startsWith("\"type\"") ? field : "\"type\": \"MALWARE\", " + field) + "}";

        assertFieldProblem(analyst.post("/api/threats", body), field.substring(1, field.indexOf('"', 1)));
        assertNothingReportedOn(asset);
    }

    @Test
    void shouldNamePort_whenPortIsFractional() {
        assertFieldProblem(analyst.post("/api/threats", """
                {"title": "Half a port", "type": "EXPOSED_SERVICE", "asset": "intake-validation-float.corp", "port": 8080.7}"""),
                "port");
        assertNothingReportedOn("intake-validation-float.corp");
    }

    @Test
    void shouldNameDetectedAt_whenItIsANumber() {
        assertFieldProblem(analyst.post("/api/threats", """
                {"title": "When?", "type": "MALWARE", "asset": "intake-validation-epoch.corp", "detectedAt": 1706307554000}"""),
                "detectedAt");
        assertNothingReportedOn("intake-validation-epoch.corp");
    }

    /** Whether real systems are touched is never guessed from a string or a number. */
    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "\"false\"", "\"yes\"", "1", "0", "{}", "[true]"})
    void shouldNameDryRun_andRegisterNothing_whenItIsNotAJsonBoolean(String value) {
        String asset = "intake-validation-dry-run-" + Math.abs(value.hashCode()) + ".corp";
        Answer answer = analyst.post("/api/threats", "{\"title\": \"Dry?\", \"type\": \"MALWARE\", \"asset\": \""
                + asset + "\", \"dryRun\": " + value + "}");

        assertFieldProblem(answer, "dryRun");
        assertNothingReportedOn(asset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "type", "asset"})
    void shouldNameTheField_whenRequiredFieldIsMissing(String field) {
        Map<String, Object> report = valid("intake-validation-missing.corp");
        report.remove(field);

        assertFieldProblem(analyst.postJson("/api/threats", report), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "type", "asset"})
    void shouldNameTheField_whenRequiredFieldIsBlank(String field) {
        Map<String, Object> report = valid("intake-validation-blank.corp");
        report.put(field, " \t ");

        assertFieldProblem(analyst.postJson("/api/threats", report), field);
    }

    @Test
    void shouldNameEveryMissingField_whenSeveralAreMissing() {
        Answer answer = analyst.post("/api/threats", "{}");

        assertProblem(answer, 400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("title", "type", "asset");
    }

    @Test
    void shouldListAllowedTypes_whenTypeIsUnknown() {
        Map<String, Object> report = valid("intake-validation-type.corp");
        report.put("type", "ALIENS");

        Answer answer = analyst.postJson("/api/threats", report);

        assertFieldProblem(answer, "type");
        assertThat(answer.json().get("detail")).asString().contains("VULNERABILITY", "EXPOSED_SERVICE", "OUTDATED_OS",
                "MALWARE", "COMPROMISED_ACCOUNT", "OTHER");
    }

    @Test
    void shouldListAllowedSeverities_whenSeverityIsUnknown() {
        Map<String, Object> report = valid("intake-validation-severity.corp");
        report.put("severity", "APOCALYPTIC");

        Answer answer = analyst.postJson("/api/threats", report);

        assertFieldProblem(answer, "severity");
        assertThat(answer.json().get("detail")).asString().contains("LOW", "MEDIUM", "HIGH", "CRITICAL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "\"abc\"", "99999999999", "[80]"})
    void shouldNamePort_whenPortIsOutOfRangeOrNotANumber(String port) {
        String body = """
                {"title": "Port check", "type": "EXPOSED_SERVICE", "asset": "intake-validation-port.corp", "port": %s}"""
                .formatted(port);

        assertFieldProblem(analyst.post("/api/threats", body), "port");
        assertNothingReportedOn("intake-validation-port.corp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CVE-20-1", "foo", "CVE-2024-12", "CVE-2024-1234 ", "2024-3400"})
    void shouldNameCve_whenCveIsMalformed(String cve) {
        Map<String, Object> report = valid("intake-validation-cve.corp");
        report.put("cve", cve);

        Answer answer = analyst.postJson("/api/threats", report);

        assertFieldProblem(answer, "cve");
        assertThat(answer.json().get("detail")).asString().contains("CVE-2024-3400");
        assertNothingReportedOn("intake-validation-cve.corp");
    }

    @Test
    void shouldNameCve_whenItIsLongerThanTheRegisterHolds() {
        Map<String, Object> report = valid("intake-validation-long-cve.corp");
        report.put("cve", "CVE-2024-" + "1".repeat(40));

        Answer answer = analyst.postJson("/api/threats", report);

        assertFieldProblem(answer, "cve");
        assertThat(answer.body()).doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("varchar");
        assertNothingReportedOn("intake-validation-long-cve.corp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "4.5", "true"})
    void shouldNameTitle_whenTitleIsNotAString(String title) {
        String asset = "intake-validation-title-type-" + Math.abs(title.hashCode()) + ".corp";
        Answer answer = analyst.post("/api/threats", """
                {"title": %s, "type": "MALWARE", "asset": "%s"}""".formatted(title, asset));

        assertFieldProblem(answer, "title");
        assertThat(answer.json().get("detail")).asString().contains("string");
        assertNothingReportedOn(asset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"80\"", "\"\"", "true"})
    void shouldNamePort_whenPortIsNotANumber(String port) {
        String asset = "intake-validation-port-type-" + Math.abs(port.hashCode()) + ".corp";
        Answer answer = analyst.post("/api/threats", """
                {"title": "Port as text", "type": "EXPOSED_SERVICE", "asset": "%s", "port": %s}""".formatted(asset, port));

        assertFieldProblem(answer, "port");
        assertNothingReportedOn(asset);
    }

    @Test
    void shouldNameTheUnknownField_andListTheKnownOnes() {
        Answer answer = analyst.post("/api/threats", """
                {"title": "Typo", "type": "MALWARE", "asset": "intake-validation-unknown.corp", "severty": "HIGH"}""");

        assertFieldProblem(answer, "severty");
        assertThat(answer.json().get("detail")).asString().contains("severity", "sourceRef");
        assertNothingReportedOn("intake-validation-unknown.corp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "asset", "source", "sourceRef", "description"})
    void shouldNameTheField_whenItHoldsANulCharacter(String field) {
        String asset = "intake-validation-nul-" + field.toLowerCase() + ".corp";
        Map<String, Object> report = valid(asset);
        report.put(field, field.equals("asset") ? asset + "\u0000" : "before\u0000after");

        assertFieldProblem(analyst.postJson("/api/threats", report), field);
        assertNothingReportedOn(asset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001b[31mred", "bell\u0007", "del\u007f", "next line\u0085", "two\nlines", "cr\rlf"})
    void shouldNameTitle_whenItHoldsAControlCharacter(String title) {
        Map<String, Object> report = valid("intake-validation-control.corp");
        report.put("title", title);

        assertFieldProblem(analyst.postJson("/api/threats", report), "title");
        assertNothingReportedOn("intake-validation-control.corp");
    }

    @Test
    void shouldKeepLineBreaksAndTabsOfADescription_butRefuseEscape() {
        Map<String, Object> report = valid("intake-validation-multiline.corp");
        report.put("title", "\t Multi-line description \r\n");
        report.put("description", "first line\r\n\tindented second line\n");

        Answer created = analyst.postJson("/api/threats", report);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(threats.get((String) created.json().get("threatId")).description())
                .isEqualTo("first line\r\n\tindented second line\n");
        report.put("description", "colour \u001b[31mred");
        assertFieldProblem(analyst.postJson("/api/threats", report), "description");
    }

    @Test
    void shouldRequirePort_whenThreatIsAnExposedService() {
        Answer answer = analyst.post("/api/threats", """
                {"title": "Something listens", "type": "EXPOSED_SERVICE", "asset": "intake-validation-noport.corp"}""");

        assertFieldProblem(answer, "port");
        assertThat(answer.json().get("detail")).asString().contains("EXPOSED_SERVICE");
        assertNothingReportedOn("intake-validation-noport.corp");
    }

    @Test
    void shouldNameTitle_whenTitleIsLongerThan200Characters() {
        Map<String, Object> report = valid("intake-validation-title.corp");
        report.put("title", "t".repeat(201));

        assertFieldProblem(analyst.postJson("/api/threats", report), "title");
        assertNothingReportedOn("intake-validation-title.corp");
    }

    @Test
    void shouldAcceptTitleOfExactly200Characters() {
        Map<String, Object> report = valid("intake-validation-title-200.corp");
        report.put("title", "t".repeat(200));

        Answer answer = analyst.postJson("/api/threats", report);

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(analyst.get("/api/threats/" + answer.json().get("threatId")).json().get("title"))
                .isEqualTo("t".repeat(200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yesterday\"", "\"2026-13-45T99:00:00Z\"", "\"27.11.2026 08:15\"", "{}", "[2026]"})
    void shouldNameDetectedAt_whenItIsNotATimestamp(String detectedAt) {
        String asset = "intake-validation-time-" + Math.abs(detectedAt.hashCode()) + ".corp";
        String body = """
                {"title": "When?", "type": "MALWARE", "asset": "%s", "detectedAt": %s}""".formatted(asset, detectedAt);

        assertFieldProblem(analyst.post("/api/threats", body), "detectedAt");
        assertNothingReportedOn(asset);
    }

    /** Before: +999999999-12-31T23:59:59Z was accepted and stored as -169108099-06-29. */
    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "2999-01-01T00:00:00Z"})
    void shouldNameDetectedAt_whenItIsBefore1970OrMoreThanADayAhead(String detectedAt) {
        String asset = "intake-validation-time-range-" + Math.abs(detectedAt.hashCode()) + ".corp";
        Answer answer = analyst.post("/api/threats", """
                {"title": "When?", "type": "MALWARE", "asset": "%s", "detectedAt": "%s"}""".formatted(asset, detectedAt));

        assertFieldProblem(answer, "detectedAt");
        assertThat(answer.json().get("detail")).asString().contains("1970-01-01T00:00:00Z");
        assertNothingReportedOn(asset);
    }

    @Test
    void shouldAcceptDetectedAtFrom1970ToOneDayAhead() {
        String soon = java.time.Instant.now().plus(java.time.Duration.ofHours(20)).toString();
        for (String detectedAt : new String[] {"1970-01-01T00:00:00Z", soon}) {
            String asset = "intake-validation-time-ok-" + Math.abs(detectedAt.hashCode()) + ".corp";
            Answer answer = analyst.post("/api/threats", """
                    {"title": "When?", "type": "MALWARE", "asset": "%s", "detectedAt": "%s"}""".formatted(asset, detectedAt));

            assertThat(answer.status()).as("%s: %s", detectedAt, answer).isEqualTo(201);
        }
    }

    @Test
    void shouldNameReportedSince_whenItIsOutOfRange() {
        assertFieldProblem(analyst.get("/api/threats?reportedSince=%2B999999999-12-31T23:59:59Z"), "reportedSince");
        assertFieldProblem(analyst.get("/api/threats?reportedSince=-999999999-01-01T00:00:00Z"), "reportedSince");
    }

    @Test
    void shouldRefuseBodyOverOneMebibyte_whenContentLengthIsDeclared() {
        byte[] body = oversizedReport("intake-validation-huge.corp");

        Answer answer = analyst.post("/api/threats", "application/json", body);

        assertProblem(answer, 413);
        assertNothingReportedOn("intake-validation-huge.corp");
    }

    @Test
    void shouldRefuseBodyOverOneMebibyte_whenItIsSentChunked() {
        byte[] body = oversizedReport("intake-validation-huge-chunked.corp");

        Answer answer = analyst.postChunked("/api/threats", "application/json", body);

        assertProblem(answer, 413);
        assertNothingReportedOn("intake-validation-huge-chunked.corp");
    }

    @Test
    void shouldAcceptChunkedBody_whenItIsWithinTheLimit() {
        byte[] body = """
                {"title": "Chunked report", "type": "MALWARE", "asset": "intake-validation-chunked.corp"}"""
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = analyst.postChunked("/api/threats", "application/json", body);

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(analyst.get("/api/threats?asset=intake-validation-chunked.corp").json()).containsEntry("total", 1);
    }

    @Test
    void shouldRefuseOversizedOcsfBatch() {
        Answer answer = analyst.post("/api/findings/ocsf", "application/json", oversizedReport("intake-validation-ocsf.corp"));

        assertProblem(answer, 413);
    }

    @Test
    void shouldAnswerUnsupportedMediaTypeAsProblem_whenBodyIsTextPlain() {
        Answer answer = analyst.post("/api/threats", "text/plain",
                "{\"title\": \"x\", \"type\": \"MALWARE\", \"asset\": \"intake-validation-text.corp\"}"
                        .getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 415);
        assertNothingReportedOn("intake-validation-text.corp");
    }

    @Test
    void shouldAnswerUnsupportedMediaTypeAsProblem_whenOcsfBodyIsFormEncoded() {
        Answer answer = analyst.post("/api/findings/ocsf", "application/x-www-form-urlencoded",
                "class_uid=2004".getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 415);
    }

    @Test
    void shouldNameStatus_whenStatusFilterIsUnknown() {
        Answer answer = analyst.get("/api/threats?status=NOPE");

        assertFieldProblem(answer, "status");
        assertThat(answer.json().get("detail")).asString().contains("OPEN", "FALSE_POSITIVE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=500", "size=0", "page=-1", "size=abc", "severity=SEVERE", "type=VIRUS",
            "reportedSince=yesterday"})
    void shouldNameTheParameter_whenSearchParameterIsInvalid(String query) {
        String parameter = query.substring(0, query.indexOf('='));

        assertFieldProblem(analyst.get("/api/threats?" + query), parameter);
    }

    @Test
    void shouldAnswerNotFound_whenThreatIsUnknown() {
        Answer threat = analyst.get("/api/threats/00000000-0000-0000-0000-000000000000");
        Answer timeline = analyst.get("/api/threats/00000000-0000-0000-0000-000000000000/timeline");

        assertProblem(threat, 404);
        assertThat(threat.json().get("detail")).asString().contains("00000000-0000-0000-0000-000000000000");
        assertProblem(timeline, 404);
    }

    @Test
    void shouldRefuseAnonymousCallers() {
        String report = "{\"title\": \"x\", \"type\": \"MALWARE\", \"asset\": \"intake-validation-anonymous.corp\"}";

        assertProblem(anonymous.post("/api/threats", report), 401);
        assertProblem(anonymous.get("/api/threats"), 401);
        assertProblem(anonymous.get("/api/threats/00000000-0000-0000-0000-000000000000/timeline"), 401);
        assertProblem(anonymous.post("/api/findings/ocsf", "{\"class_uid\": 2004}"), 401);
        Answer docs = anonymous.get("/v3/api-docs");
        assertProblem(docs, 401);
        assertThat(docs.header("WWW-Authenticate")).startsWith("Basic");
        assertNothingReportedOn("intake-validation-anonymous.corp");
    }

    @Test
    void shouldStoreAndReturnMarkupInTitleVerbatim() {
        String title = "<img src=x onerror=alert(1)> <script>alert('xss')</script> & \"quotes\"";
        String description = "<script>alert('xss')</script> & \"quotes\" </textarea><b>bold</b>";
        Map<String, Object> report = valid("intake-validation-markup.corp");
        report.put("title", title);
        report.put("description", description);

        Answer created = analyst.postJson("/api/threats", report);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String threatId = (String) created.json().get("threatId");
        Answer threat = analyst.get("/api/threats/" + threatId);

        assertThat(threat.contentType()).startsWith("application/json");
        assertThat(threat.json()).containsEntry("title", title);
        assertThat(threat.body()).doesNotContain("&lt;", "&gt;", "&amp;", "\\u003c");
        Answer listed = analyst.get("/api/threats?asset=intake-validation-markup.corp");
        assertThat(listed.jsonItems()).singleElement().satisfies(item -> assertThat(item).containsEntry("title", title));
        assertThat(threats.get(threatId).description()).as("description as stored").isEqualTo(description);
    }

    @Test
    void shouldReturnMarkupInDescriptionVerbatim() {
        String description = "<script>alert('xss')</script> & \"quotes\" </textarea><b>bold</b>";
        Map<String, Object> report = valid("intake-validation-markup-description.corp");
        report.put("description", description);

        Answer created = analyst.postJson("/api/threats", report);
        assertThat(created.status()).as("%s", created).isEqualTo(201);

        assertThat(analyst.get("/api/threats/" + created.json().get("threatId")).json())
                .containsEntry("description", description);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeTheIntakeApi_whenOpenApiIsAskedWithCredentials() {
        Answer docs = analyst.get("/v3/api-docs");

        assertThat(docs.status()).as("%s", docs).isEqualTo(200);
        assertThat(docs.contentType()).startsWith("application/json");
        Map<String, Object> openApi = docs.json();
        assertThat(String.valueOf(openApi.get("openapi"))).startsWith("3.");
        Map<String, Object> paths = (Map<String, Object>) openApi.get("paths");
        assertThat(paths).containsKeys("/api/threats", "/api/threats/{threatId}", "/api/threats/{threatId}/timeline",
                "/api/findings/ocsf");
        assertThat((Map<String, Object>) paths.get("/api/threats")).containsKeys("get", "post");
        Map<String, Object> report = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                openApi.get("components")).get("schemas")).get("ThreatReport");
        Map<String, Object> severity = (Map<String, Object>) ((Map<String, Object>) report.get("properties")).get("severity");
        assertThat(String.valueOf(severity.get("description"))).startsWith("The reporter's estimate");
    }

    private static Map<String, Object> valid(String asset) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", "Validation probe on " + asset);
        report.put("type", "VULNERABILITY");
        report.put("asset", asset);
        report.put("cve", "CVE-2099-40001");
        report.put("severity", "LOW");
        return report;
    }

    /** A syntactically valid report whose description makes the body just over 1 MiB. */
    private static byte[] oversizedReport(String asset) {
        char[] padding = new char[ONE_MIB];
        Arrays.fill(padding, 'a');
        Map<String, Object> report = new HashMap<>(valid(asset));
        report.put("description", new String(padding));
        try {
            byte[] body = RawApi.JSON.writeValueAsBytes(report);
            assertThat(body.length).isGreaterThan(ONE_MIB).isLessThan(ONE_MIB + 4096);
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNothingReportedOn(String asset) {
        Answer found = analyst.get("/api/threats?asset=" + asset);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).as("threats on %s", asset).containsEntry("total", 0);
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("%s", answer).startsWith("application/problem+json");
        assertThat(answer.json()).as("%s", answer).containsEntry("status", status).containsKey("title");
    }

    private static void assertFieldProblem(Answer answer, String field) {
        assertProblem(answer, 400);
        assertThat(answer.json().get("detail")).as("%s", answer).asString().contains(field);
        assertThat(answer.errorFields()).as("%s", answer).contains(field);
    }
}
