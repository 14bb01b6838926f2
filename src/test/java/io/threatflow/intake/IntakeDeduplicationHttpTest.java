package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.InventoryService;
import io.threatflow.inventory.NetworkState;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.Race;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawApi.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A threat reported again while its case is open is correlated to that case as a sighting (by the tool's own
 * reference, or by asset + type + CVE/port, the asset named by hostname or IP), also when the reports race;
 * once the case is closed the same report opens a new case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeDeduplicationHttpTest {

    private static final int RACERS = 8;

    @Autowired
    TestRestTemplate http;
    @Autowired
    InventoryService inventory;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ApiClient analyst;
    RawApi raw;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
        raw = RawApi.as(http, "analyst");
    }

    @Test
    void shouldCorrelateToOpenCase_whenSameSourceReferenceIsReportedAgain() {
        Map<String, Object> first = Map.of("title", "Weak TLS on intake-dedup-ref.corp", "type", "OTHER",
                "asset", "intake-dedup-ref.corp", "source", "Intake Scanner", "sourceRef", "intake-dedup-finding-1");
        ResponseEntity<Map<String, Object>> created = analyst.post("/api/threats", first);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // the same finding of the same tool, described differently, the tool's name in other letter case
        ResponseEntity<Map<String, Object>> again = analyst.post("/api/threats", Map.of(
                "title", "TLS 1.0 still enabled", "type", "OTHER", "asset", "intake-dedup-ref-other-name.corp",
                "source", "intake scanner", "sourceRef", "intake-dedup-finding-1"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("result", "duplicate")
                .containsEntry("threatId", created.getBody().get("threatId"));
        assertOneCase((String) created.getBody().get("threatId"));
        assertThat(total("asset=intake-dedup-ref.corp")).isEqualTo(1);
        assertThat(total("asset=intake-dedup-ref-other-name.corp")).isZero();
        assertThat(sightings((String) created.getBody().get("threatId"))).singleElement().satisfies(sighting -> {
            assertThat(sighting).containsEntry("actor", "analyst");
            assertThat((String) sighting.get("detail")).contains("intake-dedup-finding-1");
        });
    }

    @Test
    void shouldOpenSeparateCases_whenSameReferenceComesFromDifferentTools() {
        String first = analyst.report(Map.of("title", "Finding 77", "type", "MALWARE",
                "asset", "intake-dedup-tools-a.corp", "source", "edr-one", "sourceRef", "intake-dedup-77"));
        String second = analyst.report(Map.of("title", "Finding 77", "type", "MALWARE",
                "asset", "intake-dedup-tools-b.corp", "source", "edr-two", "sourceRef", "intake-dedup-77"));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void shouldCorrelateByIpAlias_whenSameAssetIsReportedByHostnameThenByIp() {
        inventory.add(asset("intake-dedup-alias.corp", "10.99.1.1"));
        String threatId = analyst.report(Map.of("title", "Fake CVE on intake-dedup-alias", "type", "VULNERABILITY",
                "asset", "intake-dedup-alias.corp", "cve", "CVE-2099-41001", "severity", "LOW"));

        ResponseEntity<Map<String, Object>> byIp = analyst.post("/api/threats", Map.of("title", "Same flaw seen on the IP",
                "type", "VULNERABILITY", "asset", "10.99.1.1", "cve", "cve-2099-41001", "source", "ip-scanner"));
        ResponseEntity<Map<String, Object>> byUpperCaseHost = analyst.post("/api/threats", Map.of("title", "Again",
                "type", "VULNERABILITY", "asset", "  INTAKE-DEDUP-ALIAS.CORP\t", "cve", "CVE-2099-41001"));

        assertThat(byIp.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byIp.getBody()).containsEntry("result", "duplicate").containsEntry("threatId", threatId);
        assertThat(byUpperCaseHost.getBody()).containsEntry("result", "duplicate").containsEntry("threatId", threatId);
        assertThat(total("asset=intake-dedup-alias.corp")).isEqualTo(1);
        assertThat(total("asset=10.99.1.1")).isZero();
        assertThat(sightings(threatId)).hasSize(2);
    }

    @Test
    void shouldOpenNewCase_whenSameAssetReportsAnotherCveOrPort() {
        inventory.add(asset("intake-dedup-other.corp", "10.99.1.2"));
        String cve = analyst.report(Map.of("title", "Flaw A", "type", "VULNERABILITY", "asset", "intake-dedup-other.corp",
                "cve", "CVE-2099-41002"));
        String otherCve = analyst.report(Map.of("title", "Flaw B", "type", "VULNERABILITY", "asset", "10.99.1.2",
                "cve", "CVE-2099-41003"));
        String port = analyst.report(Map.of("title", "SSH open", "type", "EXPOSED_SERVICE", "asset", "10.99.1.2",
                "port", 22));
        String otherPort = analyst.report(Map.of("title", "Telnet open", "type", "EXPOSED_SERVICE",
                "asset", "intake-dedup-other.corp", "port", 23));

        assertThat(Set.of(cve, otherCve, port, otherPort)).hasSize(4);
        assertThat(total("asset=intake-dedup-other.corp")).isEqualTo(2);
        assertThat(total("asset=10.99.1.2")).isEqualTo(2);
    }

    @Test
    void shouldRaiseSeverity_whenSightingIsWorse_andKeepIt_whenLaterSightingIsMilder() {
        Map<String, Object> report = new HashMap<>(Map.of("title", "Fake CVE on intake-dedup-raise",
                "type", "VULNERABILITY", "asset", "intake-dedup-raise.corp", "cve", "CVE-2099-41004", "severity", "LOW"));
        String threatId = analyst.report(report);
        analyst.awaitTask(threatId, "Task_TriageThreat");
        assertThat(analyst.threat(threatId)).containsEntry("severity", "LOW");

        report.put("severity", "CRITICAL");
        ResponseEntity<Map<String, Object>> worse = analyst.post("/api/threats", report);
        assertThat(worse.getBody()).containsEntry("result", "duplicate").containsEntry("threatId", threatId);
        assertThat(analyst.threat(threatId)).containsEntry("severity", "CRITICAL").containsEntry("reportedSeverity", "LOW");

        report.put("severity", "MEDIUM");
        ResponseEntity<Map<String, Object>> milder = analyst.post("/api/threats", report);
        assertThat(milder.getBody()).containsEntry("result", "duplicate").containsEntry("threatId", threatId);
        assertThat(analyst.threat(threatId)).containsEntry("severity", "CRITICAL");

        assertThat(sightings(threatId)).extracting(s -> (String) s.get("detail"))
                .containsExactly("source not given, rated CRITICAL, severity raised", "source not given, rated MEDIUM");
    }

    @Test
    void shouldOpenNewCase_whenSameThreatIsReportedAfterItsCaseClosed() {
        Map<String, Object> report = Map.of("title", "Beacon from intake-dedup-recur", "type", "MALWARE",
                "asset", "intake-dedup-recur.corp", "source", "edr", "sourceRef", "intake-dedup-recur-1");
        ResponseEntity<Map<String, Object>> first = analyst.post("/api/threats", report);
        String threatId = (String) first.getBody().get("threatId");
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", true, "severity", "LOW"));
        analyst.awaitClosed(threatId, "FALSE_POSITIVE");

        ResponseEntity<Map<String, Object>> recurrence = analyst.post("/api/threats", report);

        assertThat(recurrence.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(recurrence.getBody()).containsEntry("result", "created");
        assertThat(recurrence.getBody().get("threatId")).isNotEqualTo(threatId);
        assertThat(analyst.awaitCase((String) recurrence.getBody().get("threatId")))
                .isNotEqualTo(analyst.threat(threatId).get("processInstanceId"));
        assertThat(total("asset=intake-dedup-recur.corp")).isEqualTo(2);
        assertThat(total("asset=intake-dedup-recur.corp&status=OPEN")).isEqualTo(1);
        assertThat(total("asset=intake-dedup-recur.corp&status=FALSE_POSITIVE")).isEqualTo(1);
        assertThat(sightings(threatId)).isEmpty();

        ResponseEntity<Map<String, Object>> againWhileOpen = analyst.post("/api/threats", report);
        assertThat(againWhileOpen.getBody()).containsEntry("result", "duplicate")
                .containsEntry("threatId", recurrence.getBody().get("threatId"));
    }

    @Test
    void shouldOpenOneCase_whenSameThreatIsReportedConcurrently() throws Exception {
        Map<String, Object> report = Map.of("title", "Ransomware note on intake-dedup-race", "type", "MALWARE",
                "asset", "intake-dedup-race.corp", "severity", "HIGH", "source", "edr", "sourceRef", "intake-dedup-race-1");

        List<Answer> answers = Race.of(RACERS, i -> raw.postJson("/api/threats", report));

        assertOneCreatedRestDuplicates(answers);
        String threatId = (String) answers.get(0).json().get("threatId");
        assertOneCase(threatId);
        assertThat(total("asset=intake-dedup-race.corp")).isEqualTo(1);
        assertThat(sightings(threatId)).hasSize(RACERS - 1);
    }

    @Test
    void shouldOpenOneCase_whenSameObservationIsReportedConcurrentlyWithoutReference() throws Exception {
        Map<String, Object> report = Map.of("title", "SMB open on intake-dedup-race-obs", "type", "EXPOSED_SERVICE",
                "asset", "intake-dedup-race-obs.corp", "port", 445);

        List<Answer> answers = Race.of(RACERS, i -> raw.postJson("/api/threats", report));

        assertOneCreatedRestDuplicates(answers);
        assertThat(total("asset=intake-dedup-race-obs.corp")).isEqualTo(1);
        assertOneCase((String) answers.get(0).json().get("threatId"));
    }

    /**
     * What holds even while the bug above makes some racers answer 500: the fingerprints let no second case open,
     * and nobody is told {@code created} for a case that does not exist.
     */
    @Test
    void shouldNeverOpenASecondCase_whenSameThreatIsReportedConcurrently() throws Exception {
        Map<String, Object> report = Map.of("title", "Worm on intake-dedup-race-guard", "type", "MALWARE",
                "asset", "intake-dedup-race-guard.corp", "source", "edr", "sourceRef", "intake-dedup-race-guard-1");

        List<Answer> answers = Race.of(RACERS, i -> raw.postJson("/api/threats", report));

        List<Answer> answered = answers.stream().filter(a -> a.status() < 500).toList();
        assertThat(answered).allSatisfy(a -> assertThat(a.status()).as("%s", a).isIn(200, 201));
        assertThat(answered).filteredOn(a -> a.status() == 201).hasSize(1);
        Object threatId = answered.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().json().get("threatId");
        assertThat(answered).extracting(a -> a.json().get("threatId")).containsOnly(threatId);
        assertThat(ids("asset=intake-dedup-race-guard.corp")).containsExactly(threatId);
        assertThat(sightings((String) threatId)).hasSize(answered.size() - 1);
    }

    @Test
    void shouldOpenOneCase_whenSameThreatIsReportedConcurrentlyWithDifferentIdempotencyKeys() throws Exception {
        Map<String, Object> report = Map.of("title", "Exposed RDP on intake-dedup-race-keys", "type", "EXPOSED_SERVICE",
                "asset", "intake-dedup-race-keys.corp", "port", 3389, "severity", "HIGH");

        List<Answer> answers = Race.of(2, i -> raw.postJson("/api/threats", report, "Idempotency-Key", "intake-dedup-key-" + i));

        assertOneCreatedRestDuplicates(answers);
        assertOneCase((String) answers.get(0).json().get("threatId"));
        assertThat(answers).allSatisfy(a -> assertThat(a.header("Idempotent-Replayed")).isNull());
        assertThat(total("asset=intake-dedup-race-keys.corp")).isEqualTo(1);

        // each key now answers with its own first answer
        for (int i = 0; i < answers.size(); i++) {
            Answer replay = raw.postJson("/api/threats", report, "Idempotency-Key", "intake-dedup-key-" + i);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.status()).isEqualTo(answers.get(i).status());
            assertThat(replay.json()).isEqualTo(answers.get(i).json());
        }
    }

    @Test
    void shouldCorrelate_whenAssetNameCarriesUnicodeWhitespace() {
        String threatId = analyst.report(Map.of("title", "Beacon", "type", "MALWARE", "asset", "intake-dedup-nbsp.corp"));

        ResponseEntity<Map<String, Object>> again = analyst.post("/api/threats", Map.of("title", "Beacon",
                "type", "MALWARE", "asset", "\u00a0intake-dedup-nbsp.corp\u2003"));

        assertThat(again.getBody()).containsEntry("result", "duplicate").containsEntry("threatId", threatId);
    }

    private static void assertOneCreatedRestDuplicates(List<Answer> answers) {
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as("%s", a).isIn(200, 201));
        assertThat(answers).filteredOn(a -> a.status() == 201).as("created").hasSize(1);
        assertThat(answers).extracting(a -> a.json().get("result"))
                .containsOnly("created", "duplicate").filteredOn("created"::equals).hasSize(1);
        assertThat(answers).extracting(a -> a.json().get("threatId")).containsOnly(answers.get(0).json().get("threatId"));
    }

    /** The threat's case has started, and it is the only one of the threat. */
    private void assertOneCase(String threatId) {
        analyst.awaitCase(threatId);
        assertThat(jdbc.sql("select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = :threat and PARENT_ID_ is null")
                .param("threat", threatId).query(Long.class).single()).isEqualTo(1);
    }

    private long total(String query) {
        Map<String, Object> page = analyst.get("/api/threats?" + query).getBody();
        return ((Number) page.get("total")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object> ids(String query) {
        Map<String, Object> page = analyst.get("/api/threats?" + query).getBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> item.get("threatId")).toList();
    }

    private List<Map<String, Object>> sightings(String threatId) {
        return raw.get("/api/threats/" + threatId + "/timeline").jsonList().stream()
                .filter(entry -> "SIGHTING".equals(entry.get("kind"))).toList();
    }

    private static Asset asset(String hostname, String ip) {
        return new Asset(null, hostname, ip, "Ubuntu", "24.04", true, NetworkState.CONNECTED, Criticality.MEDIUM,
                "intake-tests", true, false, false, false, Set.of(22, 23), Set.of(), Set.of(),
                false, Set.of());
    }
}
