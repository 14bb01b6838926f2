package io.threatflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.action.ActionKey;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.SwitchableAdapters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A technical failure of an outside system retries, then shows as an incident with the adapter's message;
 * once the cause is fixed a manager's retry completes the case. A refusal by the target never becomes an
 * incident. A job that runs again after a rollback does not make a target act twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FailureHandlingHttpTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void heal() {
        SwitchableAdapters.scannerFailing.set(false);
    }

    @Test
    void shouldRaiseIncidentWithAdapterMessage_andCompleteAfterManagersRetry() {
        ApiClient analyst = new ApiClient(http, "analyst");
        ApiClient manager = new ApiClient(http, "manager");
        String threatId = analyst.report(Map.of("title", "Exposed SMB on incident-01", "type", "VULNERABILITY",
                "asset", "web-01", "cve", "CVE-2099-0001"));
        SwitchableAdapters.scannerFailing.set(true);
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "HIGH"));

        Map<String, Object> incident = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> incidents(manager, threatId), list -> !list.isEmpty()).get(0);
        assertThat(incident.get("incidentMessage")).asString().contains("EDR API timed out");
        assertThat(incident.get("activityId")).isEqualTo("Task_CollectEvidence");

        SwitchableAdapters.scannerFailing.set(false);
        String jobId = (String) incident.get("configuration");
        ResponseEntity<Void> analystRetry = http.withBasicAuth("analyst", ApiClient.PASSWORD).exchange(
                "/engine-rest/job/" + jobId + "/retries", HttpMethod.PUT, new HttpEntity<>(Map.of("retries", 1)), Void.class);
        assertThat(analystRetry.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Void> managerRetry = http.withBasicAuth("manager", ApiClient.PASSWORD).exchange(
                "/engine-rest/job/" + jobId + "/retries", HttpMethod.PUT, new HttpEntity<>(Map.of("retries", 1)), Void.class);
        assertThat(managerRetry.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "unpatched", "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));
        analyst.submit(analyst.awaitTask(threatId, "Task_ConfirmClosure"), Map.of("lessonsLearned", "watch the EDR API"));
        assertThat(analyst.awaitClosed(threatId, "ELIMINATED")).containsEntry("status", "ELIMINATED");
        assertThat(incidents(manager, threatId)).isEmpty();
    }

    @Test
    void shouldApplyActionOnce_whenTransactionRollsBackAfterTheTargetWasCalled() {
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "OpenSSL flaw on web-01", "type", "VULNERABILITY",
                "asset", "web-01", "cve", "CVE-2099-0002"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "MEDIUM"));
        SwitchableAdapters.dieAfterPatch.set(true);
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "old OpenSSL", "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));
        analyst.submit(analyst.awaitTask(threatId, "Task_ConfirmClosure"), Map.of("lessonsLearned", "patch sooner"));

        Map<String, Object> closed = analyst.awaitClosed(threatId, "ELIMINATED");
        List<ActionKey> keys = SwitchableAdapters.patchRequests.keySet().stream()
                .filter(key -> key.threatId().equals(threatId)).toList();
        assertThat(keys).hasSize(1);
        assertThat(SwitchableAdapters.patchRequests.get(keys.get(0))).as("the target was asked twice").isEqualTo(2);
        assertThat(SwitchableAdapters.patchesApplied.get(keys.get(0))).as("and applied once").isEqualTo(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) closed.get("actions");
        assertThat(actions).filteredOn(a -> "PATCH_SOFTWARE".equals(a.get("action"))).singleElement()
                .satisfies(a -> assertThat(a.get("status")).isEqualTo("APPLIED"));
        assertThat(incidents(new ApiClient(http, "manager"), threatId)).isEmpty();
    }

    @Test
    void shouldTakeMitigationPathWithoutIncident_whenTargetRefusesAction() {
        ApiClient analyst = new ApiClient(http, "analyst");
        ApiClient manager = new ApiClient(http, "manager");
        String threatId = analyst.report(Map.of("title", "Telnet on a printer", "type", "EXPOSED_SERVICE",
                "asset", "incident-printer.corp", "port", 23));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "LOW"));
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "factory default", "eliminable", true, "remediationAction", "CLOSE_PORT"));

        assertThat(manager.awaitTask(threatId, "Task_ReviewResidualRisk")).isNotBlank();
        assertThat(incidents(manager, threatId)).isEmpty();
    }

    private List<Map<String, Object>> incidents(ApiClient manager, String threatId) {
        String instance = (String) manager.threat(threatId).get("processInstanceId");
        return http.withBasicAuth("manager", ApiClient.PASSWORD).exchange(
                "/engine-rest/incident?processInstanceId=" + instance, HttpMethod.GET, null, LIST).getBody();
    }
}
