package io.threatflow.action;

import java.time.Instant;

/**
 * One line of the action log.
 *
 * @param caseId  the case that took the action; null for an action logged before keys named their case
 * @param request for a {@link ActionStatus#DRY_RUN}, the request its connector would have sent, secrets masked;
 *                null otherwise
 */
public record ActionRecord(
        long id,
        String threatId,
        ActionType action,
        ActionPurpose purpose,
        String target,
        ActionStatus status,
        int attempt,
        String idempotencyKey,
        String caseId,
        String detail,
        Instant performedAt,
        String request) {

    /** Whether this line was logged under the key. */
    public boolean hasKey(ActionKey key) {
        return idempotencyKey.equals(key.value());
    }
}
