package io.threatflow.notification;

import io.threatflow.action.NotificationPort;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification port when routes are configured: logs the notification as the log adapter does, and writes
 * one outbox row per channel and recipient that the audience's routes name, in the caller's transaction.
 * Delivery happens later ({@link NotificationDispatcher}), so nothing here can fail on a mail server or a chat.
 */
class OutboxNotificationAdapter implements NotificationPort {

    private static final Logger log = LoggerFactory.getLogger("threatflow.notifications");

    private final NotificationOutbox outbox;
    private final NotificationProperties properties;
    private final Clock clock;

    OutboxNotificationAdapter(NotificationOutbox outbox, NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void send(Notification notification) {
        log.info("[to {}] {} (threat {}): {}", notification.audience().label(), notification.subject(),
                notification.threatId(), notification.body());
        Set<Map.Entry<Channel, String>> recipients = recipients(notification.audience());
        if (recipients.isEmpty()) {
            log.debug("no route for {}: the log is the only channel", notification.audience().label());
        }
        for (Map.Entry<Channel, String> recipient : recipients) {
            outbox.enqueue(notification.threatId(), notification.audience().label(), recipient.getKey(),
                    recipient.getValue(), notification.subject(), notification.body(), clock.instant());
        }
    }

    /** Each (channel, recipient) once: e-mail addresses, and the route names of chat webhooks. */
    Set<Map.Entry<Channel, String>> recipients(Audience audience) {
        Map<String, NotificationProperties.Route> routes = new LinkedHashMap<>();
        if (audience.assetOwner() != null) {
            String owner = audience.assetOwner();
            Optional.ofNullable(properties.routes().get(owner)).map(route -> Map.entry(owner, route))
                    .or(() -> Optional.ofNullable(properties.routes().get(NotificationProperties.ASSET_OWNER))
                            .map(route -> Map.entry(NotificationProperties.ASSET_OWNER, route)))
                    .ifPresent(route -> routes.put(route.getKey(), route.getValue()));
        }
        for (String group : audience.groups()) {
            Optional.ofNullable(properties.routes().get(group)).ifPresent(route -> routes.put(group, route));
        }
        Set<Map.Entry<Channel, String>> recipients = new LinkedHashSet<>();
        routes.forEach((name, route) -> {
            route.email().forEach(address -> recipients.add(Map.entry(Channel.EMAIL, address)));
            if (route.slackWebhookUrl() != null) {
                recipients.add(Map.entry(Channel.SLACK, name));
            }
            if (route.teamsWebhookUrl() != null) {
                recipients.add(Map.entry(Channel.TEAMS, name));
            }
        });
        return recipients;
    }
}
