package io.threatflow.kpi;

import io.threatflow.kpi.CaseFacts.StepSpan;
import io.threatflow.remediation.RemediationProcess;
import io.threatflow.remediation.Step;
import io.threatflow.sla.Sla;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads the facts of the cases that touch a window: read-only SQL over the threat register, the SLA breaches
 * and the engine's history tables (ACT_HI_*), which live in the same database. Every condition on time is a
 * range on an indexed column (V4__kpi_indexes.sql, and the engine's own indexes on ACT_HI_IDENTITYLINK.TIMESTAMP_
 * and ACT_HI_TASKINST.END_TIME_), and the history of a case is reached by its process instance id, so the cost
 * follows the window, not the whole history. Rows are streamed: one per case, and one per case and step.
 * Dry runs are left out of every query, also as the later report that makes a closed case recur: they changed
 * nothing, so their times and outcomes measure nothing.
 */
@Repository
class KpiFactsLoader {

    /**
     * Cases reported, contained, closed or acknowledged in the window, and those open at its end. The engine
     * writes its timestamps without zone, in the JVM's; they are compared with parameters of the same kind.
     */

    private static final String CASES = """
            with candidate (id) as (
                select id from threat where reported_at >= :from and reported_at < :to
                union
                select id from threat where contained_at >= :from and contained_at < :to
                union
                select id from threat where closed_at >= :from and closed_at < :to
                union
                select id from threat where closed_at is null and reported_at < :to
                union
                select id from threat where closed_at >= :to and reported_at < :to
                union
                select t.id from ACT_HI_IDENTITYLINK l
                  join ACT_HI_TASKINST ti on ti.ID_ = l.TASK_ID_
                  join threat t on t.process_instance_id = ti.PROC_INST_ID_
                 where l.TIMESTAMP_ >= :historyFrom and l.TIMESTAMP_ < :historyTo
                   and l.TYPE_ = 'assignee' and l.OPERATION_TYPE_ = 'add' and ti.TASK_DEF_KEY_ = :triageTask
                union
                select t.id from ACT_HI_TASKINST ti
                  join threat t on t.process_instance_id = ti.PROC_INST_ID_
                 where ti.END_TIME_ >= :historyFrom and ti.END_TIME_ < :historyTo and ti.TASK_DEF_KEY_ = :triageTask
            )
            select t.id, t.severity, t.reported_severity, t.status, t.reported_at, t.contained_at, t.closed_at,
                   (select min(coalesce(
                               (select min(l.TIMESTAMP_) from ACT_HI_IDENTITYLINK l
                                 where l.TASK_ID_ = ti.ID_ and l.TYPE_ = 'assignee' and l.OPERATION_TYPE_ = 'add'),
                               ti.END_TIME_))
                      from ACT_HI_TASKINST ti
                     where ti.PROC_INST_ID_ = t.process_instance_id and ti.TASK_DEF_KEY_ = :triageTask
                   ) as acknowledged_at,
                   (select min(n.reported_at) from threat n
                     where n.reported_at > t.closed_at and n.dry_run = false and n.id <> t.id
                       and ((t.source_ref is not null and n.source_ref = t.source_ref
                             and lower(coalesce(n.source, '')) = lower(coalesce(t.source, '')))
                         or (n.asset_id = t.asset_id and n.type = t.type
                             and %1$s = %2$s))
                   ) as next_reported_at
              from candidate c join threat t on t.id = c.id
             where t.dry_run = false
            """.formatted(observed("n"), observed("t"));

    /**
     * Per case closed in the window and step: the first start and last end of the step's activity instances
     * in its remediation case, and how many of them still run. The step of each element is decided in SQL
     * from the lists of {@link #elementsByStep()}, one parameter per step, so only five rows per case leave
     * the database.
     */
    private static final String STEPS = """
            select id, step, min(started_at) as first_start, max(ended_at) as last_end,
                   count(*) - count(ended_at) as running
              from (select t.id, a.START_TIME_ as started_at, a.END_TIME_ as ended_at,
                           case %s end as step
                      from threat t join ACT_HI_ACTINST a on a.PROC_INST_ID_ = t.process_instance_id
                     where t.closed_at >= :from and t.closed_at < :to and t.dry_run = false
                       and a.ACT_ID_ in (:stepElements)) s
             group by id, step
            """.formatted(Step.FIVE.stream()
            .map(step -> "when a.ACT_ID_ in (:" + step.name() + ") then '" + step.name() + "'")
            .collect(Collectors.joining(" ")));

    /**
     * The breaches of the cases closed in the window, and of those open at its end: recorded by then, or their due
     * time passed with the work undone (a breach timer that has not run yet does not hide an overdue case).
     */
    private static final String BREACHES = """
            select distinct b.threat_id, b.sla
              from sla_breach b join threat t on t.id = b.threat_id
             where t.dry_run = false
               and ((t.closed_at >= :from and t.closed_at < :to)
                 or (t.reported_at < :to and (t.closed_at is null or t.closed_at >= :to) and b.breached_at < :to))
            union
            select t.id, 'TRIAGE' from threat t
             where t.dry_run = false and t.reported_at < :to and (t.closed_at is null or t.closed_at >= :to)
               and t.triage_due_at < :to and (t.triaged_at is null or t.triaged_at > t.triage_due_at)
            union
            select t.id, 'CONTAINMENT' from threat t
             where t.dry_run = false and t.reported_at < :to and (t.closed_at is null or t.closed_at >= :to)
               and t.contain_due_at < :to and (t.contained_at is null or t.contained_at > t.contain_due_at)
            union
            select t.id, 'RESOLUTION' from threat t
             where t.dry_run = false and t.reported_at < :to and (t.closed_at is null or t.closed_at >= :to)
               and t.resolve_due_at < :to
            """;

    /** Accepted residual risks due for review by the window's end (the start of the review date, UTC) and open then. */
    private static final String OVERDUE_RISK_REVIEWS = """
            select count(*) from risk_acceptance r join threat t on t.id = r.threat_id
             where t.dry_run = false and r.accepted_at < :to and (r.ended_at is null or r.ended_at >= :to)
               and r.review_date <= :toDate
            """;

    private final JdbcClient jdbc;
    private final Map<Step, List<String>> elementsByStep = elementsByStep();

    KpiFactsLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The elements of threat-remediation in each of the five steps, as {@link Step} defines them. */
    static Map<Step, List<String>> elementsByStep() {
        Map<Step, List<String>> elements = new EnumMap<>(Step.class);
        Step.FIVE.forEach(step -> elements.put(step, step.elements().stream().sorted().toList()));
        return Collections.unmodifiableMap(elements);
    }

    List<CaseFacts> load(KpiWindow window) {
        Map<String, Object> params = Map.of(
                "from", window.from().atOffset(ZoneOffset.UTC), "to", window.to().atOffset(ZoneOffset.UTC),
                "historyFrom", Timestamp.from(window.from()), "historyTo", Timestamp.from(window.to()),
                "triageTask", RemediationProcess.TASK_TRIAGE_THREAT);

        Map<String, Object> stepParams = new HashMap<>(params);
        elementsByStep.forEach((step, elements) -> stepParams.put(step.name(), elements));
        stepParams.put("stepElements", elementsByStep.values().stream().flatMap(List::stream).toList());
        Map<String, Map<Step, StepSpan>> steps = new HashMap<>();
        jdbc.sql(STEPS).params(stepParams).query((RowCallbackHandler) rs -> steps
                .computeIfAbsent(rs.getString("id"), id -> new EnumMap<>(Step.class))
                .put(Step.valueOf(rs.getString("step")), new StepSpan(instant(rs, "first_start"),
                        rs.getLong("running") > 0 ? null : instant(rs, "last_end"))));

        Map<String, Set<Sla>> breaches = new HashMap<>();
        jdbc.sql(BREACHES).params(params).query((RowCallbackHandler) rs ->
                breaches.computeIfAbsent(rs.getString("threat_id"), id -> EnumSet.noneOf(Sla.class))
                        .add(Sla.valueOf(rs.getString("sla"))));

        Map<String, CaseFacts> cases = new LinkedHashMap<>();
        jdbc.sql(CASES).params(params).query((RowCallbackHandler) rs -> {
            String id = rs.getString("id");
            cases.put(id, new CaseFacts(id, severity(rs), ThreatStatus.valueOf(rs.getString("status")),
                    instant(rs, "reported_at"), instant(rs, "acknowledged_at"), instant(rs, "contained_at"),
                    instant(rs, "closed_at"), instant(rs, "next_reported_at"),
                    steps.getOrDefault(id, Map.of()), breaches.getOrDefault(id, Set.of())));
        });
        return List.copyOf(cases.values());
    }

    long overdueRiskReviews(KpiWindow window) {
        return jdbc.sql(OVERDUE_RISK_REVIEWS).param("to", window.to().atOffset(ZoneOffset.UTC))
                .param("toDate", LocalDate.ofInstant(window.to(), ZoneOffset.UTC)).query(Long.class).single();
    }

    /** What a threat's observation fingerprint holds besides asset and type, as {@code threat.Fingerprints} builds it. */
    private static String observed(String threat) {
        return ("(case when %1$s.cve is not null then upper(%1$s.cve) when %1$s.port is not null then 'port:' || "
                + "cast(%1$s.port as varchar(11)) when %1$s.type = 'OTHER' then 'title:' || lower(%1$s.title) "
                + "else '-' end)").formatted(threat);
    }

    private static Severity severity(ResultSet rs) throws SQLException {
        String assessed = rs.getString("severity");
        String reported = rs.getString("reported_severity");
        String known = assessed != null ? assessed : reported;
        return known == null ? null : Severity.valueOf(known);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
