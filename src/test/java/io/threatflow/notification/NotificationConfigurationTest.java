package io.threatflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.threatflow.action.NotificationPort;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which notification port the application gets, and which settings stop its start: a context of the
 * notification beans alone, without the engine.
 */
class NotificationConfigurationTest {

    private static final String SLACK_URL = "https://hooks.slack.example/services/T0/B0/s3cr3t";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(Collaborators.class, NotificationConfiguration.class);

    @Test
    void shouldKeepTheLogAdapter_whenNoRouteIsConfigured() {
        context.run(started -> {
            assertThat(started).hasNotFailed().doesNotHaveBean(NotificationDispatcher.class);
            assertThat(started.getBean(NotificationPort.class)).isSameAs(started.getBean("logNotificationAdapter"));
        });
    }

    @Test
    void shouldWriteToTheOutbox_whenARouteIsConfigured() {
        context.withPropertyValues("threatflow.notifications.routes.managers.slack-webhook-url=" + SLACK_URL)
                .run(started -> {
                    assertThat(started).hasNotFailed().hasSingleBean(NotificationDispatcher.class);
                    assertThat(started.getBean(NotificationPort.class)).isInstanceOf(OutboxNotificationAdapter.class);
                    assertThat(started.getBean(NotificationProperties.class).toString())
                            .contains("(secret)").doesNotContain("s3cr3t");
                });
    }

    @Test
    void shouldRefuseToStart_withEmailButNoMailServer() {
        context.withPropertyValues("threatflow.notifications.routes.managers.email=soc@example.org",
                        "threatflow.notifications.mail.from=threatflow@example.org")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("spring.mail.host"));
        context.withPropertyValues("threatflow.notifications.routes.managers.email=soc@example.org",
                        "spring.mail.host=127.0.0.1", "spring.mail.password=s3cr3t-smtp")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("threatflow.notifications.mail.from"));
    }

    @Test
    void shouldRefuseAPlainHttpWebhook_withoutShowingIt() {
        context.withPropertyValues("threatflow.notifications.routes.analysts.teams-webhook-url="
                        + "http://teams.example/webhook/s3cr3t")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("threatflow.notifications.routes.analysts.teams-webhook-url must be an https URL"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NotificationProperties.class)
    static class Collaborators {
        @Bean
        NotificationPort logNotificationAdapter() {
            return notification -> { };
        }

        @Bean
        NotificationOutbox notificationOutbox() {
            return new NotificationOutbox(mock(JdbcClient.class));
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
