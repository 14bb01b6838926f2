package io.threatflow.connector.webhook;

import io.threatflow.action.ActionType;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code threatflow.connectors.webhook.*}: where the signed action webhook goes.
 *
 * @param url            the receiver; https in production (TLS is verified), http only for a receiver on this
 *                       machine
 * @param secret         the Standard Webhooks secret, {@code whsec_} and base64, from the environment or a file
 * @param actions        the actions it carries out on every asset no route sends elsewhere; none: all it can
 * @param callbackUrl    ThreatFlow's own base URL as the receiver reaches it, for the {@code callbackUrl} it is
 *                       sent; none: no callback URL is sent
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout    how long to wait for the answer
 */
@ConfigurationProperties("threatflow.connectors.webhook")
public record WebhookSettings(URI url, String secret, Set<ActionType> actions, URI callbackUrl,
                              Duration connectTimeout, Duration readTimeout) {

    public WebhookSettings {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", actions=" + actions + ", callbackUrl=" + callbackUrl
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
