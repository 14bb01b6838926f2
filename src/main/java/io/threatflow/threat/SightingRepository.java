package io.threatflow.threat;

import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SightingRepository {

    private final JdbcClient jdbc;

    SightingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Sighting sighting) {
        jdbc.sql("""
                insert into threat_sighting (threat_id, source, source_ref, reported_severity, severity_raised,
                  reported_by, seen_at)
                values (:threatId, :source, :sourceRef, :severity, :raised, :reportedBy, :seenAt)
                """)
                .param("threatId", sighting.threatId()).param("source", sighting.source())
                .param("sourceRef", sighting.sourceRef())
                .param("severity", sighting.reportedSeverity() == null ? null : sighting.reportedSeverity().name())
                .param("raised", sighting.severityRaised()).param("reportedBy", sighting.reportedBy())
                .param("seenAt", sighting.seenAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<Sighting> forThreat(String threatId) {
        return jdbc.sql("select * from threat_sighting where threat_id = :id order by seen_at, id")
                .param("id", threatId)
                .query((rs, n) -> new Sighting(rs.getString("threat_id"), rs.getString("source"),
                        rs.getString("source_ref"),
                        rs.getString("reported_severity") == null ? null : Severity.valueOf(rs.getString("reported_severity")),
                        rs.getBoolean("severity_raised"), rs.getString("reported_by"),
                        rs.getTimestamp("seen_at").toInstant()))
                .list();
    }
}
