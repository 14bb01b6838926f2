package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.PatchCases;
import io.threatflow.testing.SwitchableAdapters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Validation by the source's next word: a patch applied by a real (not simulated) patch management cannot be
 * seen by ThreatFlow, so the case waits until the scanner reports the finding again through
 * {@code POST /api/findings/ocsf}; status Resolved (4) closes it as eliminated, still open tries again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SourceWordValidationHttpTest {

    @Autowired
    TestRestTemplate http;

    /** A demo asset the simulated inventory behind the patch management manages (it refuses others). */
    static final String MANAGED_HOST = "web-01";

    ApiClient analyst;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void realPatchManagement() {
        analyst = new ApiClient(http, "analyst");
        SwitchableAdapters.patchManagementSimulated.set(false);
    }

    @AfterEach
    void simulatedAgain() {
        SwitchableAdapters.patchManagementSimulated.set(true);
    }

    /** An OCSF vulnerability finding of the scanner "Nessus" for CVE {@code cve} on host {@code host}. */
    private static Map<String, Object> finding(String host, String cve, int statusId) {
        return Map.of("class_uid", 2002, "severity_id", 3, "status_id", statusId, "time", 1764230400000L,
                "finding_info", Map.of("uid", "nessus-" + cve, "title", cve + " in openssl"),
                "device", Map.of("hostname", host),
                "vulnerabilities", List.of(Map.of("cve", Map.of("uid", cve))),
                "metadata", Map.of("product", Map.of("vendor_name", "Tenable", "name", "Nessus")));
    }

    /** A CVE of its own for each test of each run. */
    private String cve(int test) {
        return "CVE-2099-" + (100000 + Math.floorMod(run.hashCode(), 100000) * 10 + test);
    }

    private String reportAndPatch(String host, String cve) {
        ResponseEntity<Map<String, Object>> created = analyst.post("/api/findings/ocsf", finding(host, cve, 1));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String threatId = (String) created.getBody().get("threatId");
        PatchCases.triage(analyst, threatId);
        analyst.submit(PatchCases.awaitInvestigation(analyst, threatId), Map.of("rootCause", "old openssl",
                "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> waitingForTheSource(threatId));
        return threatId;
    }

    private boolean waitingForTheSource(String threatId) {
        return PatchCases.count(new ApiClient(http, "admin"), "/engine-rest/process-instance/count?businessKey="
                + threatId + "&activityIdIn=Gateway_SourceWord") == 1;
    }

    @Test
    void shouldCloseEliminated_whenTheScannerReportsTheFindingResolved() {
        String threatId = reportAndPatch(MANAGED_HOST, cve(1));
        assertThat(String.valueOf(analyst.threat(threatId).get("status"))).isEqualTo("OPEN");

        String cve = (String) analyst.threat(threatId).get("cve");
        ResponseEntity<Map<String, Object>> resolved = analyst.post("/api/findings/ocsf",
                finding(MANAGED_HOST, cve, 4));

        assertThat(resolved.getStatusCode().value()).isEqualTo(200);
        assertThat(resolved.getBody()).containsEntry("result", "resolved").containsEntry("threatId", threatId);
        PatchCases.confirmClosure(analyst, threatId);
        analyst.awaitClosed(threatId, "ELIMINATED");
    }

    @Test
    void shouldEradicateAgain_whenTheScannerStillReportsTheFindingAfterThePatch() {
        String host = MANAGED_HOST;
        String threatId = reportAndPatch(host, cve(2));
        String cve = (String) analyst.threat(threatId).get("cve");

        ResponseEntity<Map<String, Object>> again = analyst.post("/api/findings/ocsf", finding(host, cve, 2));

        assertThat(again.getBody()).containsEntry("result", "duplicate");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> patches(threatId) == 2
                && waitingForTheSource(threatId));
    }

    @SuppressWarnings("unchecked")
    private long patches(String threatId) {
        return ((List<Map<String, Object>>) analyst.threat(threatId).get("actions")).stream()
                .filter(action -> "PATCH_SOFTWARE".equals(action.get("action"))).count();
    }

    @Test
    void shouldOpenNothing_whenTheScannerReportsResolvedAFindingThatIsNotOpen() {
        String host = "src-word-c-" + run;
        ResponseEntity<Map<String, Object>> resolved = analyst.post("/api/findings/ocsf",
                finding(host, "CVE-2099-99999", 4));

        assertThat(resolved.getStatusCode().value()).isEqualTo(200);
        assertThat(resolved.getBody()).containsEntry("result", "ignored");
        assertThat(resolved.getBody().get("threatId")).isNull();
        assertThat(String.valueOf(analyst.get("/api/threats?asset=" + host).getBody().get("total"))).isEqualTo("0");
    }

    @Test
    void shouldChangeNothing_whenTheScannerReportsResolvedBeforeAnythingWasDone() {
        String host = "src-word-d-" + run;
        String cve = cve(3);
        String threatId = (String) analyst.post("/api/findings/ocsf", finding(host, cve, 1)).getBody().get("threatId");
        analyst.awaitTask(threatId, "Task_TriageThreat");

        ResponseEntity<Map<String, Object>> resolved = analyst.post("/api/findings/ocsf", finding(host, cve, 4));

        assertThat(resolved.getBody()).containsEntry("result", "ignored").containsEntry("threatId", threatId);
        assertThat(analyst.threat(threatId).get("status")).isEqualTo("OPEN");
        analyst.awaitTask(threatId, "Task_TriageThreat");
    }
}
