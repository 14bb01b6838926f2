package io.threatflow.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.threatflow.action.NotificationPort;
import io.threatflow.connector.ConnectorHttp;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

/**
 * Present only when {@code threatflow.notifications.routes} names at least one route: then the outbox adapter
 * becomes the primary {@link NotificationPort} and a dispatcher delivers. Otherwise the log adapter stays
 * alone, exactly as before. A route that cannot work (e-mail without {@code spring.mail.host}, a webhook that
 * is no https URL) stops the start with a message that names the setting, never its value.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NotificationConfiguration.RoutesConfigured.class)
class NotificationConfiguration {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @Bean
    @Primary
    NotificationPort outboxNotifications(NotificationOutbox outbox, NotificationProperties properties, Clock clock) {
        return new OutboxNotificationAdapter(outbox, properties, clock);
    }

    @Bean
    NotificationDispatcher notificationDispatcher(NotificationOutbox outbox, NotificationProperties properties,
                                                  ObjectProvider<JavaMailSender> mail, Environment environment,
                                                  MeterRegistry meters, Clock clock) {
        Secrets secrets = Secrets.of(properties, environment.getProperty("spring.mail.password"));
        return new NotificationDispatcher(outbox, senders(properties, mail.getIfAvailable(), secrets),
                properties.delivery(), secrets, meters, clock);
    }

    static List<ChannelSender> senders(NotificationProperties properties, JavaMailSender mail, Secrets secrets) {
        List<ChannelSender> senders = new ArrayList<>();
        boolean email = false;
        boolean slack = false;
        boolean teams = false;
        for (Map.Entry<String, NotificationProperties.Route> route : properties.routes().entrySet()) {
            String prefix = "threatflow.notifications.routes." + route.getKey();
            email |= !route.getValue().email().isEmpty();
            slack |= requireWebhook(prefix + ".slack-webhook-url", route.getValue().slackWebhookUrl());
            teams |= requireWebhook(prefix + ".teams-webhook-url", route.getValue().teamsWebhookUrl());
        }
        if (email) {
            if (mail == null) {
                throw new IllegalStateException("threatflow.notifications.routes name e-mail addresses, "
                        + "but no mail server is configured (spring.mail.host)");
            }
            String from = properties.mail().from();
            if (from == null || from.isBlank()) {
                throw new IllegalStateException("threatflow.notifications.routes name e-mail addresses, "
                        + "but threatflow.notifications.mail.from is not set");
            }
            senders.add(new MailSender(mail, from, secrets));
        }
        if (slack || teams) {
            RestClient http = restClient(properties.delivery());
            if (slack) {
                senders.add(ChatWebhook.slack(properties, http, secrets));
            }
            if (teams) {
                senders.add(ChatWebhook.teams(properties, http, secrets));
            }
        }
        return senders;
    }

    /**
     * Explicit timeouts, no redirects, the JDK's certificate and host name checks. HTTP/1.1: a webhook is one
     * small POST, and the JDK's h2c upgrade on plain http trips some servers and proxies.
     */
    static RestClient restClient(NotificationProperties.Delivery delivery) {
        return ConnectorHttp.restClient(delivery.connectTimeout(), delivery.readTimeout()).build();
    }

    /** https, or http to this machine only (a relay on loopback, the tests). */
    private static boolean requireWebhook(String setting, String url) {
        if (url == null) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not a URL");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && LOOPBACK.contains(uri.getHost().toLowerCase());
        if (!https && !loopbackHttp) {
            throw new IllegalStateException(setting + " must be an https URL");
        }
        return true;
    }

    static final class RoutesConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("threatflow.notifications.routes", Bindable.mapOf(String.class, NotificationProperties.Route.class))
                    .map(routes -> !routes.isEmpty()).orElse(false);
        }
    }
}
