package io.threatflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.action.PatchingPort;
import io.threatflow.action.ScannerPort;
import io.threatflow.inventory.Asset;
import io.threatflow.testing.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "threatflow.jobs.retry-cycle=R2/PT1S")
@ActiveProfiles("test")
class FailureHandlingHttpTest {

    /** The scanner, failing while {@link #failing} is set, as an EDR API that times out would. */
    static final AtomicBoolean failing = new AtomicBoolean();

    /** Patch management outside the engine's transaction: it applies each idempotency key once. */
    static final Map<String, Integer> patchRequests = new ConcurrentHashMap<>();
    static final Map<String, Integer> patchesApplied = new ConcurrentHashMap<>();
    /** The node dies after the patch call, before its transaction commits: once. */
    static final AtomicBoolean dieAfterPatch = new AtomicBoolean();

    @TestConfiguration
    static class FailingAdapters {
        @Bean
        @Primary
        PatchingPort externalPatchManagement(@Qualifier("inventoryActionAdapter") PatchingPort inventory) {
            return new PatchingPort() {
                @Override
                public String patchSoftware(String idempotencyKey, Asset asset, String finding) {
                    patchRequests.merge(idempotencyKey, 1, Integer::sum);
                    boolean first = patchesApplied.putIfAbsent(idempotencyKey, 1) == null;
                    // the inventory mirrors the target's state, which a rollback here does not undo
                    String detail = inventory.patchSoftware(asset, finding);
                    if (first && dieAfterPatch.getAndSet(false)) {
                        throw new IllegalStateException("node died before its transaction committed");
                    }
                    return first ? detail : detail + " (request " + idempotencyKey + " already applied)";
                }

                @Override
                public String patchSoftware(Asset asset, String finding) {
                    throw new UnsupportedOperationException("external targets are called with the idempotency key");
                }

                @Override
                public String upgradeOs(Asset asset) {
                    return inventory.upgradeOs(asset);
                }
            };
        }

        @Bean
        @Primary
        ScannerPort failingScanner(@Qualifier("inventoryActionAdapter") ScannerPort real) {
            return assetId -> {
                if (failing.get()) {
                    throw new IllegalStateException("EDR API timed out after 30 s");
                }
                return real.scan(assetId);
            };
        }
    }

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void heal() {
        failing.set(false);
    }

    @Test
    void shouldRaiseIncidentWithAdapterMessage_andCompleteAfterManagersRetry() {
        ApiClient analyst = new ApiClient(http, "analyst");
        ApiClient manager = new ApiClient(http, "manager");
        String threatId = analyst.report(Map.of("title", "Exposed SMB on incident-01", "type", "VULNERABILITY",
                "asset", "web-01", "cve", "CVE-2099-0001"));
        failing.set(true);
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "HIGH"));

        Map<String, Object> incident = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> incidents(manager, threatId), list -> !list.isEmpty()).get(0);
        assertThat(incident.get("incidentMessage")).asString().contains("EDR API timed out");
        assertThat(incident.get("activityId")).isEqualTo("Task_CollectEvidence");

        failing.set(false);
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
        dieAfterPatch.set(true);
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "old OpenSSL", "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));
        analyst.submit(analyst.awaitTask(threatId, "Task_ConfirmClosure"), Map.of("lessonsLearned", "patch sooner"));

        Map<String, Object> closed = analyst.awaitClosed(threatId, "ELIMINATED");
        List<String> keys = patchRequests.keySet().stream().filter(key -> key.startsWith(threatId)).toList();
        assertThat(keys).hasSize(1);
        assertThat(patchRequests.get(keys.get(0))).as("the target was asked twice").isEqualTo(2);
        assertThat(patchesApplied.get(keys.get(0))).as("and applied once").isEqualTo(1);
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
