package io.threatflow.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.threatflow.connector.webhook.WebhookSignature;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.AppNode;
import io.threatflow.testing.PatchCases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application acting on a real system: every action goes to the signed webhook, a receiver of this
 * test on 127.0.0.1 (WireMock), and validation probes the exposed service, a TCP listener of this test on
 * 127.0.0.1, for itself. The asset, reported by its IP address, is in no inventory.
 */
class ConnectorEndToEndIT {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("end-to-end secret of this test 32b".getBytes());
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ObjectMapper JSON = new ObjectMapper();

    static WireMockServer receiver;
    static AppNode node;
    static ApiClient analyst;
    static ApiClient admin;
    /** The exposed services by port; the receiver closes one when it is asked to close its port. */
    static final Map<Integer, ServerSocket> services = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        receiver.addMockServiceRequestListener((request, response) -> {
            if (response.getStatus() == 200 && request.getBodyAsString().contains("\"action\":\"CLOSE_PORT\"")) {
                int port = port(request.getBodyAsString());
                ServerSocket service = closesOnRequest.containsKey(port) ? services.remove(port) : null;
                if (service != null) {
                    close(service);
                }
            }
        });
        receiver.start();
        // what the tests do not set up (containment and mitigation measures without a port) is applied
        receiver.stubFor(post("/actions").atPriority(10).willReturn(aResponse().withStatus(200)));
        node = new AppNode("connector-end-to-end")
                .env("THREATFLOW_DEMO_PASSWORD", ApiClient.PASSWORD)
                .env("THREATFLOW_CONNECTORS_WEBHOOK_SECRET", SECRET)
                .property("spring.datasource.url", "jdbc:h2:mem:connector-e2e;DB_CLOSE_DELAY=-1")
                .property("threatflow.connectors.webhook.url", receiver.baseUrl() + "/actions")
                .property("threatflow.validation.probe.allowed-networks", "127.0.0.0/8")
                .property("threatflow.validation.probe.connect-timeout", "500ms")
                .property("threatflow.validation.probe.attempts", 2)
                .property("threatflow.validation.probe.pause", "100ms")
                .property("threatflow.jobs.retry-cycle", "R3/PT2S")
                .property("camunda.bpm.job-execution.wait-time-in-millis", 200)
                .property("camunda.bpm.job-execution.max-wait", 1000)
                .start();
        analyst = new ApiClient(node.http(), "analyst");
        admin = new ApiClient(node.http(), "admin");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.stop();
        }
        if (receiver != null) {
            receiver.stop();
        }
        services.values().forEach(ConnectorEndToEndIT::close);
    }

    /** The ports whose service the receiver really closes when it applies CLOSE_PORT. */
    static final Map<Integer, Boolean> closesOnRequest = new ConcurrentHashMap<>();

    @Test
    void shouldEliminate_whenTheReceiverClosesThePort_withTheProbeAsEvidence() {
        int port = exposedService(true);
        receiver.stubFor(post("/actions").atPriority(1).withRequestBody(containing("\"port\":" + port))
                .willReturn(aResponse().withStatus(200).withBody("{\"change\":\"CHG-1\"}")));

        String threatId = reportAndInvestigate("RDP exposed on 127.0.0.1", port);
        PatchCases.confirmClosure(analyst, threatId);
        analyst.awaitClosed(threatId, "ELIMINATED");

        List<Map<String, Object>> actions = actions(threatId);
        assertThat(actions).filteredOn(a -> "CLOSE_PORT".equals(a.get("action")))
                .extracting(a -> a.get("status")).containsExactly("APPLIED");
        assertThat(actions).filteredOn(a -> "PROBE_SERVICE".equals(a.get("action")))
                .extracting(a -> String.valueOf(a.get("detail")))
                .singleElement().asString().contains("127.0.0.1:" + port).contains("connection refused");
        assertSignedRequests(port, 1);
    }

    @Test
    void shouldNotEliminate_whenTheReceiverAnswers200_butThePortStaysOpen() {
        int port = exposedService(false);
        receiver.stubFor(post("/actions").atPriority(1).withRequestBody(containing("\"port\":" + port))
                .willReturn(aResponse().withStatus(200)));

        String threatId = reportAndInvestigate("Telnet exposed on 127.0.0.1", port);
        awaitMitigation(threatId);

        assertThat(analyst.threat(threatId).get("status")).isNotEqualTo("ELIMINATED");
        List<Map<String, Object>> actions = actions(threatId);
        assertThat(actions).filteredOn(a -> "PROBE_SERVICE".equals(a.get("action")))
                .as("every attempt was validated by a probe that found the service")
                .hasSize(3).allSatisfy(a -> assertThat(String.valueOf(a.get("detail"))).contains("connection accepted"));
        List<LoggedRequest> closes = closeRequests(port);
        assertThat(closes).as("the first try and the two retries").hasSize(3);
        assertThat(closes).extracting(r -> r.getHeader("Idempotency-Key")).as("each attempt is an action of its own")
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldApplyOnce_whenTheReceiverFailsFirst_withTheSameIdempotencyKey() {
        int port = exposedService(true);
        receiver.stubFor(post("/actions").atPriority(1).withRequestBody(containing("\"port\":" + port)).inScenario("flaky-" + port)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(post("/actions").atPriority(1).withRequestBody(containing("\"port\":" + port)).inScenario("flaky-" + port)
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));

        String threatId = reportAndInvestigate("VNC exposed on 127.0.0.1", port);
        PatchCases.confirmClosure(analyst, threatId);
        analyst.awaitClosed(threatId, "ELIMINATED");

        List<LoggedRequest> closes = closeRequests(port);
        assertThat(closes).hasSize(2);
        assertThat(closes).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(closes.get(0).getHeader("Idempotency-Key"));
        assertThat(actions(threatId)).filteredOn(a -> "CLOSE_PORT".equals(a.get("action")))
                .extracting(a -> a.get("status")).containsExactly("APPLIED");
        assertSignedRequests(port, 2);
    }

    @Test
    void shouldTakeTheMitigationPath_withoutAnIncident_whenTheReceiverRefuses() {
        int port = exposedService(false);
        receiver.stubFor(post("/actions").atPriority(1).withRequestBody(containing("\"port\":" + port))
                .willReturn(aResponse().withStatus(422).withBody("change freeze until Monday")));

        String threatId = reportAndInvestigate("SMB exposed on 127.0.0.1", port);
        awaitMitigation(threatId);

        assertThat(actions(threatId)).filteredOn(a -> "CLOSE_PORT".equals(a.get("action")))
                .singleElement().satisfies(a -> {
                    assertThat(a.get("status")).isEqualTo("REJECTED");
                    assertThat(String.valueOf(a.get("detail"))).contains("change freeze until Monday");
                });
        assertThat(incidents(threatId)).as("incidents of the threat's cases").isZero();
        assertSignedRequests(port, 1);
    }

    @Test
    void shouldWaitForThePostedResult_whenTheReceiverAcceptsForLater_andRefuseForgedOrUnknownResults() throws Exception {
        int port = exposedService(false);
        receiver.stubFor(post("/actions").atPriority(1).withRequestBody(containing("\"port\":" + port))
                .willReturn(aResponse().withStatus(202).withBody("{\"ticket\":\"CHG-202\"}")));

        String threatId = reportAndInvestigate("FTP exposed on 127.0.0.1", port);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> actions(threatId).stream()
                .anyMatch(a -> "CLOSE_PORT".equals(a.get("action")) && "PENDING".equals(a.get("status"))));
        String actionId = JSON.readTree(closeRequests(port).get(0).getBodyAsString()).path("data").path("actionId").asText();

        assertThat(postResult(actionId, "{\"status\":\"APPLIED\"}", "whsec_" + Base64.getEncoder()
                .encodeToString("a forger's secret, also 32 bytes!".getBytes()), Instant.now()).getStatusCode().value())
                .isEqualTo(401);
        assertThat(postResult(actionId, "{\"status\":\"APPLIED\"}", SECRET, Instant.now().minus(Duration.ofMinutes(10)))
                .getStatusCode().value()).as("an old, replayed result").isEqualTo(401);
        assertThat(postResult(java.util.UUID.randomUUID().toString(), "{\"status\":\"APPLIED\"}", SECRET, Instant.now())
                .getStatusCode().value()).isEqualTo(404);
        assertThat(actions(threatId)).filteredOn(a -> "CLOSE_PORT".equals(a.get("action")))
                .extracting(a -> a.get("status")).as("refused results change nothing").containsExactly("PENDING");
        Thread.sleep(1_500);
        assertThat(closeRequests(port)).as("a pending action is not sent again").hasSize(1);

        close(services.remove(port));
        assertThat(postResult(actionId, "{\"status\":\"APPLIED\",\"detail\":\"closed by CHG-202\"}", SECRET,
                Instant.now()).getStatusCode().value()).isEqualTo(200);
        PatchCases.confirmClosure(analyst, threatId);
        analyst.awaitClosed(threatId, "ELIMINATED");
        assertThat(actions(threatId)).filteredOn(a -> "CLOSE_PORT".equals(a.get("action"))).singleElement()
                .satisfies(a -> assertThat(String.valueOf(a.get("detail"))).contains("closed by CHG-202"));
        assertThat(postResult(actionId, "{\"status\":\"REJECTED\"}", SECRET, Instant.now()).getStatusCode().value())
                .as("a result that contradicts the one recorded").isEqualTo(409);
    }

    /** Posts a result as the receiver would: signed with {@code secret}, timestamped {@code at}, no user's login. */
    private static org.springframework.http.ResponseEntity<String> postResult(String actionId, String body, String secret,
                                                                              Instant at) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        String messageId = "msg-" + System.nanoTime();
        headers.set(WebhookSignature.ID, messageId);
        headers.set(WebhookSignature.TIMESTAMP, Long.toString(at.getEpochSecond()));
        headers.set(WebhookSignature.SIGNATURE, WebhookSignature.of(secret).sign(messageId, at.getEpochSecond(), body));
        return node.http().postForEntity("/api/actions/" + actionId + "/result",
                new org.springframework.http.HttpEntity<>(body, headers), String.class);
    }

    @Test
    void shouldSendTheReceiverNothing_andLogDryRunEntries_inADryRun() {
        int port = exposedService(true);

        String threatId = reportAndInvestigate("FTP exposed on 127.0.0.1, a dry run", port, true);
        PatchCases.confirmClosure(analyst, threatId);
        analyst.awaitClosed(threatId, "ELIMINATED");

        assertThat(analyst.threat(threatId)).containsEntry("dryRun", true);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/actions"))))
                .as("requests the receiver got for the dry run").noneMatch(r -> r.getBodyAsString().contains(threatId));
        assertThat(services).as("the exposed service is untouched").containsKey(port);
        List<Map<String, Object>> actions = actions(threatId);
        assertThat(actions).isNotEmpty().allSatisfy(a -> assertThat(a.get("status")).isEqualTo("DRY_RUN"));
        assertThat(actions).filteredOn(a -> "CLOSE_PORT".equals(a.get("action"))).singleElement().satisfies(a -> {
            String request = String.valueOf(a.get("request"));
            assertThat(request).startsWith("POST " + receiver.baseUrl() + "/*****\n")
                    .contains("webhook-signature: v1,*****\n").contains("Idempotency-Key: " + threatId + "/ERADICATION/")
                    .contains("\"action\":\"CLOSE_PORT\"").contains("\"port\":" + port).contains("\"dryRun\":true")
                    .doesNotContain(SECRET.substring("whsec_".length()));
            assertThat(String.valueOf(a.get("detail"))).startsWith("DRY RUN, nothing was sent: webhook would close the port");
            String[] headersAndBody = request.split("\n\n", 2);
            Map<String, String> headers = headersAndBody[0].lines().skip(1)
                    .collect(java.util.stream.Collectors.toMap(line -> line.substring(0, line.indexOf(": ")),
                            line -> line.substring(line.indexOf(": ") + 2)));
            String signature = WebhookSignature.of(SECRET).sign(headers.get(WebhookSignature.ID),
                    Long.parseLong(headers.get(WebhookSignature.TIMESTAMP)), headersAndBody[1]);
            assertThat(request).as("the signature it would have sent").doesNotContain(signature.substring(3));
        });
        assertThat(actions).extracting(a -> a.get("action")).as("validation had nothing to probe")
                .doesNotContain("PROBE_SERVICE");
    }

    private static String reportAndInvestigate(String title, int port) {
        return reportAndInvestigate(title, port, false);
    }

    private static String reportAndInvestigate(String title, int port, boolean dryRun) {
        Map<String, Object> report = new java.util.HashMap<>(Map.of("title", title, "type", "EXPOSED_SERVICE",
                "asset", "127.0.0.1", "port", port, "severity", "MEDIUM", "source", "e2e", "sourceRef", "e2e-" + port));
        if (dryRun) {
            report.put("dryRun", true);
        }
        String threatId = analyst.report(report);
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", false, "severity", "MEDIUM", "triageNotes", "exposed in the test"));
        analyst.submit(PatchCases.awaitInvestigation(analyst, threatId), Map.of("rootCause", "service left running",
                "eliminable", true, "remediationAction", "CLOSE_PORT"));
        return threatId;
    }

    private static void awaitMitigation(String threatId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> PatchCases.count(admin,
                "/engine-rest/history/activity-instance/count?processInstanceBusinessKey=" + threatId
                        + "&activityId=CallActivity_MitigateThreat") > 0);
    }

    /** Incidents of the threat's remediation case and of the mitigation cases it called. */
    @SuppressWarnings("unchecked")
    private static long incidents(String threatId) {
        List<Map<String, Object>> cases = node.http().withBasicAuth("admin", ApiClient.PASSWORD)
                .getForObject("/engine-rest/process-instance?businessKey=" + threatId, List.class);
        return cases.stream().mapToLong(c -> PatchCases.count(admin, "/engine-rest/incident/count?processInstanceId="
                + c.get("id"))).sum();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(String threatId) {
        return (List<Map<String, Object>>) analyst.threat(threatId).get("actions");
    }

    private static List<LoggedRequest> closeRequests(int port) {
        return receiver.findAll(postRequestedFor(urlEqualTo("/actions"))).stream()
                .filter(r -> r.getBodyAsString().contains("\"action\":\"CLOSE_PORT\"") && port(r.getBodyAsString()) == port)
                .toList();
    }

    /** Every request for the port verifies against the Standard Webhooks signature with the shared secret. */
    private static void assertSignedRequests(int port, int atLeast) {
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/actions"))).stream()
                .filter(r -> port(r.getBodyAsString()) == port).toList();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(atLeast).allSatisfy(request -> assertThat(
                WebhookSignature.of(SECRET).verifies(request.getHeader(WebhookSignature.ID),
                        request.getHeader(WebhookSignature.TIMESTAMP), request.getBodyAsString(),
                        request.getHeader(WebhookSignature.SIGNATURE), Instant.now(), Duration.ofMinutes(5)))
                .as("signature of %s", request.getBodyAsString()).isTrue());
    }

    /** A service listening on 127.0.0.1; {@code closedByReceiver}: the receiver stops it when told to close its port. */
    private static int exposedService(boolean closedByReceiver) {
        try {
            ServerSocket service = new ServerSocket(0, 50, LOOPBACK);
            services.put(service.getLocalPort(), service);
            if (closedByReceiver) {
                closesOnRequest.put(service.getLocalPort(), true);
            }
            return service.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(String body) {
        try {
            JsonNode port = JSON.readTree(body).path("data").path("port");
            return port.isInt() ? port.asInt() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void close(ServerSocket service) {
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
