package io.threatflow.action;

import java.time.Instant;

/** One line of the action log. */
public record ActionRecord(
        long id,
        String threatId,
        ActionType action,
        ActionPurpose purpose,
        String target,
        ActionStatus status,
        int attempt,
        String idempotencyKey,
        String detail,
        Instant performedAt) {
}
