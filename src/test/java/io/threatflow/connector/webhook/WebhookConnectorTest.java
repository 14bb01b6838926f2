package io.threatflow.connector.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionPendingException;
import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionType;
import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.NetworkState;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The signed action webhook against a receiver on loopback (WireMock), answer by answer. */
class WebhookConnectorTest {

    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("a test secret, 32 bytes long.....".getBytes());
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final ObjectMapper json = new ObjectMapper();
    private final Asset jumpHost = new Asset(null, "jump-07.branch.example", "127.0.0.1", null, null, true,
            NetworkState.CONNECTED, Criticality.HIGH, null, false, false, false, false, Set.of(), Set.of(), Set.of(), true,
            Set.of());
    private final ActionKey closeRdp = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, "case-1", 1, 1);

    private WebhookConnector connector(Duration readTimeout, URI callback) {
        return connector(URI.create(receiver.baseUrl() + "/actions"), readTimeout, callback);
    }

    private WebhookConnector connector(URI url, Duration readTimeout, URI callback) {
        return new WebhookConnector(new WebhookSettings(url, SECRET, Set.of(), callback, Duration.ofSeconds(2),
                readTimeout), json, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldPostASignedActionRequest_andCallA2xxApplied() throws Exception {
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(200).withBody("{\"ticket\": \"CHG-42\"}")));

        String detail = connector(Duration.ofSeconds(5), URI.create("https://threatflow.example/")).closePort(closeRdp,
                jumpHost, 3389);

        assertThat(detail).contains("applied CLOSE_PORT on jump-07.branch.example (200)").contains("CHG-42");
        LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/actions"))).get(0);
        assertSigned(request);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(closeRdp.value());
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode event = json.readTree(request.getBodyAsString());
        assertThat(event.get("type").asText()).isEqualTo("action.requested");
        assertThat(event.get("timestamp").asText()).isEqualTo("2026-12-01T10:00:00Z");
        JsonNode data = event.get("data");
        assertThat(data.get("actionId").asText()).isEqualTo(request.getHeader(WebhookSignature.ID))
                .isEqualTo(closeRdp.actionId());
        assertThat(data.get("idempotencyKey").asText()).isEqualTo(closeRdp.value());
        assertThat(data.get("action").asText()).isEqualTo("CLOSE_PORT");
        assertThat(data.get("purpose").asText()).isEqualTo("ERADICATION");
        assertThat(data.get("threatId").asText()).isEqualTo("threat-1");
        assertThat(data.get("asset").get("hostname").asText()).isEqualTo("jump-07.branch.example");
        assertThat(data.get("asset").get("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(data.get("port").asInt()).isEqualTo(3389);
        assertThat(data.get("cve").isNull()).isTrue();
        assertThat(data.get("dryRun").asBoolean()).isFalse();
        assertThat(data.get("callbackUrl").asText())
                .isEqualTo("https://threatflow.example/api/actions/" + data.get("actionId").asText() + "/result");
        assertThat(request.getBodyAsString()).doesNotContain(SECRET).doesNotContain(SECRET.substring(6));
    }

    @Test
    void shouldDescribeTheExactRequestItWouldSign_withDryRunTrue_maskingTheSignature_andSendNothing() throws Exception {
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(200)));
        WebhookConnector webhook = connector(Duration.ofSeconds(5), URI.create("https://threatflow.example/"));

        String request = webhook.describe(closeRdp, jumpHost, 3389, null);

        assertThat(receiver.getAllServeEvents()).as("requests the receiver got").isEmpty();
        String[] headersAndBody = request.split("\n\n", 2);
        assertThat(headersAndBody[0].lines().toList()).containsExactly(
                "POST " + receiver.baseUrl() + "/*****",
                "Content-Type: application/json",
                "webhook-id: " + closeRdp.actionId(),
                "webhook-timestamp: " + NOW.getEpochSecond(),
                "webhook-signature: v1,*****",
                "Idempotency-Key: " + closeRdp.value());
        JsonNode event = json.readTree(headersAndBody[1]);
        assertThat(event.get("type").asText()).isEqualTo("action.requested");
        JsonNode data = event.get("data");
        assertThat(data.get("dryRun").asBoolean()).isTrue();
        assertThat(data.get("action").asText()).isEqualTo("CLOSE_PORT");
        assertThat(data.get("port").asInt()).isEqualTo(3389);
        assertThat(data.get("asset").get("hostname").asText()).isEqualTo("jump-07.branch.example");
        assertThat(data.get("idempotencyKey").asText()).isEqualTo(closeRdp.value());
        String realSignature = WebhookSignature.of(SECRET).sign(closeRdp.actionId(),
                NOW.getEpochSecond(), headersAndBody[1]);
        assertThat(request).doesNotContain(SECRET).doesNotContain(SECRET.substring(6))
                .doesNotContain(realSignature.substring(3));
    }

    @Test
    void shouldDescribeTheSameBodyItSends_butForDryRun() throws Exception {
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(200)));
        WebhookConnector webhook = connector(Duration.ofSeconds(5), null);

        String described = webhook.describe(closeRdp, jumpHost, 3389, null).split("\n\n", 2)[1];
        webhook.closePort(closeRdp, jumpHost, 3389);

        String sent = receiver.findAll(postRequestedFor(urlEqualTo("/actions"))).get(0).getBodyAsString();
        assertThat(described).isEqualTo(sent.replace("\"dryRun\":false", "\"dryRun\":true"));
    }

    @Test
    void shouldSendTheFindingAsCve_whenItIsOne() throws Exception {
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(204)));
        ActionKey patch = ActionKey.eradication("threat-2", ActionType.PATCH_SOFTWARE, "case-2", 1, 1);

        connector(Duration.ofSeconds(5), null).patchSoftware(patch, jumpHost, "CVE-2019-0708");

        JsonNode data = json.readTree(receiver.findAll(postRequestedFor(urlEqualTo("/actions"))).get(0).getBodyAsString())
                .get("data");
        assertThat(data.get("cve").asText()).isEqualTo("CVE-2019-0708");
        assertThat(data.get("callbackUrl").isNull()).as("no callback URL configured").isTrue();
    }

    @Test
    void shouldCall409And422ARefusal_withTheReceiversReason() {
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(422).withBody("host is a domain controller")));
        assertThatThrownBy(() -> connector(Duration.ofSeconds(5), null).isolate(closeRdp, jumpHost))
                .isInstanceOf(ActionRejectedException.class).hasMessageContaining("refused")
                .hasMessageContaining("(422)").hasMessageContaining("host is a domain controller");

        receiver.resetAll();
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(409)));
        assertThatThrownBy(() -> connector(Duration.ofSeconds(5), null).isolate(closeRdp, jumpHost))
                .isInstanceOf(ActionRejectedException.class).hasMessageContaining("(409)");
    }

    @Test
    void shouldFailForARetry_on503_thenApplyOnTheRetry_withTheSameIdempotencyKeyAndId() {
        receiver.stubFor(post("/actions").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        receiver.stubFor(post("/actions").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        WebhookConnector webhook = connector(Duration.ofSeconds(5), null);

        assertThatThrownBy(() -> webhook.closePort(closeRdp, jumpHost, 3389))
                .isInstanceOf(WebhookFailedException.class).hasMessageContaining("answered 503");
        assertThat(webhook.closePort(closeRdp, jumpHost, 3389)).contains("applied");

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/actions")));
        assertThat(requests).hasSize(2).allSatisfy(this::assertSigned);
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(closeRdp.value());
        assertThat(requests).extracting(r -> r.getHeader(WebhookSignature.ID)).containsOnly(closeRdp.actionId());
    }

    @Test
    void shouldFailForARetry_on429_408_andOther4xx_sayingWhenToRetry() {
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        assertThatThrownBy(() -> connector(Duration.ofSeconds(5), null).isolate(closeRdp, jumpHost))
                .isInstanceOf(WebhookFailedException.class).hasMessageContaining("answered 429")
                .hasMessageContaining("retry after 30")
                .satisfies(e -> assertThat(((WebhookFailedException) e).retryAfter()).contains(Duration.ofSeconds(30)));
        for (int status : new int[] {408, 400, 401, 404, 500}) {
            receiver.resetAll();
            receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(status)));
            assertThatThrownBy(() -> connector(Duration.ofSeconds(5), null).isolate(closeRdp, jumpHost))
                    .as("status " + status).isInstanceOf(WebhookFailedException.class)
                    .hasMessageContaining("answered " + status);
        }
    }

    @Test
    void shouldNotFollowARedirect_soTheSignedRequestGoesNowhereElse() {
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(307).withHeader("Location", "/elsewhere")));
        receiver.stubFor(post("/elsewhere").willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> connector(Duration.ofSeconds(5), null).isolate(closeRdp, jumpHost))
                .isInstanceOf(WebhookFailedException.class).hasMessageContaining("answered 307");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/elsewhere")))).isEmpty();
    }

    @Test
    void shouldSayPending_on202_soThatTheCaseWaitsForThePostedResult() {
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(202).withBody("queued as change 4711")));
        assertThatThrownBy(() -> connector(Duration.ofSeconds(5), null).isolate(closeRdp, jumpHost))
                .isInstanceOf(ActionPendingException.class).hasMessageContaining("(202)")
                .hasMessageContaining("queued as change 4711");
    }

    @Test
    void shouldFailForARetry_onATimeoutOrARefusedConnection_withoutTheUrlsPathOrTheSecret() throws Exception {
        receiver.stubFor(post("/actions").willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));
        assertThatThrownBy(() -> connector(Duration.ofMillis(300), null).isolate(closeRdp, jumpHost))
                .isInstanceOf(WebhookFailedException.class).hasMessageContaining("not reachable")
                .hasMessageNotContaining(SECRET.substring(6));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + closedPort + "/hooks/t0ken-in-path");
        assertThatThrownBy(() -> connector(closed, Duration.ofSeconds(1), null).isolate(closeRdp, jumpHost))
                .isInstanceOf(WebhookFailedException.class).hasMessageContaining("http://127.0.0.1:" + closedPort)
                .hasMessageNotContaining("t0ken-in-path");
    }

    @Test
    void shouldRouteItselfForItsConfiguredActions_orAll() {
        WebhookConnector all = connector(Duration.ofSeconds(5), null);
        assertThat(all.actionsWithoutRoute()).contains(ActionType.CLOSE_PORT, ActionType.ISOLATE_HOST);
        WebhookConnector some = new WebhookConnector(new WebhookSettings(URI.create(receiver.baseUrl()), SECRET,
                Set.of(ActionType.ISOLATE_HOST), null, null, null), json, Clock.systemUTC());
        assertThat(some.actionsWithoutRoute()).containsExactly(ActionType.ISOLATE_HOST);
        assertThat(some.name()).isEqualTo("webhook");
        assertThat(some.toString()).doesNotContain(SECRET.substring(6));
    }

    @Test
    void shouldRefuseToStart_withAPlainHttpUrlToAnotherMachine_orAMalformedSecret_namingTheSetting() {
        assertThatThrownBy(() -> connector(URI.create("http://receiver.example/actions"), Duration.ofSeconds(1), null))
                .hasMessageContaining("threatflow.connectors.webhook.url").hasMessageContaining("https");
        assertThatThrownBy(() -> connector(URI.create("ftp://127.0.0.1/x"), Duration.ofSeconds(1), null))
                .hasMessageContaining("threatflow.connectors.webhook.url");
        WebhookConnector.requireSafe(URI.create("https://soar.example/hooks/threatflow"));
        WebhookConnector.requireSafe(URI.create("http://localhost:8081/hooks"));
        assertThatThrownBy(() -> new WebhookConnector(new WebhookSettings(URI.create("https://soar.example/"),
                "plain-secret-value", Set.of(), null, null, null), json, Clock.systemUTC()))
                .hasMessageContaining("threatflow.connectors.webhook.secret").hasMessageNotContaining("plain-secret-value");
    }

    private void assertSigned(LoggedRequest request) {
        assertThat(WebhookSignature.of(SECRET).verifies(request.getHeader(WebhookSignature.ID),
                request.getHeader(WebhookSignature.TIMESTAMP), request.getBodyAsString(),
                request.getHeader(WebhookSignature.SIGNATURE), NOW, Duration.ofMinutes(5)))
                .as("Standard Webhooks signature").isTrue();
        assertThat(request.getHeader(WebhookSignature.TIMESTAMP)).isEqualTo(String.valueOf(NOW.getEpochSecond()));
    }

    static ActionKey key(ActionType action) {
        return new ActionKey("threat-1", ActionPurpose.CONTAINMENT, action, "case-1", "test");
    }
}
