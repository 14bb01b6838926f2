package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawApi.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real OCSF findings (src/test/resources/ocsf, from github.com/ocsf/examples) through
 * {@code POST /api/findings/ocsf}. All Spring tests share one database, so each sample's identities (asset and
 * finding ids) are made unique to this class; everything else is sent as published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeOcsfHttpTest {

    private static final String INSPECTOR_ASSET = "arn:aws:ecr:us-east-2:111111111111:repository/intake-ocsf-test/"
            + "sha256:e9e2afad74f4e80511a5cff33d3d989b9797a718425f27e549f5b1f862c058a8";
    private static final String INSPECTOR_FINDING = "arn:aws:inspector2:us-east-2:111111111111:finding/intake-ocsf-test";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    RawApi analyst;

    @BeforeEach
    void clients() {
        analyst = RawApi.as(http, "analyst");
    }

    @Test
    void shouldOpenVulnerabilityCase_whenInspectorFindingIsReported() throws IOException {
        ObjectNode finding = (ObjectNode) sample("aws-inspector-vulnerability-finding.json");
        ((ObjectNode) finding.path("resource")).put("uid", INSPECTOR_ASSET);
        ((ObjectNode) finding.path("finding_info")).put("uid", INSPECTOR_FINDING);

        Answer answer = analyst.post("/api/findings/ocsf", finding.toString());

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.header("Location")).endsWith("/api/threats/" + answer.json().get("threatId"));
        assertThat(answer.json()).containsEntry("index", 0).containsEntry("result", "created")
                .containsEntry("errors", List.of());
        String threatId = (String) answer.json().get("threatId");
        Map<String, Object> threat = awaitAssessed(threatId);
        assertThat(threat)
                .containsEntry("type", "VULNERABILITY")
                .containsEntry("cve", "CVE-2023-1255")
                .containsEntry("title", "CVE-2023-1255 - openssl")
                .containsEntry("asset", INSPECTOR_ASSET)
                .containsEntry("source", "Amazon Inspector")
                .containsEntry("sourceRef", INSPECTOR_FINDING)
                .containsEntry("reportedSeverity", "MEDIUM")
                // not in CISA KEV, unmanaged asset of medium criticality, reported Medium: the decision keeps MEDIUM
                .containsEntry("severity", "MEDIUM")
                .containsEntry("knownExploited", false)
                .containsEntry("detectedAt", "2024-01-26T22:19:14Z")
                .hasEntrySatisfying("processInstanceId", caseId -> assertThat(caseId).isNotNull());

        Answer again = analyst.post("/api/findings/ocsf", finding.toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).containsEntry("result", "duplicate").containsEntry("threatId", threatId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldOpenOneCasePerFinding_whenSecurityScorecardArrayIsReported_andCorrelateThemWhenSentAgain()
            throws IOException {
        ArrayNode findings = (ArrayNode) sample("ssc-malware-security-finding.json");
        for (int i = 0; i < findings.size(); i++) {
            ObjectNode finding = (ObjectNode) findings.get(i);
            ((ObjectNode) finding.path("resources").get(0)).put("uid", "10.99.2." + (i + 1));
            ObjectNode malware = (ObjectNode) finding.path("malware").get(0);
            malware.put("uid", malware.path("uid").asText() + "-intake-ocsf");
        }

        Answer first = analyst.post("/api/findings/ocsf", findings.toString());

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json()).containsEntry("created", 4).containsEntry("duplicates", 0).containsEntry("rejected", 0);
        List<Map<String, Object>> created = (List<Map<String, Object>>) first.json().get("results");
        assertThat(created).extracting(r -> r.get("index")).containsExactly(0, 1, 2, 3);
        assertThat(created).extracting(r -> r.get("result")).containsOnly("created");
        assertThat(created).extracting(r -> r.get("threatId")).doesNotHaveDuplicates().doesNotContainNull();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> threat = analyst.get("/api/threats/" + created.get(i).get("threatId")).json();
            assertThat(threat).containsEntry("type", "MALWARE").containsEntry("asset", "10.99.2." + (i + 1))
                    .containsEntry("source", "SecurityScorecard Attack Surface Intelligence")
                    .containsEntry("reportedSeverity", "LOW");
        }

        Answer second = analyst.post("/api/findings/ocsf", findings.toString());

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).containsEntry("created", 0).containsEntry("duplicates", 4).containsEntry("rejected", 0);
        List<Map<String, Object>> duplicates = (List<Map<String, Object>>) second.json().get("results");
        assertThat(duplicates).extracting(r -> r.get("result")).containsOnly("duplicate");
        assertThat(duplicates).extracting(r -> r.get("threatId"))
                .containsExactlyElementsOf(created.stream().map(r -> r.get("threatId")).toList());
        for (int i = 1; i <= 4; i++) {
            assertThat(analyst.get("/api/threats?asset=10.99.2." + i).json()).containsEntry("total", 1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRejectOnlyTheBadFindings_whenArrayMixesValidAndInvalid() {
        String batch = """
                [
                  {"class_uid": 2004, "severity_id": 4, "time": 1764230400000,
                   "finding_info": {"uid": "intake-ocsf-mixed-1", "title": "Cobalt Strike beacon"},
                   "device": {"hostname": "intake-ocsf-mixed.corp", "ip": "10.99.3.1"},
                   "malware": [{"name": "CobaltStrike", "classifications": ["Backdoor"]}],
                   "metadata": {"product": {"vendor_name": "Example", "name": "EDR"}}},
                  {"class_uid": 2004, "severity_id": 4,
                   "finding_info": {"uid": "intake-ocsf-mixed-2", "title": "Beacon without a host"},
                   "malware": [{"name": "CobaltStrike"}]},
                  {"class_uid": 9999, "finding_info": {"uid": "intake-ocsf-mixed-3", "title": "Not a finding"},
                   "device": {"hostname": "intake-ocsf-mixed-other.corp"}}
                ]""";

        Answer answer = analyst.post("/api/findings/ocsf", batch);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json()).containsEntry("created", 1).containsEntry("duplicates", 0).containsEntry("rejected", 2);
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.json().get("results");
        assertThat(results).extracting(r -> r.get("index")).containsExactly(0, 1, 2);
        assertThat(results).extracting(r -> r.get("result")).containsExactly("created", "rejected", "rejected");
        assertThat(fields(results.get(1))).containsExactlyInAnyOrder("device.hostname", "device.ip", "resources[0].uid");
        assertThat(results.get(1)).doesNotContainKey("threatId");
        assertThat(results.get(1).get("detail")).asString().contains("asset");
        assertThat(fields(results.get(2))).containsExactly("class_uid");
        assertThat(results.get(2).get("detail")).asString().contains("Finding");
        assertThat(((List<Map<String, Object>>) results.get(2).get("errors")).get(0).get("message")).asString()
                .contains("9999", "2001", "2004");

        Map<String, Object> created = analyst.get("/api/threats/" + results.get(0).get("threatId")).json();
        assertThat(created).containsEntry("title", "Cobalt Strike beacon").containsEntry("type", "MALWARE")
                .containsEntry("asset", "intake-ocsf-mixed.corp").containsEntry("source", "Example EDR")
                .containsEntry("sourceRef", "intake-ocsf-mixed-1").containsEntry("reportedSeverity", "HIGH");
        assertThat(analyst.get("/api/threats?asset=intake-ocsf-mixed-other.corp").json()).containsEntry("total", 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCorrelateWithinTheBatch_whenArrayRepeatsAFinding() {
        String finding = """
                {"class_uid": 2002, "severity_id": 2, "finding_info": {"uid": "intake-ocsf-repeat-1", "title": "Old curl"},
                 "device": {"hostname": "intake-ocsf-repeat.corp"}, "vulnerabilities": [{"cve": {"uid": "CVE-2099-42002"}}],
                 "metadata": {"product": {"name": "Scanner"}}}""";
        String worse = finding.replace("\"severity_id\": 2", "\"severity_id\": 5")
                .replace("intake-ocsf-repeat-1", "intake-ocsf-repeat-2");

        Answer answer = analyst.post("/api/findings/ocsf", "[" + finding + "," + finding + "," + worse + "]");

        assertThat(answer.json()).containsEntry("created", 1).containsEntry("duplicates", 2);
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.json().get("results");
        assertThat(results).extracting(r -> r.get("result")).containsExactly("created", "duplicate", "duplicate");
        assertThat(results).extracting(r -> r.get("threatId")).containsOnly(results.get(0).get("threatId"));
        String threatId = (String) results.get(0).get("threatId");
        assertThat(analyst.get("/api/threats/" + threatId + "/timeline").jsonList())
                .filteredOn(e -> "SIGHTING".equals(e.get("kind"))).hasSize(2);
        assertThat(awaitAssessed(threatId)).containsEntry("severity", "CRITICAL");
    }

    @Test
    void shouldAnswerProblemNamingClassUid_whenSingleFindingIsNotAFindingClass() {
        Answer answer = analyst.post("/api/findings/ocsf", """
                {"class_uid": 4001, "device": {"hostname": "intake-ocsf-network.corp"}}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.errorFields()).containsExactly("class_uid");
        assertThat(analyst.get("/api/threats?asset=intake-ocsf-network.corp").json()).containsEntry("total", 0);
    }

    @Test
    void shouldAnswerProblemNamingTheAssetFields_whenSingleFindingNamesNoAsset() {
        Answer answer = analyst.post("/api/findings/ocsf", """
                {"class_uid": 2002, "finding_info": {"title": "Orphan"},
                 "vulnerabilities": [{"cve": {"uid": "CVE-2099-42001"}}]}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.errorFields()).contains("device.hostname", "device.ip");
    }

    @Test
    void shouldAnswerProblemNamingTheBody_whenItIsNeitherFindingNorArray() {
        for (String body : List.of("\"x\"", "42", "null")) {
            Answer answer = analyst.post("/api/findings/ocsf", body);

            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.errorFields()).as(body).containsExactly("body");
        }
        Answer malformed = analyst.post("/api/findings/ocsf", "[{\"class_uid\": 2004,");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    @Test
    void shouldRejectEveryElement_whenArrayHoldsNoObjects() {
        Answer answer = analyst.post("/api/findings/ocsf", "[1, null, \"x\", []]");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("created", 0).containsEntry("rejected", 4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldStoreEveryFinding_andSaySo_whenAllFindingsOfTheBatchAreGood() {
        String batch = "[" + finding("intake-ocsf-good-1", "CVE-2099-43001") + ","
                + finding("intake-ocsf-good-2", "CVE-2099-43002") + "," + finding("intake-ocsf-good-3", null) + "]";

        Answer answer = analyst.post("/api/findings/ocsf", batch);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json()).containsEntry("created", 3).containsEntry("rejected", 0).containsEntry("failed", 0);
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.json().get("results");
        assertThat(results).extracting(r -> r.get("status")).containsExactly(201, 201, 201);
        for (int i = 1; i <= 3; i++) {
            assertThat(threatsStoredFor("intake-ocsf-good-" + i)).as("finding %d", i)
                    .containsExactly((String) results.get(i - 1).get("threatId"));
        }
    }

    /** Before: the 40-digit CVE failed in the database, the batch answered 500, the first finding was kept, the third lost. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldStoreExactlyTheGoodFindings_andNameTheBadOne_whenAFindingInTheMiddleIsBad() {
        String batch = "[" + finding("intake-ocsf-mid-1", "CVE-2099-43011") + ","
                + finding("intake-ocsf-mid-2", "CVE-2099-" + "4".repeat(40)) + ","
                + finding("intake-ocsf-mid-3", "CVE-2099-43013") + "]";

        Answer answer = analyst.post("/api/findings/ocsf", batch);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json()).containsEntry("created", 2).containsEntry("rejected", 1).containsEntry("failed", 0);
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.json().get("results");
        assertThat(results).extracting(r -> r.get("result")).containsExactly("created", "rejected", "created");
        assertThat(results).extracting(r -> r.get("status")).containsExactly(201, 400, 201);
        assertThat(fields(results.get(1))).containsExactly("vulnerabilities[0].cve.uid");
        assertThat(threatsStoredFor("intake-ocsf-mid-1")).containsExactly((String) results.get(0).get("threatId"));
        assertThat(threatsStoredFor("intake-ocsf-mid-2")).isEmpty();
        assertThat(jdbc.sql("select count(*) from asset where hostname = ?").param("intake-ocsf-mid-2.corp")
                .query(Integer.class).single()).as("no asset registered for the refused finding").isZero();
        assertThat(threatsStoredFor("intake-ocsf-mid-3")).containsExactly((String) results.get(2).get("threatId"));
    }

    @Test
    void shouldAnswerProblemNamingTheCve_whenSingleFindingHasACveLongerThanTheRegisterHolds() {
        Answer answer = analyst.post("/api/findings/ocsf", finding("intake-ocsf-long-cve", "CVE-2099-" + "4".repeat(40)));

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.errorFields()).containsExactly("vulnerabilities[0].cve.uid");
        assertThat(threatsStoredFor("intake-ocsf-long-cve")).isEmpty();
    }

    @Test
    void shouldAnswerProblemNamingTheTime_whenItIsOutOfRange() {
        for (String time : List.of(String.valueOf(Long.MIN_VALUE), String.valueOf(Long.MAX_VALUE), "1" + "0".repeat(30))) {
            Answer answer = analyst.post("/api/findings/ocsf", """
                    {"class_uid": 2004, "time": %s, "finding_info": {"uid": "intake-ocsf-time", "title": "When?"},
                     "device": {"hostname": "intake-ocsf-time.corp"}}""".formatted(time));

            assertThat(answer.status()).as("%s: %s", time, answer).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.errorFields()).containsExactly("time");
        }
        assertThat(threatsStoredFor("intake-ocsf-time")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldStoreEachFindingOnce_andStartOneCaseEach_whenTheSameBatchIsSentConcurrently() throws Exception {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            batch.append(i == 0 ? "" : ",").append(finding("intake-ocsf-race-" + i, "CVE-2099-4410" + i));
        }
        String body = batch.append(']').toString();

        List<Answer> answers = io.threatflow.testing.Race.of(3, i -> analyst.post("/api/findings/ocsf", body));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as("%s", a).isEqualTo(200));
        assertThat(answers).extracting(a -> ((Number) a.json().get("created")).intValue()).as("created in all answers")
                .satisfies(created -> assertThat(created.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10));
        for (int i = 0; i < 10; i++) {
            List<String> stored = threatsStoredFor("intake-ocsf-race-" + i);
            assertThat(stored).as("finding %d", i).hasSize(1);
            int index = i;
            assertThat(answers).extracting(a -> ((List<Map<String, Object>>) a.json().get("results")).get(index)
                    .get("threatId")).as("every answer names the one threat").containsOnly(stored.get(0));
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "select process_instance_id from threat where id = ?").param(stored.get(0)).query(String.class)
                    .optional().isPresent());
            assertThat(jdbc.sql("select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? and PARENT_ID_ is null")
                    .param(stored.get(0)).query(Long.class).single()).as("cases of finding %d", i).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAnArrayOverTheLimit_namingTheLimit_andStoreNothing() {
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(1001,
                finding("intake-ocsf-too-many", "CVE-2099-44200"))) + "]";

        Answer answer = analyst.post("/api/findings/ocsf", tooMany);

        assertThat(answer.status()).as("%s", answer).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("detail")).asString().contains("at most 1000 findings").contains("holds 1001");
        assertThat(answer.errorFields()).containsExactly("body");
        assertThat(threatsStoredFor("intake-ocsf-too-many")).isEmpty();
    }

    /** A vulnerability finding of the given id on host {@code <id>.corp}. */
    private static String finding(String id, String cve) {
        return """
                {"class_uid": 2002, "severity_id": 3, "finding_info": {"uid": "%s", "title": "Finding %s"},
                 "device": {"hostname": "%s.corp"}%s}""".formatted(id, id, id,
                cve == null ? "" : ", \"vulnerabilities\": [{\"cve\": {\"uid\": \"" + cve + "\"}}]");
    }

    private List<String> threatsStoredFor(String sourceRef) {
        return jdbc.sql("select id from threat where source_ref = ?").param(sourceRef).query(String.class).list();
    }

    private Map<String, Object> awaitAssessed(String threatId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> analyst.get("/api/threats/" + threatId).json(), t -> t.get("severity") != null);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("errors")).stream().map(e -> e.get("field")).toList();
    }

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = IntakeOcsfHttpTest.class.getResourceAsStream("/ocsf/" + name)) {
            assertThat(in).as("test resource ocsf/%s", name).isNotNull();
            return RawApi.JSON.readTree(in);
        }
    }
}
