package io.threatflow.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code threatflow.notifications}: where each audience is told, and how delivery retries. Without any route
 * notifications go to the log only, as they always did.
 *
 * @param routes by audience name: a Camunda group ({@code managers}, {@code analysts}), the role
 *               {@code asset-owner}, or an asset owner's own name, which wins over the role
 */
@Validated
@ConfigurationProperties("threatflow.notifications")
public record NotificationProperties(@Valid @DefaultValue Mail mail, Map<String, Route> routes,
                                     @Valid @DefaultValue Delivery delivery) {

    /** The route of every asset owner that has no route under its own name. */
    public static final String ASSET_OWNER = "asset-owner";

    public NotificationProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    public boolean routed() {
        return !routes.isEmpty();
    }

    /** @param from the sender address of notification e-mails */
    public record Mail(String from) {
    }

    /**
     * One audience's channels. The webhook URLs are secrets (whoever holds one can post to the channel): they
     * come from the environment or a file and are never shown, so {@link #toString()} masks them.
     *
     * @param email           addresses that receive an e-mail
     * @param slackWebhookUrl a Slack incoming webhook
     * @param teamsWebhookUrl a Microsoft Teams Workflows webhook ("Send webhook alerts to a channel")
     */
    public record Route(List<String> email, String slackWebhookUrl, String teamsWebhookUrl) {

        public Route {
            email = email == null ? List.of() : email.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
            slackWebhookUrl = blankToNull(slackWebhookUrl);
            teamsWebhookUrl = blankToNull(teamsWebhookUrl);
        }

        @Override
        public String toString() {
            return "Route[email=" + email + ", slackWebhookUrl=" + (slackWebhookUrl == null ? "none" : "(secret)")
                    + ", teamsWebhookUrl=" + (teamsWebhookUrl == null ? "none" : "(secret)") + "]";
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /**
     * @param maxAttempts    attempts per notification and recipient before it is FAILED
     * @param initialBackoff wait before the second attempt; doubled before each further one
     * @param maxBackoff     the longest wait between two attempts
     * @param pollInterval   how often each node looks for due notifications
     * @param batchSize      notifications one poll delivers at most
     * @param connectTimeout connecting to a chat webhook
     * @param readTimeout    waiting for a chat webhook's answer
     * @param claimTimeout   how long one node holds a notification for one attempt; after a node died mid-attempt,
     *                       another node tries again then
     */
    public record Delivery(@DefaultValue("5") @Min(1) int maxAttempts,
                           @DefaultValue("30s") Duration initialBackoff,
                           @DefaultValue("1h") Duration maxBackoff,
                           @DefaultValue("10s") Duration pollInterval,
                           @DefaultValue("50") @Min(1) int batchSize,
                           @DefaultValue("5s") Duration connectTimeout,
                           @DefaultValue("10s") Duration readTimeout,
                           @DefaultValue("2m") Duration claimTimeout) {

        /** The wait after the {@code attempts}-th failed attempt. */
        Duration backoffAfter(int attempts) {
            Duration wait = initialBackoff;
            for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }
}
