package io.threatflow.playbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The proposals and their files (table {@code playbook_change}, V10). */
@Repository
class PlaybookChangeStore {

    private static final String COLUMNS = "id, proposed_by, proposed_at, base_deployment_id, comment, status, summary, "
            + "reviewed_by, decided_at, reason, deployment_id";

    private final JdbcClient jdbc;

    PlaybookChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PlaybookChange change, Map<String, byte[]> files) {
        jdbc.sql("insert into playbook_change (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(change.id(), change.proposedBy(), utc(change.proposedAt()), change.baseDeploymentId(),
                        change.comment(), change.status().name(), change.summary(), change.reviewedBy(),
                        utc(change.decidedAt()), change.reason(), change.deploymentId())
                .update();
        files.forEach((name, content) -> jdbc.sql("insert into playbook_change_resource (change_id, name, content) values (?, ?, ?)")
                .params(change.id(), name, content).update());
    }

    Optional<PlaybookChange> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from playbook_change where id = ?").param(id).query(this::row).optional();
    }

    List<PlaybookChange> all() {
        return jdbc.sql("select " + COLUMNS + " from playbook_change order by proposed_at desc").query(this::row).list();
    }

    Optional<PlaybookChange> deployedAs(String deploymentId) {
        return jdbc.sql("select " + COLUMNS + " from playbook_change where deployment_id = ?").param(deploymentId)
                .query(this::row).optional();
    }

    Map<String, byte[]> files(String id) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        jdbc.sql("select name, content from playbook_change_resource where change_id = ? order by name").param(id)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getBytes(2))).list()
                .forEach(file -> files.put(file.getKey(), file.getValue()));
        if (files.isEmpty()) {
            throw new IllegalStateException("Playbook change " + id + " has no files");
        }
        return files;
    }

    /** Records the decision, once: a decided change stays decided. */
    boolean decide(String id, PlaybookChange.Status status, String reviewer, Instant at, String reason, String deploymentId) {
        return jdbc.sql("update playbook_change set status = ?, reviewed_by = ?, decided_at = ?, reason = ?, deployment_id = ? "
                        + "where id = ? and status = 'PENDING'")
                .params(status.name(), reviewer, utc(at), reason, deploymentId, id).update() == 1;
    }

    private PlaybookChange row(ResultSet rs, int row) throws SQLException {
        return new PlaybookChange(rs.getString("id"), rs.getString("proposed_by"), instant(rs, "proposed_at"),
                rs.getString("base_deployment_id"), rs.getString("comment"),
                PlaybookChange.Status.valueOf(rs.getString("status")), rs.getString("summary"),
                rs.getString("reviewed_by"), instant(rs, "decided_at"), rs.getString("reason"), rs.getString("deployment_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
