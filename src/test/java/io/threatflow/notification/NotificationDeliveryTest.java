package io.threatflow.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.threatflow.testing.MigratedDatabase;
import io.threatflow.action.NotificationPort.Audience;
import io.threatflow.action.NotificationPort.Notification;
import io.threatflow.notification.OutboxEntry.Status;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivery end to end on loopback: the outbox on H2, the real dispatcher, an SMTP server (GreenMail) and the
 * chat webhooks (WireMock), with a clock the test moves past each backoff.
 */
class NotificationDeliveryTest {

    private static final String SLACK_PATH = "/services/T000/B000/s3cr3t-slack-token";
    private static final String TEAMS_PATH = "/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t-teams-sig";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @RegisterExtension
    static final WireMockExtension chat = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final MovableClock clock = new MovableClock(Instant.parse("2025-06-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private OutboxDatabase database;
    private NotificationOutbox outbox;
    private String threatId;

    @BeforeEach
    void open() {
        database = OutboxDatabase.open(MigratedDatabase.Kind.H2);
        outbox = new NotificationOutbox(database.jdbc);
        threatId = database.registerThreat();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void close() throws Exception {
        root().detachAppender(logs);
        database.close();
    }

    @Test
    void shouldMailTheManagers_withSubjectRecipientAndBody() throws Exception {
        Wiring wiring = wire(Map.of("managers", new NotificationProperties.Route(
                List.of("soc-managers@example.org"), null, null)), 5);

        wiring.port.send(notification(Audience.groups("managers")));
        assertThat(wiring.dispatcher.deliverDue()).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("[ThreatFlow] Threat on legacy-hr-01: RDP exposed");
        assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly("soc-managers@example.org");
        assertThat(received[0].getFrom()).extracting(Object::toString).containsExactly("threatflow@example.org");
        assertThat(((String) received[0].getContent())).contains("Severity HIGH. Planned action: CLOSE_PORT.")
                .contains("Threat " + threatId);
        assertThat(outbox.forThreat(threatId)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.SENT);
            assertThat(entry.sentAt()).isEqualTo(clock.instant());
        });
        assertThat(counted("EMAIL", "sent")).isEqualTo(1);
    }

    @Test
    void shouldPostToSlackAndTeams_theDocumentedPayloads() {
        chat.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
        chat.stubFor(post(urlEqualTo(TEAMS_PATH)).willReturn(aResponse().withStatus(202)));
        Wiring wiring = wire(Map.of(
                "asset-owner", new NotificationProperties.Route(null, chat.baseUrl() + SLACK_PATH, null),
                "managers", new NotificationProperties.Route(null, null, chat.baseUrl() + TEAMS_PATH)), 5);

        wiring.port.send(new Notification(threatId, Audience.ownerAnd("hr-it", "managers"),
                "Threat on legacy-hr-01: <RDP> & more", "Severity HIGH."));
        assertThat(wiring.dispatcher.deliverDue()).isEqualTo(2);

        chat.verify(postRequestedFor(urlEqualTo(SLACK_PATH)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"text": "*Threat on legacy-hr-01: &lt;RDP&gt; &amp; more*\\nSeverity HIGH.\\n_Threat %s_"}
                        """.formatted(threatId))));
        chat.verify(postRequestedFor(urlEqualTo(TEAMS_PATH)).withRequestBody(equalToJson("""
                {"type": "message",
                 "attachments": [{
                   "contentType": "application/vnd.microsoft.card.adaptive",
                   "content": {
                     "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                     "type": "AdaptiveCard", "version": "1.4",
                     "body": [
                       {"type": "TextBlock", "text": "Threat on legacy-hr-01: <RDP> & more", "weight": "Bolder",
                        "size": "Medium", "wrap": true},
                       {"type": "TextBlock", "text": "Severity HIGH.", "wrap": true},
                       {"type": "TextBlock", "text": "Threat %s", "isSubtle": true, "wrap": true}]}}]}
                """.formatted(threatId))));
        assertThat(outbox.forThreat(threatId)).extracting(OutboxEntry::channel, OutboxEntry::recipient, OutboxEntry::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Channel.SLACK, "asset-owner", Status.SENT),
                        org.assertj.core.groups.Tuple.tuple(Channel.TEAMS, "managers", Status.SENT));
    }

    @Test
    void shouldRetryA500FromSlack_afterTheBackoff_andThenSend() {
        chat.stubFor(post(urlEqualTo(SLACK_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("internal_error")).willSetStateTo("recovered"));
        chat.stubFor(post(urlEqualTo(SLACK_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        Wiring wiring = wire(Map.of("managers", new NotificationProperties.Route(null, chat.baseUrl() + SLACK_PATH, null)), 5);

        wiring.port.send(notification(Audience.groups("managers")));
        wiring.dispatcher.deliverDue();

        assertThat(outbox.forThreat(threatId)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.PENDING);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).isEqualTo("Slack webhook of route managers answered 500: internal_error");
            assertThat(entry.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        });
        assertThat(wiring.dispatcher.deliverDue()).as("not due before the backoff").isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(wiring.dispatcher.deliverDue()).isEqualTo(1);

        assertThat(outbox.forThreat(threatId)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.SENT);
            assertThat(entry.attempts()).isEqualTo(2);
        });
        chat.verify(2, postRequestedFor(urlEqualTo(SLACK_PATH)));
        assertThat(counted("SLACK", "retried")).isEqualTo(1);
        assertThat(counted("SLACK", "sent")).isEqualTo(1);
    }

    @Test
    void shouldEndFailed_afterTheConfiguredAttempts_withoutTheCaseNoticing() {
        chat.stubFor(post(urlEqualTo(TEAMS_PATH)).willReturn(aResponse().withStatus(503)));
        Wiring wiring = wire(Map.of("managers", new NotificationProperties.Route(null, null, chat.baseUrl() + TEAMS_PATH)), 3);

        // the case's side: send returns at once, whatever Teams will answer
        wiring.port.send(notification(Audience.groups("managers")));
        for (int attempt = 1; attempt <= 5; attempt++) {
            wiring.dispatcher.deliverDue();
            clock.advance(Duration.ofHours(1));
        }

        chat.verify(3, postRequestedFor(urlEqualTo(TEAMS_PATH)));
        assertThat(outbox.forThreat(threatId)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.FAILED);
            assertThat(entry.attempts()).isEqualTo(3);
            assertThat(entry.lastError()).isEqualTo("Teams webhook of route managers answered 503");
        });
        assertThat(counted("TEAMS", "retried")).isEqualTo(2);
        assertThat(counted("TEAMS", "failed")).isEqualTo(1);
    }

    @Test
    void shouldFailAtOnce_whenTheWebhookIsGone() {
        chat.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(404).withBody("no_service")));
        Wiring wiring = wire(Map.of("managers", new NotificationProperties.Route(null, chat.baseUrl() + SLACK_PATH, null)), 5);

        wiring.port.send(notification(Audience.groups("managers")));
        wiring.dispatcher.deliverDue();

        assertThat(outbox.forThreat(threatId)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.FAILED);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).isEqualTo("Slack webhook of route managers answered 404: no_service");
        });
    }

    @Test
    void shouldNeverShowTheWebhookUrl_inTheOutboxOrTheLog() throws Exception {
        String unreachable;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unreachable = "http://127.0.0.1:" + socket.getLocalPort() + SLACK_PATH;
        }
        // a service that echoes the request in its error page
        chat.stubFor(post(urlEqualTo(TEAMS_PATH)).willReturn(aResponse().withStatus(500)
                .withBody("error posting to " + chat.baseUrl() + TEAMS_PATH)));
        NotificationProperties.Route route = new NotificationProperties.Route(null, unreachable, chat.baseUrl() + TEAMS_PATH);
        Wiring wiring = wire(Map.of("managers", route), 1);

        wiring.port.send(notification(Audience.groups("managers")));
        wiring.dispatcher.deliverDue();

        List<OutboxEntry> entries = outbox.forThreat(threatId);
        assertThat(entries).extracting(OutboxEntry::status).containsOnly(Status.FAILED);
        assertThat(entries).extracting(OutboxEntry::lastError).anySatisfy(error ->
                assertThat(error).startsWith("Slack webhook of route managers not reached: "));
        assertThat(entries).extracting(OutboxEntry::lastError)
                .contains("Teams webhook of route managers answered 500: error posting to (secret)");
        String everything = entries + " " + logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList()
                + " " + route;
        assertThat(everything).doesNotContain("s3cr3t").doesNotContain(SLACK_PATH).contains("FAILED");
    }

    private Notification notification(Audience audience) {
        return new Notification(threatId, audience, "Threat on legacy-hr-01: RDP exposed",
                "Severity HIGH. Planned action: CLOSE_PORT.");
    }

    private record Wiring(OutboxNotificationAdapter port, NotificationDispatcher dispatcher) {
    }

    private Wiring wire(Map<String, NotificationProperties.Route> routes, int maxAttempts) {
        var delivery = new NotificationProperties.Delivery(maxAttempts, Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofSeconds(10), 50, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(2));
        var properties = new NotificationProperties(new NotificationProperties.Mail("threatflow@example.org"), routes, delivery);
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        Secrets secrets = Secrets.of(properties, null);
        return new Wiring(new OutboxNotificationAdapter(outbox, properties, clock),
                new NotificationDispatcher(outbox, NotificationConfiguration.senders(properties, mail, secrets),
                        delivery, secrets, meters, clock));
    }

    private double counted(String channel, String outcome) {
        var counter = meters.find(NotificationDispatcher.DELIVERIES).tag("channel", channel).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
