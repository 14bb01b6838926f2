package io.threatflow.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service-level columns of the threat register and the table {@code sla_breach}. */
@Repository
public class SlaRegister {

    private final JdbcClient jdbc;

    SlaRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void recordDueTimes(String threatId, DueTimes due) {
        jdbc.sql("""
                update threat set triage_due_at = :triage, contain_due_at = :contain, resolve_due_at = :resolve
                where id = :id
                """)
                .param("triage", utc(due.triageDue()))
                .param("contain", utc(due.containDue()))
                .param("resolve", utc(due.resolveDue()))
                .param("id", threatId)
                .update();
    }

    /**
     * Records a breach unless it is recorded already (same threat, service level and due time): a timer
     * job that runs again, or a second path that notices the same breach, must not count it twice.
     * Insert-if-absent rather than catching the unique violation, which would abort a PostgreSQL transaction;
     * two transactions racing past the check still meet the unique key, and the loser's job retries.
     *
     * @return whether this call recorded it
     */
    public boolean recordBreach(SlaBreached breach, String taskId) {
        return jdbc.sql("""
                insert into sla_breach (threat_id, sla, severity, due_at, breached_at, task_id)
                select :threatId, :sla, :severity, :dueAt, :breachedAt, :taskId from (values (1)) as one (x)
                where not exists (select 1 from sla_breach where threat_id = :threatId and sla = :sla and due_at = :dueAt)
                """)
                .param("threatId", breach.threatId())
                .param("sla", breach.sla().name())
                .param("severity", breach.severity().name())
                .param("dueAt", utc(breach.dueAt()))
                .param("breachedAt", utc(breach.breachedAt()))
                .param("taskId", taskId)
                .update() == 1;
    }

    /** The case's due times, once the decision sla-policy has set them. */
    public java.util.Optional<DueTimes> dueTimes(String threatId) {
        return jdbc.sql("select triage_due_at, contain_due_at, resolve_due_at from threat where id = :id")
                .param("id", threatId)
                .query((rs, row) -> rs.getTimestamp("triage_due_at") == null || rs.getTimestamp("resolve_due_at") == null
                        ? null
                        : new DueTimes(rs.getTimestamp("triage_due_at").toInstant(),
                                rs.getTimestamp("contain_due_at") == null ? null : rs.getTimestamp("contain_due_at").toInstant(),
                                rs.getTimestamp("resolve_due_at").toInstant()))
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The breaches recorded for the threat, in the order they happened. */
    public java.util.List<SlaBreached> breaches(String threatId) {
        return jdbc.sql("select * from sla_breach where threat_id = :id order by breached_at, id")
                .param("id", threatId)
                .query((rs, row) -> new SlaBreached(rs.getString("threat_id"), Sla.valueOf(rs.getString("sla")),
                        io.threatflow.threat.Severity.valueOf(rs.getString("severity")),
                        rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("breached_at").toInstant()))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
