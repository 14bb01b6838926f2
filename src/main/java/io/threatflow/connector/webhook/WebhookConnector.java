package io.threatflow.connector.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.Text;
import io.threatflow.action.AccountControlPort;
import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionPendingException;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionType;
import io.threatflow.action.Connector;
import io.threatflow.action.HostIsolationPort;
import io.threatflow.action.MalwareRemovalPort;
import io.threatflow.action.MonitoringPort;
import io.threatflow.action.PatchingPort;
import io.threatflow.action.PortControlPort;
import io.threatflow.connector.ConnectorFailureException;
import io.threatflow.connector.ConnectorHttp;
import io.threatflow.inventory.Asset;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The signed action webhook: every action it is routed becomes a {@code POST} of an {@code action.requested}
 * event to {@code threatflow.connectors.webhook.url}, signed as the Standard Webhooks specification says, with
 * the action's idempotency key as {@code Idempotency-Key} (the same on every retry). A 202 means the receiver
 * carries it out later and posts the result to {@code /api/actions/{actionId}/result}; another 2xx means applied,
 * 409 and 422 a refusal; 408, 429, 5xx, other answers, timeouts and connection errors are technical failures the
 * job retries. The contract is in docs/connectors.md.
 */
@Component
@ConditionalOnProperty(prefix = "threatflow.connectors.webhook", name = "url")
class WebhookConnector implements Connector, HostIsolationPort, PortControlPort, PatchingPort, MalwareRemovalPort,
        AccountControlPort, MonitoringPort {

    static final String NAME = "webhook";
    static final String EVENT_TYPE = "action.requested";
    private static final int MAX_DETAIL = 300;
    private static final String MASKED = "*****";

    private final WebhookSettings settings;
    private final WebhookSignature signature;
    private final RestClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final String receiver;

    WebhookConnector(WebhookSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        requireSafe(settings.url());
        try {
            this.signature = WebhookSignature.of(settings.secret());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("threatflow.connectors.webhook.secret: " + e.getMessage());
        }
        this.json = json;
        this.clock = clock;
        this.receiver = settings.url().getScheme() + "://" + settings.url().getAuthority();
        // TLS verified and no redirect followed, so a signed request goes nowhere else
        this.http = ConnectorHttp.restClient(settings.connectTimeout(), settings.readTimeout()).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ActionType> actionsWithoutRoute() {
        return settings.actions().isEmpty() ? Set.of(ActionType.values()) : settings.actions();
    }

    @Override
    public String isolate(ActionKey key, Asset asset) {
        return send(key, asset, null, null);
    }

    @Override
    public String reconnect(ActionKey key, Asset asset) {
        return send(key, asset, null, null);
    }

    @Override
    public String closePort(ActionKey key, Asset asset, Integer port) {
        return send(key, asset, port, null);
    }

    @Override
    public String blockPort(ActionKey key, Asset asset, Integer port) {
        return send(key, asset, port, null);
    }

    @Override
    public String unblockPort(ActionKey key, Asset asset, Integer port) {
        return send(key, asset, port, null);
    }

    @Override
    public String patchSoftware(ActionKey key, Asset asset, String finding) {
        return send(key, asset, null, finding);
    }

    @Override
    public String upgradeOs(ActionKey key, Asset asset) {
        return send(key, asset, null, null);
    }

    @Override
    public String removeMalware(ActionKey key, Asset asset, String finding) {
        return send(key, asset, null, finding);
    }

    @Override
    public String disableAccount(ActionKey key, Asset asset) {
        return send(key, asset, null, null);
    }

    @Override
    public String enableAccount(ActionKey key, Asset asset) {
        return send(key, asset, null, null);
    }

    @Override
    public String resetCredentials(ActionKey key, Asset asset) {
        return send(key, asset, null, null);
    }

    @Override
    public String raiseMonitoring(ActionKey key, Asset asset) {
        return send(key, asset, null, null);
    }

    /** https, or plain http to this machine only: signed actions and their answers do not cross a network in clear. */
    static void requireSafe(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (!(scheme.equals("https") && !host.isEmpty() || scheme.equals("http") && loopback)) {
            throw new IllegalStateException("threatflow.connectors.webhook.url: an https URL is required "
                    + "(plain http only to this machine)");
        }
    }

    /**
     * The request {@link #send} would post now, with {@code "dryRun": true} in its data: its headers, and the body
     * as it would be signed. The signature is masked, and so is the URL's path, which may hold a token.
     */
    @Override
    public String describe(ActionKey key, Asset asset, Integer port, String finding) {
        String actionId = key.actionId();
        long timestamp = clock.instant().getEpochSecond();
        HttpHeaders headers = headers(key, actionId, timestamp, WebhookSignature.VERSION + MASKED);
        String path = settings.url().getRawPath() == null || settings.url().getRawPath().isEmpty() ? "" : "/" + MASKED;
        StringBuilder request = new StringBuilder("POST ").append(receiver).append(path).append('\n');
        headers.forEach((name, values) -> request.append(name).append(": ").append(String.join(", ", values))
                .append('\n'));
        return request.append('\n').append(body(key, actionId, asset, port, finding, true)).toString();
    }

    private String send(ActionKey key, Asset asset, Integer port, String finding) {
        String actionId = key.actionId();
        long timestamp = clock.instant().getEpochSecond();
        String body = body(key, actionId, asset, port, finding, false);
        HttpHeaders headers = headers(key, actionId, timestamp, signature.sign(actionId, timestamp, body));
        try {
            return http.post().uri(settings.url()).headers(sent -> sent.addAll(headers))
                    .body(body)
                    .exchange((request, response) -> answer(key, asset, response.getStatusCode(),
                            response.getHeaders(), Text.oneLine(new String(response.getBody().readAllBytes(),
                                    StandardCharsets.UTF_8), MAX_DETAIL)), true);
        } catch (ResourceAccessException e) {
            throw new WebhookFailedException("webhook " + receiver + " not reachable for " + key.action() + ": "
                    + (e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName()));
        }
    }

    private String answer(ActionKey key, Asset asset, HttpStatusCode status, HttpHeaders headers, String answer) {
        String what = key.action() + " on " + asset.hostname();
        int code = status.value();
        if (code == 202) {
            throw new ActionPendingException("webhook " + receiver + " accepted " + what + " for later (202) and "
                    + "is to post its result" + said(answer));
        }
        if (status.is2xxSuccessful()) {
            return "webhook " + receiver + " applied " + what + " (" + code + ")" + said(answer);
        }
        if (code == 409 || code == 422) {
            throw new ActionRejectedException("webhook " + receiver + " refused " + what + " (" + code + ")"
                    + said(answer));
        }
        throw new WebhookFailedException("webhook " + receiver + " answered " + code + " to " + what
                + ConnectorFailureException.retryAfterText(headers) + said(answer),
                code == 429 || code == 503 ? ConnectorFailureException.waitFrom(headers, clock.instant()).orElse(null)
                        : null);
    }

    private static HttpHeaders headers(ActionKey key, String actionId, long timestamp, String signatureValue) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(WebhookSignature.ID, actionId);
        headers.set(WebhookSignature.TIMESTAMP, Long.toString(timestamp));
        headers.set(WebhookSignature.SIGNATURE, signatureValue);
        headers.set("Idempotency-Key", key.value());
        return headers;
    }

    private String body(ActionKey key, String actionId, Asset asset, Integer port, String finding, boolean dryRun) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("hostname", asset.hostname());
        target.put("ip", asset.ipAddress());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("actionId", actionId);
        data.put("idempotencyKey", key.value());
        data.put("action", key.action().name());
        data.put("purpose", key.purpose().name());
        data.put("threatId", key.threatId());
        data.put("asset", target);
        data.put("port", port);
        data.put("cve", finding != null && finding.startsWith("CVE-") ? finding : null);
        data.put("dryRun", dryRun);
        data.put("callbackUrl", settings.callbackUrl() == null ? null
                : URI.create(settings.callbackUrl().toString().replaceAll("/+$", "") + "/api/actions/" + actionId
                        + "/result").toString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", EVENT_TYPE);
        event.put("timestamp", clock.instant().toString());
        event.put("data", data);
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook event", e);
        }
    }

    private static String said(String answer) {
        return answer.isBlank() ? "" : ": " + answer;
    }

    @Override
    public String toString() {
        return "WebhookConnector[" + receiver + "]";
    }
}
