package io.threatflow.threat;

import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseDeletionRepository {

    private final JdbcClient jdbc;

    CaseDeletionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CaseDeletion deletion) {
        jdbc.sql("""
                insert into case_deletion (threat_id, process_instance_id, process_key, process_version, deployment_id,
                  deleted_by, deleted_at)
                values (:threatId, :instance, :key, :version, :deployment, :by, :at)
                """)
                .param("threatId", deletion.threatId()).param("instance", deletion.processInstanceId())
                .param("key", deletion.processKey()).param("version", deletion.processVersion())
                .param("deployment", deletion.deploymentId()).param("by", deletion.deletedBy())
                .param("at", deletion.deletedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<CaseDeletion> forThreat(String threatId) {
        return jdbc.sql("select * from case_deletion where threat_id = :id order by deleted_at, id")
                .param("id", threatId)
                .query((rs, n) -> new CaseDeletion(rs.getString("threat_id"), rs.getString("process_instance_id"),
                        rs.getString("process_key"), rs.getInt("process_version"), rs.getString("deployment_id"),
                        rs.getString("deleted_by"), rs.getTimestamp("deleted_at").toInstant()))
                .list();
    }
}
