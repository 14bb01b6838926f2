package io.threatflow.mitigation;

import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RiskAcceptanceRepository {

    private final JdbcClient jdbc;

    RiskAcceptanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RiskAcceptance acceptance) {
        jdbc.sql("""
                insert into risk_acceptance (threat_id, accepted_by, review_date, measures, comment, accepted_at)
                values (:threatId, :acceptedBy, :reviewDate, :measures, :comment, :acceptedAt)
                """)
                .param("threatId", acceptance.threatId()).param("acceptedBy", acceptance.acceptedBy())
                .param("reviewDate", acceptance.reviewDate()).param("measures", acceptance.measures())
                .param("comment", acceptance.comment())
                .param("acceptedAt", acceptance.acceptedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public List<RiskAcceptance> forThreat(String threatId) {
        return jdbc.sql("select * from risk_acceptance where threat_id = :id order by accepted_at")
                .param("id", threatId)
                .query((rs, n) -> new RiskAcceptance(rs.getString("threat_id"), rs.getString("accepted_by"),
                        rs.getDate("review_date").toLocalDate(), rs.getString("measures"), rs.getString("comment"),
                        rs.getTimestamp("accepted_at").toInstant()))
                .list();
    }
}
