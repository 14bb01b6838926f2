package io.threatflow.action;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ActionLog {

    private static final int DETAIL_LENGTH = 1000;
    private static final int REQUEST_LENGTH = 4000;

    private final JdbcClient jdbc;

    ActionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ActionRecord> findByKey(ActionKey key) {
        return jdbc.sql("select * from action_log where idempotency_key = :key")
                .param("key", key.value()).query(this::row).optional();
    }

    /** The action an outside system knows by {@code actionId} ({@link ActionKey#actionId()}). */
    public Optional<ActionRecord> findByActionId(String actionId) {
        return jdbc.sql("select * from action_log where action_id = :actionId")
                .param("actionId", actionId).query(this::row).optional();
    }

    public List<ActionRecord> forThreat(String threatId) {
        return jdbc.sql("select * from action_log where threat_id = :id order by performed_at, id")
                .param("id", threatId).query(this::row).list();
    }

    public List<ActionRecord> forCase(String threatId, String caseId) {
        return jdbc.sql("""
                select * from action_log where threat_id = :id and case_id = :caseId order by performed_at, id
                """)
                .param("id", threatId).param("caseId", caseId).query(this::row).list();
    }

    void append(ActionKey key, String target, ActionStatus status, int attempt, String detail, Instant at) {
        append(key, target, status, attempt, detail, null, at);
    }

    /** @param request what a dry run would have sent; the column holds 4000 characters */
    void append(ActionKey key, String target, ActionStatus status, int attempt, String detail, String request,
                Instant at) {
        jdbc.sql("""
                insert into action_log (threat_id, action, purpose, target, status, attempt, idempotency_key,
                  action_id, case_id, detail, request, performed_at)
                values (:threatId, :action, :purpose, :target, :status, :attempt, :key, :actionId, :caseId, :detail,
                  :request,
                  :at)
                """)
                .param("threatId", key.threatId()).param("action", key.action().name())
                .param("purpose", key.purpose().name())
                .param("target", target).param("status", status.name()).param("attempt", attempt)
                .param("key", key.value()).param("actionId", key.actionId()).param("caseId", key.caseId())
                .param("detail", truncate(detail, DETAIL_LENGTH))
                .param("request", truncate(request, REQUEST_LENGTH))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    void updateStatus(ActionKey key, ActionStatus status, String detail) {
        jdbc.sql("update action_log set status = :status, detail = :detail where idempotency_key = :key")
                .param("status", status.name()).param("detail", truncate(detail, DETAIL_LENGTH))
                .param("key", key.value())
                .update();
    }

    /** Moves the action from status {@code from} to {@code to}; false when it was not in {@code from}. */
    boolean updateStatusIf(String idempotencyKey, ActionStatus from, ActionStatus to, String detail) {
        return jdbc.sql("""
                update action_log set status = :to, detail = :detail
                where idempotency_key = :key and status = :from
                """)
                .param("to", to.name()).param("detail", truncate(detail, DETAIL_LENGTH)).param("key", idempotencyKey)
                .param("from", from.name()).update() == 1;
    }

    void updateDetail(String idempotencyKey, String detail) {
        jdbc.sql("update action_log set detail = :detail where idempotency_key = :key")
                .param("detail", truncate(detail, DETAIL_LENGTH)).param("key", idempotencyKey).update();
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }

    private ActionRecord row(ResultSet rs, int rowNum) throws SQLException {
        return new ActionRecord(rs.getLong("id"), rs.getString("threat_id"), ActionType.valueOf(rs.getString("action")),
                ActionPurpose.valueOf(rs.getString("purpose")), rs.getString("target"),
                ActionStatus.valueOf(rs.getString("status")), rs.getInt("attempt"), rs.getString("idempotency_key"),
                rs.getString("case_id"), rs.getString("detail"), rs.getTimestamp("performed_at").toInstant(),
                rs.getString("request"));
    }
}
