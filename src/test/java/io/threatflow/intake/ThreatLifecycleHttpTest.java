package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ThrowawayUser;
import io.threatflow.inventory.AssetRepository;
import io.threatflow.inventory.NetworkState;
import io.threatflow.testing.ApiClient;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Walks real threats through the running application over HTTP to each end event, completing tasks the
 * way Tasklist does (submit-form), with the real delegates, decisions and inventory adapter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ThreatLifecycleHttpTest {

    @Autowired
    IdentityService identity;

    @Autowired
    TestRestTemplate http;
    @Autowired
    AssetRepository assets;
    @Autowired
    io.threatflow.inventory.InventoryService inventory;

    ApiClient analyst;
    ApiClient manager;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
        manager = new ApiClient(http, "manager");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldEndEliminated_whenPatchRemovesKnownExploitedCve() {
        // a web server like the demo's web-01, of its own: the shared web-01 collects other tests' open threats, and
        // with them approvals this walk does not expect
        String web = "web-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".corp";
        inventory.add(io.threatflow.testing.TestAssets.asset().hostname(web).criticality(
                io.threatflow.inventory.Criticality.HIGH).owner("web-team").internetFacing(true)
                .findings("CVE-2021-44228").buildNew());
        String threatId = analyst.report(Map.of("title", "Log4Shell on " + web, "type", "VULNERABILITY",
                "asset", web, "cve", "CVE-2021-44228", "severity", "MEDIUM", "source", "scanner"));

        String triage = analyst.awaitTask(threatId, "Task_TriageThreat");
        Map<String, Object> beforeTriage = analyst.threat(threatId);
        // SSVC: exploited in the wild (KEV), internet-facing (automatable), a HIGH asset: Act, so CRITICAL
        assertThat(beforeTriage).containsEntry("knownExploited", true).containsEntry("severity", "CRITICAL");
        analyst.submit(triage, Map.of("falsePositive", false, "severity", "HIGH", "triageNotes", "KEV listed"));
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "log4j 2.14 in the web app", "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));
        analyst.submit(analyst.awaitTask(threatId, "Task_ConfirmClosure"), Map.of("lessonsLearned", "SBOM scanning"));

        Map<String, Object> closed = analyst.awaitClosed(threatId, "ELIMINATED");
        assertThat(actions(closed)).extracting(a -> a.get("action") + "/" + a.get("status"))
                .containsExactly("NOTIFY_STAKEHOLDERS/SENT", "PATCH_SOFTWARE/APPLIED");
        assertThat(((Map<String, ?>) closed.get("phases")).keySet()).contains("TRIAGED", "INVESTIGATED", "ERADICATED", "VALIDATED", "CLOSED");
        assertThat(assets.findByName(web).orElseThrow().findings()).doesNotContain("CVE-2021-44228");
    }

    @Test
    void shouldEndFalsePositive_whenAnalystSaysSo() {
        String threatId = analyst.report(Map.of("title", "Telnet seen on db-01", "type", "EXPOSED_SERVICE",
                "asset", "db-01", "port", 23));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", true, "severity", "LOW", "triageNotes", "honeypot port"));

        Map<String, Object> closed = analyst.awaitClosed(threatId, "FALSE_POSITIVE");
        assertThat(actions(closed)).isEmpty();
    }

    @Test
    void shouldContainIsolateAndReconnect_whenMalwareIsEliminated() {
        String threatId = analyst.report(Map.of("title", "Emotet beacon from laptop-0042", "type", "MALWARE",
                "asset", "laptop-0042", "severity", "HIGH"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "HIGH"));

        String investigate = analyst.awaitTask(threatId, "Task_InvestigateThreat");
        assertThat(analyst.threat(threatId)).containsEntry("status", "CONTAINED");
        assertThat(assets.findByName("laptop-0042").orElseThrow().networkState()).isEqualTo(NetworkState.ISOLATED);
        analyst.submit(investigate, Map.of("rootCause", "phishing attachment", "eliminable", true,
                "remediationAction", "REMOVE_MALWARE"));
        analyst.submit(analyst.awaitTask(threatId, "Task_ConfirmClosure"), Map.of("lessonsLearned", "mail filter"));

        Map<String, Object> closed = analyst.awaitClosed(threatId, "ELIMINATED");
        assertThat(actions(closed)).extracting(a -> a.get("action") + "/" + a.get("purpose") + "/" + a.get("status"))
                .contains("ISOLATE_HOST/CONTAINMENT/VERIFIED", "REMOVE_MALWARE/ERADICATION/APPLIED",
                        "RECONNECT_HOST/LIFT_CONTAINMENT/APPLIED");
        assertThat(assets.findByName("laptop-0042").orElseThrow().networkState()).isEqualTo(NetworkState.CONNECTED);
    }

    @Test
    void shouldEndMitigated_whenUnmanagedAssetRefusesEradicationAndManagerAcceptsRisk() {
        String threatId = analyst.report(Map.of("title", "Open JetDirect on printer-3f", "type", "EXPOSED_SERVICE",
                "asset", "printer-3f.corp.example", "port", 9100, "severity", "LOW"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "LOW"));
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "printer default config", "eliminable", true, "remediationAction", "CLOSE_PORT"));

        String review = manager.awaitTask(threatId, "Task_ReviewResidualRisk");
        manager.submit(review, Map.of("residualRiskAccepted", true,
                "riskReviewDate", java.time.LocalDate.now().plusDays(20).toString(),
                "reviewComment", "printer replaced next quarter"));

        Map<String, Object> closed = analyst.awaitClosed(threatId, "MITIGATED");
        assertThat(actions(closed)).extracting(a -> a.get("action") + "/" + a.get("status"))
                .contains("CLOSE_PORT/REJECTED", "BLOCK_PORT/REJECTED", "RAISE_MONITORING/REJECTED");
    }

    @Test
    void shouldEndMitigated_whenPatchCannotFixUnsupportedOsAfterRetries() {
        String threatId = analyst.report(Map.of("title", "SMBGhost on legacy-hr-01", "type", "VULNERABILITY",
                "asset", "legacy-hr-01", "cve", "CVE-2020-0796"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "HIGH"));
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "no patches after end of support", "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));

        manager.submit(manager.awaitTask(threatId, "Task_ReviewResidualRisk"), Map.of("residualRiskAccepted", true,
                "riskReviewDate", java.time.LocalDate.now().plusDays(20).toString(), "reviewComment", "isolated VLAN until the OS upgrade"));

        Map<String, Object> closed = analyst.awaitClosed(threatId, "MITIGATED");
        assertThat(actions(closed)).filteredOn(a -> "PATCH_SOFTWARE".equals(a.get("action"))).hasSize(3);
    }

    @Test
    void shouldRegisterThreatReportedThroughTasklistStartForm() {
        ResponseEntity<Map<String, Object>> started = analyst.post(
                "/engine-rest/process-definition/key/threat-remediation/submit-form", Map.of("variables", Map.of(
                        "threatTitle", Map.of("value", "Suspicious sign-in for j.doe"),
                        "threatType", Map.of("value", "COMPROMISED_ACCOUNT"),
                        "assetName", Map.of("value", "laptop-0042"),
                        "description", Map.of("value", "impossible travel"))));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String threatId = (String) started.getBody().get("businessKey");

        assertThat(threatId).isNotBlank();
        Map<String, Object> threat = analyst.threat(threatId);
        assertThat(threat).containsEntry("title", "Suspicious sign-in for j.doe").containsEntry("type", "COMPROMISED_ACCOUNT")
                .containsEntry("source", "tasklist:analyst").containsEntry("processInstanceId", started.getBody().get("id"));
    }

    @Test
    void shouldRefuseStartForm_whenThreatTypeIsUnknown() {
        ResponseEntity<Map<String, Object>> started = analyst.post(
                "/engine-rest/process-definition/key/threat-remediation/submit-form", Map.of("variables", Map.of(
                        "threatTitle", Map.of("value", "x"), "threatType", Map.of("value", "ALIENS"),
                        "assetName", Map.of("value", "web-01"))));
        assertThat(started.getStatusCode().is4xxClientError() || started.getStatusCode().is5xxServerError()).isTrue();
        assertThat(String.valueOf(started.getBody().get("message"))).contains("threatType");
    }

    @Test
    void shouldRefuseAnonymousAndWrongPassword() {
        ResponseEntity<String> anonymous = http.postForEntity("/api/threats", Map.of("title", "x"), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(ThrowawayUser.create(identity), "wrong").getForEntity("/api/threats/x", String.class)
                .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode().is4xxClientError()).isTrue();
    }

    @Test
    void shouldAnswerProblemNamingTheField_whenReportIsInvalid() {
        ResponseEntity<Map<String, Object>> missing = analyst.post("/api/threats", Map.of("type", "MALWARE", "asset", " "));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(missing.getBody().get("detail"))).contains("title").contains("asset");

        ResponseEntity<Map<String, Object>> badType = analyst.post("/api/threats",
                Map.of("title", "x", "type", "ALIENS", "asset", "web-01"));
        assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(badType.getBody().get("detail"))).startsWith("type: must be one of");

        ResponseEntity<Map<String, Object>> unknown = analyst.get("/api/threats/no-such-threat");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(Map<String, Object> threat) {
        return (List<Map<String, Object>>) threat.get("actions");
    }
}
