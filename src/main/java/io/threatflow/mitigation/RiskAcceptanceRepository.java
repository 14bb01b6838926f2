package io.threatflow.mitigation;

import io.threatflow.threat.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RiskAcceptanceRepository {

    /** An open acceptance with what the register shows of its threat. */
    record OpenAcceptance(RiskAcceptance acceptance, String title, String assetName, Severity severity) {
    }

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

    /** Ends the threat's open acceptances; none is an answer too (a first review has nothing to end). */
    void end(String threatId, RiskAcceptance.Ended how, Instant at) {
        jdbc.sql("update risk_acceptance set ended_at = :at, ended_as = :how where threat_id = :id and ended_at is null")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("how", how.name()).param("id", threatId).update();
    }

    public List<RiskAcceptance> forThreat(String threatId) {
        return jdbc.sql("select * from risk_acceptance where threat_id = :id order by accepted_at")
                .param("id", threatId)
                .query((rs, n) -> acceptance(rs))
                .list();
    }

    /** The open acceptances, the soonest review first. */
    List<OpenAcceptance> open() {
        return jdbc.sql("""
                select r.*, t.title, t.asset_name, coalesce(t.severity, t.reported_severity) as threat_severity
                  from risk_acceptance r join threat t on t.id = r.threat_id
                 where r.ended_at is null
                 order by r.review_date, r.accepted_at
                """)
                .query((rs, n) -> new OpenAcceptance(acceptance(rs), rs.getString("title"), rs.getString("asset_name"),
                        rs.getString("threat_severity") == null ? null : Severity.valueOf(rs.getString("threat_severity"))))
                .list();
    }

    /** How many open acceptances are overdue on {@code today}: their review was due at the start of their date. */
    public long overdue(LocalDate today) {
        return jdbc.sql("select count(*) from risk_acceptance where ended_at is null and review_date <= :today")
                .param("today", today).query(Long.class).single();
    }

    private static RiskAcceptance acceptance(ResultSet rs) throws SQLException {
        return new RiskAcceptance(rs.getString("threat_id"), rs.getString("accepted_by"),
                rs.getDate("review_date").toLocalDate(), rs.getString("measures"), rs.getString("comment"),
                rs.getTimestamp("accepted_at").toInstant());
    }
}
