package io.threatflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.threatflow.threat.Severity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of {@link SlaRegister} and {@link SlaBreaches} against a migrated database: the embedded H2 of the
 * Spring tests ({@link SlaRegisterTest}) and PostgreSQL, as a cluster runs ({@link SlaRegisterPostgresTest}).
 */
abstract class SlaRegisterContract {

    static final Instant DUE = Instant.parse("2025-06-01T08:15:00Z");

    private final JdbcClient jdbc;
    private final SlaRegister register;
    private final SlaBreaches breaches;
    String threatId;

    SlaRegisterContract(JdbcClient jdbc, SlaRegister register, SlaBreaches breaches) {
        this.jdbc = jdbc;
        this.register = register;
        this.breaches = breaches;
    }

    /** The {@link SlaBreached} events published so far in this test. */
    abstract List<SlaBreached> published();

    @BeforeEach
    void registeredThreat() {
        threatId = UUID.randomUUID().toString();
        String assetId = UUID.randomUUID().toString();
        jdbc.sql("insert into asset (id, hostname, registered_at) values (?, ?, ?)")
                .params(assetId, "sla-" + assetId, OffsetDateTime.now()).update();
        jdbc.sql("""
                insert into threat (id, title, type, severity, asset_id, asset_name, status, reported_at)
                values (?, 'Overdue flaw', 'VULNERABILITY', 'CRITICAL', ?, ?, 'OPEN', ?)
                """).params(threatId, assetId, "sla-" + assetId, OffsetDateTime.parse("2025-06-01T08:00:00Z")).update();
    }

    @Test
    void shouldRecordBreachOnceAndPublishOnce_whenSameBreachIsRecordedTwice() {
        SlaBreached first = breaches.record(threatId, Sla.TRIAGE, Severity.CRITICAL, DUE, "task-1");
        SlaBreached again = breaches.record(threatId, Sla.TRIAGE, Severity.CRITICAL, DUE, "task-1");

        assertThat(first).isNotNull();
        assertThat(first.threatId()).isEqualTo(threatId);
        assertThat(first.dueAt()).isEqualTo(DUE);
        assertThat(again).as("a job that runs again records nothing").isNull();
        List<Map<String, Object>> rows = breachRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("sla", "TRIAGE").containsEntry("severity", "CRITICAL")
                .containsEntry("task_id", "task-1");
        assertThat(instant(rows.get(0), "due_at")).isEqualTo(DUE);
        assertThat(instant(rows.get(0), "breached_at")).isCloseTo(first.breachedAt(), within(1, ChronoUnit.MILLIS));
        assertThat(published()).containsExactly(first);
    }

    @Test
    void shouldRecordASecondBreach_whenResolveDueWasExtendedOrAnotherLevelIsMissed() {
        Instant extended = DUE.plus(3, ChronoUnit.DAYS);

        assertThat(breaches.record(threatId, Sla.RESOLUTION, Severity.CRITICAL, DUE, null)).isNotNull();
        assertThat(breaches.record(threatId, Sla.RESOLUTION, Severity.CRITICAL, extended, null)).isNotNull();
        assertThat(breaches.record(threatId, Sla.CONTAINMENT, Severity.CRITICAL, DUE, null)).isNotNull();

        assertThat(breachRows()).extracting(row -> row.get("sla") + "@" + instant(row, "due_at"))
                .containsExactlyInAnyOrder("RESOLUTION@" + DUE, "RESOLUTION@" + extended, "CONTAINMENT@" + DUE);
        assertThat(breachRows()).allSatisfy(row -> assertThat(row.get("task_id")).isNull());
        assertThat(published()).extracting(SlaBreached::sla)
                .containsExactly(Sla.RESOLUTION, Sla.RESOLUTION, Sla.CONTAINMENT);
    }

    @Test
    void shouldStoreDueTimes_andReplaceThemOnUpdate() {
        DueTimes low = new DueTimes(DUE, null, DUE.plus(30, ChronoUnit.DAYS));
        register.recordDueTimes(threatId, low);
        assertThat(dueTimes()).isEqualTo(low);

        DueTimes high = new DueTimes(DUE, DUE.plus(4, ChronoUnit.HOURS), DUE.plus(3, ChronoUnit.DAYS));
        register.recordDueTimes(threatId, high);
        assertThat(dueTimes()).isEqualTo(high);

        register.recordDueTimes(threatId, high.withResolveDue(DUE.plus(5, ChronoUnit.DAYS)));
        assertThat(dueTimes()).isEqualTo(new DueTimes(DUE, high.containDue(), DUE.plus(5, ChronoUnit.DAYS)));
    }

    private List<Map<String, Object>> breachRows() {
        return jdbc.sql("select sla, severity, due_at, breached_at, task_id from sla_breach where threat_id = ?")
                .param(threatId).query((rs, n) -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("sla", rs.getString("sla"));
                    row.put("severity", rs.getString("severity"));
                    row.put("due_at", rs.getObject("due_at", OffsetDateTime.class));
                    row.put("breached_at", rs.getObject("breached_at", OffsetDateTime.class));
                    row.put("task_id", rs.getString("task_id"));
                    return row;
                }).list();
    }

    private DueTimes dueTimes() {
        return jdbc.sql("select triage_due_at, contain_due_at, resolve_due_at from threat where id = ?")
                .param(threatId).query((rs, n) -> new DueTimes(toInstant(rs.getObject(1, OffsetDateTime.class)),
                        toInstant(rs.getObject(2, OffsetDateTime.class)), toInstant(rs.getObject(3, OffsetDateTime.class))))
                .single();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return toInstant((OffsetDateTime) row.get(column));
    }

    private static Instant toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
