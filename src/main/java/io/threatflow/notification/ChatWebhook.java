package io.threatflow.notification;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Posts to a chat's incoming webhook: Slack or Microsoft Teams. The entry names the route; the URL, a secret,
 * is looked up in the configuration at the moment of delivery and appears in no message.
 */
class ChatWebhook implements ChannelSender {

    private final Channel channel;
    private final String product;
    private final Function<String, String> urlOfRoute;
    private final Function<OutboxEntry, Map<String, Object>> payload;
    private final RestClient http;
    private final Secrets secrets;

    private ChatWebhook(Channel channel, String product, Function<String, String> urlOfRoute,
                        Function<OutboxEntry, Map<String, Object>> payload, RestClient http, Secrets secrets) {
        this.channel = channel;
        this.product = product;
        this.urlOfRoute = urlOfRoute;
        this.payload = payload;
        this.http = http;
        this.secrets = secrets;
    }

    /** Slack's incoming webhook: {@code {"text": …}} in Slack's mrkdwn. */
    static ChatWebhook slack(NotificationProperties properties, RestClient http, Secrets secrets) {
        return new ChatWebhook(Channel.SLACK, "Slack", route -> url(properties, route, NotificationProperties.Route::slackWebhookUrl),
                ChatWebhook::slackMessage, http, secrets);
    }

    /**
     * Teams: the message with one Adaptive Card attachment that both a Teams Workflows webhook ("Send webhook
     * alerts to a channel") and the retiring Office 365 connector webhook accept.
     */
    static ChatWebhook teams(NotificationProperties properties, RestClient http, Secrets secrets) {
        return new ChatWebhook(Channel.TEAMS, "Teams", route -> url(properties, route, NotificationProperties.Route::teamsWebhookUrl),
                ChatWebhook::teamsMessage, http, secrets);
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public void deliver(OutboxEntry entry) {
        String route = entry.recipient();
        String url = urlOfRoute.apply(route);
        if (url == null) {
            throw new DeliveryException(product + " route " + route + " has no webhook configured (any more)", true);
        }
        try {
            http.post().uri(URI.create(url)).contentType(MediaType.APPLICATION_JSON).body(payload.apply(entry))
                    .retrieve().toBodilessEntity();
        } catch (RestClientResponseException answer) {
            int status = answer.getStatusCode().value();
            boolean transientStatus = status == 408 || status == 429 || status >= 500;
            String body = answer.getResponseBodyAsString();
            throw new DeliveryException(secrets.redact(product + " webhook of route " + route + " answered " + status
                    + (body.isBlank() ? "" : ": " + abbreviate(body.strip(), 200))), !transientStatus);
        } catch (ResourceAccessException unreachable) {
            // the message quotes the URL; the cause's type says enough (ConnectException, HttpTimeoutException ...)
            Throwable cause = unreachable.getMostSpecificCause();
            throw new DeliveryException(product + " webhook of route " + route + " not reached: "
                    + cause.getClass().getSimpleName(), false);
        } catch (RestClientException other) {
            throw new DeliveryException(product + " webhook of route " + route + " failed: "
                    + other.getClass().getSimpleName(), false);
        }
    }

    private static String url(NotificationProperties properties, String route,
                              Function<NotificationProperties.Route, String> url) {
        NotificationProperties.Route configured = properties.routes().get(route);
        return configured == null ? null : url.apply(configured);
    }

    static Map<String, Object> slackMessage(OutboxEntry entry) {
        return Map.of("text", "*" + slackEscape(entry.subject()) + "*\n" + slackEscape(entry.body())
                + "\n_Threat " + slackEscape(entry.threatId()) + "_");
    }

    static Map<String, Object> teamsMessage(OutboxEntry entry) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", List.of(
                Map.of("type", "TextBlock", "text", entry.subject(), "weight", "Bolder", "size", "Medium", "wrap", true),
                Map.of("type", "TextBlock", "text", entry.body(), "wrap", true),
                Map.of("type", "TextBlock", "text", "Threat " + entry.threatId(), "isSubtle", true, "wrap", true)));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        return Map.of("type", "message", "attachments", List.of(attachment));
    }

    /** Slack reads &amp;, &lt; and &gt; as control characters of its markup. */
    private static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
