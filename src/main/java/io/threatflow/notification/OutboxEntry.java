package io.threatflow.notification;

import java.time.Instant;

/**
 * One notification to one recipient on one channel, and how its delivery went.
 *
 * @param recipient an e-mail address, or the route name of a chat webhook (never the webhook URL)
 * @param status    PENDING (waiting for its next attempt), SENT or FAILED (attempts used up, or refused for good)
 * @param lastError why the last attempt failed, free of secrets
 */
public record OutboxEntry(long id, String threatId, String audience, Channel channel, String recipient,
                          String subject, String body, Status status, int attempts, String lastError,
                          Instant nextAttemptAt, Instant createdAt, Instant sentAt) {

    public enum Status { PENDING, SENT, FAILED }
}
