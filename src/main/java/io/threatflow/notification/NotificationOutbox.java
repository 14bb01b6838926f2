package io.threatflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code notification_outbox}. {@link #enqueue} joins the caller's transaction; the delivery side
 * ({@link #claim}, {@link #sent}, {@link #retryAt}, {@link #failed}) runs in short transactions of its own.
 *
 * <p>In a cluster every node polls the same rows. A node claims a row for one attempt with a conditional
 * UPDATE, which the database serialises on the row: of two nodes only one sees an update count of 1. The
 * claim expires, so a row whose node died mid-attempt is tried again (at least once: a mail that left just
 * before the crash may go twice). Plain SQL, the same on H2 and PostgreSQL.
 */
@Repository
public class NotificationOutbox {

    private final JdbcClient jdbc;

    NotificationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(String threatId, String audience, Channel channel, String recipient, String subject, String body,
                 Instant now) {
        jdbc.sql("""
                insert into notification_outbox (threat_id, audience, channel, recipient, subject, body, status,
                  attempts, next_attempt_at, created_at)
                values (:threatId, :audience, :channel, :recipient, :subject, :body, 'PENDING', 0, :now, :now)
                """)
                .param("threatId", threatId).param("audience", truncate(audience, 255))
                .param("channel", channel.name()).param("recipient", recipient)
                .param("subject", truncate(subject, 500)).param("body", truncate(body, 4000))
                .param("now", utc(now)).update();
    }

    /** Ids of PENDING rows whose attempt is due and that no live claim holds, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from notification_outbox
                 where status = 'PENDING' and next_attempt_at <= :now
                   and (claimed_until is null or claimed_until < :now)
                 order by next_attempt_at, id
                 limit :limit
                """)
                .param("now", utc(now)).param("limit", limit).query(Long.class).list();
    }

    /** Takes the row for one attempt, counted in {@code attempts}; empty when another node was first. */
    Optional<OutboxEntry> claim(long id, String node, Instant now, Instant until) {
        int claimed = jdbc.sql("""
                update notification_outbox
                   set claimed_by = :node, claimed_until = :until, attempts = attempts + 1
                 where id = :id and status = 'PENDING' and next_attempt_at <= :now
                   and (claimed_until is null or claimed_until < :now)
                """)
                .param("node", node).param("until", utc(until)).param("id", id).param("now", utc(now)).update();
        if (claimed != 1) {
            return Optional.empty();
        }
        return jdbc.sql("select * from notification_outbox where id = :id and claimed_by = :node")
                .param("id", id).param("node", node).query(NotificationOutbox::row).optional();
    }

    void sent(long id, String node, Instant at) {
        finish(id, node, "SENT", null, at, at);
    }

    void retryAt(long id, String node, String error, Instant next) {
        finish(id, node, "PENDING", error, next, null);
    }

    void failed(long id, String node, String error, Instant at) {
        finish(id, node, "FAILED", error, at, null);
    }

    /** Every notification of the threat, oldest first. */
    public List<OutboxEntry> forThreat(String threatId) {
        return jdbc.sql("select * from notification_outbox where threat_id = :id order by created_at, id")
                .param("id", threatId).query(NotificationOutbox::row).list();
    }

    /** Only the node holding the claim records the outcome; a node whose claim expired meanwhile changes nothing. */
    private void finish(long id, String node, String status, String error, Instant nextAttemptAt, Instant sentAt) {
        jdbc.sql("""
                update notification_outbox
                   set status = :status, last_error = :error, next_attempt_at = :next, sent_at = :sentAt,
                       claimed_by = null, claimed_until = null
                 where id = :id and claimed_by = :node
                """)
                .param("status", status).param("error", truncate(error, 1000)).param("next", utc(nextAttemptAt))
                .param("sentAt", sentAt == null ? null : utc(sentAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", id).param("node", node).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static OutboxEntry row(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getString("threat_id"), rs.getString("audience"),
                Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), OutboxEntry.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
