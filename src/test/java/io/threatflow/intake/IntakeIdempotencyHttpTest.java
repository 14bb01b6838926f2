package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.Race;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawApi.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code Idempotency-Key}: a retry with the same key and body gets the first answer again, marked as a replay,
 * and nothing happens twice; the same key with another body is refused; keys belong to one user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeIdempotencyHttpTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Autowired
    TestRestTemplate http;

    RawApi analyst;
    RawApi manager;

    @BeforeEach
    void clients() {
        analyst = RawApi.as(http, "analyst");
        manager = RawApi.as(http, "manager");
    }

    @Test
    void shouldReturnFirstAnswerAgainAndCreateNothing_whenRetriedWithSameKey() {
        String key = key();
        Map<String, Object> report = report("intake-idem-retry.corp");

        Answer first = analyst.postJson("/api/threats", report, KEY, key);
        Answer retry = analyst.postJson("/api/threats", report, KEY, key);
        Answer thirdTry = analyst.postJson("/api/threats", report, KEY, key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.contentType()).startsWith("application/json");
        assertThat(retry.json()).isEqualTo(first.json()).containsEntry("result", "created");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(thirdTry.json()).isEqualTo(first.json());
        String threatId = (String) first.json().get("threatId");
        assertThat(total("intake-idem-retry.corp")).isEqualTo(1);
        assertThat(timelineKinds(threatId)).doesNotContain("SIGHTING");
    }

    @Test
    void shouldReplayTheDuplicateAnswer_whenCorrelatedReportIsRetriedWithSameKey() {
        Map<String, Object> report = report("intake-idem-duplicate.corp");
        Answer created = analyst.postJson("/api/threats", report, KEY, key());
        String key = key();

        Answer duplicate = analyst.postJson("/api/threats", report, KEY, key);
        Answer retry = analyst.postJson("/api/threats", report, KEY, key);

        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.json()).containsEntry("result", "duplicate")
                .containsEntry("threatId", created.json().get("threatId"));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(duplicate.json());
        assertThat(timelineKinds((String) created.json().get("threatId"))).filteredOn("SIGHTING"::equals).hasSize(1);
    }

    @Test
    void shouldCarryOutOnce_whenSameKeyIsSentConcurrently() throws Exception {
        String key = key();
        Map<String, Object> report = report("intake-idem-race.corp");

        List<Answer> answers = Race.of(6, racer -> analyst.postJson("/api/threats", report, KEY, key));

        List<Answer> carriedOut = answers.stream().filter(a -> a.status() == 201 && a.header(REPLAYED) == null).toList();
        assertThat(carriedOut).hasSize(1);
        assertThat(answers).allSatisfy(a -> {
            if (a.status() == 409) {
                assertThat(a.isProblem()).isTrue();
                assertThat(a.errorFields()).containsExactly("Idempotency-Key");
            } else {
                assertThat(a.status()).as("%s", a).isEqualTo(201);
                assertThat(a.json()).isEqualTo(carriedOut.get(0).json());
            }
        });
        assertThat(total("intake-idem-race.corp")).isEqualTo(1);
        assertThat(timelineKinds((String) carriedOut.get(0).json().get("threatId"))).doesNotContain("SIGHTING");
        // once the first is done, a retry is a replay
        assertThat(analyst.postJson("/api/threats", report, KEY, key).header(REPLAYED)).isEqualTo("true");
    }

    @Test
    void shouldTreatReformattedBodyAsTheSameRequest() {
        String key = key();
        Answer first = analyst.post("/api/threats",
                "{\"title\":\"Beacon\",\"type\":\"MALWARE\",\"asset\":\"intake-idem-format.corp\"}", KEY, key);

        Answer retry = analyst.post("/api/threats", """
                {
                  "asset" : "intake-idem-format.corp",
                  "type"  : "MALWARE",
                  "title" : "Beacon"
                }""", KEY, key);

        assertThat(retry.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
    }

    @Test
    void shouldRefuseAndCreateNothing_whenSameKeyComesWithDifferentBody() {
        String key = key();
        Answer first = analyst.postJson("/api/threats", report("intake-idem-mismatch-a.corp"), KEY, key);

        Answer other = analyst.postJson("/api/threats", report("intake-idem-mismatch-b.corp"), KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).as("%s", other).isEqualTo(422);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.json().get("detail")).asString().contains("Idempotency-Key");
        assertThat(other.errorFields()).containsExactly("Idempotency-Key");
        assertThat(other.header(REPLAYED)).isNull();
        assertThat(total("intake-idem-mismatch-b.corp")).isZero();
        // the key still answers its own request
        assertThat(analyst.postJson("/api/threats", report("intake-idem-mismatch-a.corp"), KEY, key).json())
                .isEqualTo(first.json());
    }

    @Test
    void shouldKeepKeysApart_whenAnotherUserSendsTheSameKey() {
        String key = key();
        Map<String, Object> report = report("intake-idem-users.corp");
        Answer analystFirst = analyst.postJson("/api/threats", report, KEY, key);

        Answer managerSameBody = manager.postJson("/api/threats", report, KEY, key);
        Answer managerOtherBody = manager.postJson("/api/threats", report("intake-idem-users-other.corp"), KEY, key());
        Answer managerOwnKeyOtherBody = manager.postJson("/api/threats", report("intake-idem-users-own.corp"), KEY, key);

        assertThat(analystFirst.status()).isEqualTo(201);
        // not a replay of the analyst's answer: carried out as the manager's own report, a sighting
        assertThat(managerSameBody.status()).isEqualTo(200);
        assertThat(managerSameBody.header(REPLAYED)).isNull();
        assertThat(managerSameBody.json()).containsEntry("result", "duplicate")
                .containsEntry("threatId", analystFirst.json().get("threatId"));
        assertThat(managerOtherBody.status()).isEqualTo(201);
        // the manager's key is now bound to the manager's first body, not to the analyst's
        assertThat(managerOwnKeyOtherBody.status()).isEqualTo(422);
        assertThat(sightingActors((String) analystFirst.json().get("threatId"))).containsExactly("manager");
    }

    @Test
    void shouldNameTheHeader_whenKeyIsTooLong() {
        Answer answer = analyst.postJson("/api/threats", report("intake-idem-long.corp"), KEY, "k".repeat(256));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.errorFields()).containsExactly("Idempotency-Key");
        assertThat(total("intake-idem-long.corp")).isZero();
    }

    @Test
    void shouldNotBindTheKey_whenTheReportIsInvalid() {
        String key = key();
        Map<String, Object> invalid = new HashMap<>(report("intake-idem-invalid.corp"));
        invalid.put("port", 0);

        Answer refused = analyst.postJson("/api/threats", invalid, KEY, key);
        Answer corrected = analyst.postJson("/api/threats", report("intake-idem-invalid.corp"), KEY, key);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).as("%s", corrected).isEqualTo(201);
        assertThat(corrected.header(REPLAYED)).isNull();
    }

    @Test
    void shouldReplayOcsfBatchAnswer_whenRetriedWithSameKey() {
        String key = key();
        String batch = """
                [{"class_uid": 2004, "severity_id": 4, "finding_info": {"uid": "intake-idem-ocsf-1", "title": "Beacon"},
                  "device": {"hostname": "intake-idem-ocsf.corp"}, "malware": [{"name": "Intake"}]}]""";

        Answer first = analyst.post("/api/findings/ocsf", batch, KEY, key);
        Answer retry = analyst.post("/api/findings/ocsf", batch, KEY, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).containsEntry("created", 1);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(total("intake-idem-ocsf.corp")).isEqualTo(1);
        assertThat(timelineKinds(threatIdOf(first))).doesNotContain("SIGHTING");
    }

    @SuppressWarnings("unchecked")
    private static String threatIdOf(Answer batch) {
        return (String) ((List<Map<String, Object>>) batch.json().get("results")).get(0).get("threatId");
    }

    /** Before: the first two answered 500 (the firewall refused the header inside the controller). */
    @Test
    void shouldRefuseKeyNamingIt_whenItHoldsBytesOutsidePrintableAscii() {
        byte[][] keys = {{(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {'k', (byte) 0x80, (byte) 0x9F},
                {'k', (byte) 0xE9, (byte) 0xFF}, {'k', (byte) 0xC3, (byte) 0xA9}};
        for (int i = 0; i < keys.length; i++) {
            String asset = "intake-idem-bytes-" + i + ".corp";
            java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
            header.writeBytes((KEY + ": ").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            header.writeBytes(keys[i]);
            header.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            io.threatflow.testing.RawHttp.Answer answer = io.threatflow.testing.RawHttp.as(http, "analyst").send("POST",
                    "/api/threats", header.toByteArray(), RawApi.JSON.valueToTree(report(asset)).toString()
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(answer.status()).as("key %d: %s", i, answer).isEqualTo(400);
            assertThat(answer.isProblem()).as("%s", answer).isTrue();
            assertThat(answer.body()).containsIgnoringCase("Idempotency-Key");
            assertThat(total(asset)).isZero();
        }
    }

    private static Map<String, Object> report(String asset) {
        return Map.of("title", "Beacon from " + asset, "type", "MALWARE", "asset", asset, "severity", "MEDIUM",
                "source", "intake-idempotency-test");
    }

    private static String key() {
        return "intake-idem-" + UUID.randomUUID();
    }

    private long total(String asset) {
        return ((Number) analyst.get("/api/threats?asset=" + asset).json().get("total")).longValue();
    }

    private List<Object> timelineKinds(String threatId) {
        return analyst.get("/api/threats/" + threatId + "/timeline").jsonList().stream().map(e -> e.get("kind")).toList();
    }

    private List<Object> sightingActors(String threatId) {
        return analyst.get("/api/threats/" + threatId + "/timeline").jsonList().stream()
                .filter(e -> "SIGHTING".equals(e.get("kind"))).map(e -> e.get("actor")).toList();
    }
}
