package io.threatflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.MigratedDatabase;
import io.threatflow.notification.OutboxEntry.Status;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL of {@link NotificationOutbox} and its migration V7, on the embedded H2 and on PostgreSQL (skipped with
 * a banner without a server at 127.0.0.1:5432).
 */
class NotificationOutboxDatabaseTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private OutboxDatabase database;

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldKeepANotification_onlyWhenTheCasesTransactionCommits(MigratedDatabase.Kind kind) {
        database = OutboxDatabase.open(kind);
        NotificationOutbox outbox = new NotificationOutbox(database.jdbc);
        String threatId = database.registerThreat();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource));

        transaction.executeWithoutResult(status -> {
            outbox.enqueue(threatId, "managers", Channel.SLACK, "managers", "rolled back", "body", NOW);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                outbox.enqueue(threatId, "managers", Channel.EMAIL, "soc@example.org", "committed", "body", NOW));

        assertThat(outbox.forThreat(threatId)).singleElement().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo("committed");
            assertThat(entry.status()).isEqualTo(Status.PENDING);
            assertThat(entry.attempts()).isZero();
            assertThat(entry.createdAt()).isEqualTo(NOW);
        });
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldLetOneNodeOnlyClaimAnEntry_untilItsClaimExpires(MigratedDatabase.Kind kind) {
        database = OutboxDatabase.open(kind);
        NotificationOutbox outbox = new NotificationOutbox(database.jdbc);
        String threatId = database.registerThreat();
        outbox.enqueue(threatId, "managers", Channel.SLACK, "managers", "subject", "body", NOW);
        long id = outbox.due(NOW, 10).get(0);

        assertThat(outbox.claim(id, "node-a", NOW, NOW.plusSeconds(120))).get()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
        assertThat(outbox.claim(id, "node-b", NOW, NOW.plusSeconds(120))).as("held by node-a").isEmpty();
        assertThat(outbox.due(NOW.plusSeconds(60), 10)).as("not due while claimed").isEmpty();

        // node-a died mid-attempt: after the claim expired node-b tries again
        Instant later = NOW.plusSeconds(121);
        assertThat(outbox.due(later, 10)).containsExactly(id);
        assertThat(outbox.claim(id, "node-b", later, later.plusSeconds(120))).get()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(2));
        outbox.sent(id, "node-a", later);
        assertThat(outbox.forThreat(threatId).get(0).status()).as("node-a's claim is gone").isEqualTo(Status.PENDING);
        outbox.sent(id, "node-b", later);

        assertThat(outbox.forThreat(threatId)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Status.SENT);
            assertThat(entry.sentAt()).isEqualTo(later);
        });
        assertThat(outbox.due(later.plusSeconds(3600), 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldOfferARetryWhenDue_andNeverAFailedEntry(MigratedDatabase.Kind kind) {
        database = OutboxDatabase.open(kind);
        NotificationOutbox outbox = new NotificationOutbox(database.jdbc);
        String threatId = database.registerThreat();
        outbox.enqueue(threatId, "managers", Channel.TEAMS, "managers", "retried", "body", NOW);
        outbox.enqueue(threatId, "managers", Channel.SLACK, "managers", "failed", "body", NOW.plusSeconds(1));
        long retried = outbox.due(NOW.plusSeconds(1), 10).get(0);
        long failed = outbox.due(NOW.plusSeconds(1), 10).get(1);
        outbox.claim(retried, "node-a", NOW.plusSeconds(1), NOW.plusSeconds(60));
        outbox.claim(failed, "node-a", NOW.plusSeconds(1), NOW.plusSeconds(60));

        outbox.retryAt(retried, "node-a", "Teams webhook of route managers answered 503", NOW.plusSeconds(30));
        outbox.failed(failed, "node-a", "Slack webhook of route managers answered 404: no_service", NOW.plusSeconds(2));

        assertThat(outbox.due(NOW.plusSeconds(29), 10)).isEmpty();
        assertThat(outbox.due(NOW.plusSeconds(30), 10)).containsExactly(retried);
        assertThat(outbox.forThreat(threatId)).extracting(OutboxEntry::status, OutboxEntry::lastError).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.PENDING, "Teams webhook of route managers answered 503"),
                org.assertj.core.groups.Tuple.tuple(Status.FAILED, "Slack webhook of route managers answered 404: no_service"));
    }
}
