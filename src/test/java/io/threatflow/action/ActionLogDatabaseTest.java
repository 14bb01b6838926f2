package io.threatflow.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.MigratedDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that gives {@code action_log} its {@code case_id}, and the SQL of {@link ActionLog} that writes
 * and reads it, on the embedded H2 and on PostgreSQL (skipped with a banner without a server at 127.0.0.1:5432).
 */
class ActionLogDatabaseTest {

    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

    private MigratedDatabase database;
    private JdbcClient jdbc;
    private final String threatId = UUID.randomUUID().toString();

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldBackfillTheCase_ofActionsLoggedBefore_fromTheirKeys(MigratedDatabase.Kind database) {
        open(database);
        migrate("4");
        registerThreat();
        long eradication = logged("ERADICATION", "CLOSE_PORT",
                threatId + "/ERADICATION/CLOSE_PORT/case-remediation-1/round-1/attempt-1");
        long measure = logged("CONTAINMENT", "ISOLATE_HOST",
                threatId + "/CONTAINMENT/ISOLATE_HOST/case-3f2a-77/mitigation-9c1/containment-level-1");
        long lift = logged("LIFT_CONTAINMENT", "RECONNECT_HOST",
                threatId + "/LIFT_CONTAINMENT/RECONNECT_HOST/case-remediation-1/lift-2");
        long caseless = logged("CONTAINMENT", "BLOCK_PORT", threatId + "/CONTAINMENT/BLOCK_PORT/containment-level-1");

        migrate(null);

        assertThat(caseOf(eradication)).isEqualTo("remediation-1");
        assertThat(caseOf(measure)).isEqualTo("3f2a-77");
        assertThat(caseOf(lift)).isEqualTo("remediation-1");
        assertThat(caseOf(caseless)).as("a key that names no case").isNull();
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldFindAnActionByTheIdItsTargetKnows_andMoveItOnFromPendingOnlyOnce(MigratedDatabase.Kind database) {
        open(database);
        migrate(null);
        registerThreat();
        ActionLog log = new ActionLog(jdbc);
        ActionKey close = ActionKey.eradication(threatId, ActionType.CLOSE_PORT, "remediation-1", 1, 1);
        log.append(close, "legacy-hr-01", ActionStatus.PENDING, 1, "accepted for later", AT);

        assertThat(log.findByActionId(close.actionId())).get().extracting(ActionRecord::idempotencyKey)
                .isEqualTo(close.value());
        assertThat(log.findByActionId(UUID.randomUUID().toString())).isEmpty();
        assertThat(log.updateStatusIf(close.value(), ActionStatus.PENDING, ActionStatus.APPLIED, "applied later")).isTrue();
        assertThat(log.updateStatusIf(close.value(), ActionStatus.PENDING, ActionStatus.REJECTED, "too late")).isFalse();
        assertThat(log.findByKey(close)).get().satisfies(record -> {
            assertThat(record.status()).isEqualTo(ActionStatus.APPLIED);
            assertThat(record.detail()).isEqualTo("applied later");
        });
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldWriteTheCase_andReadACasesActionsByIt(MigratedDatabase.Kind database) {
        open(database);
        migrate(null);
        registerThreat();
        ActionLog log = new ActionLog(jdbc);
        ActionKey earlier = ActionKey.eradication(threatId, ActionType.CLOSE_PORT, "remediation-1", 1, 1);
        ActionKey later = ActionKey.eradication(threatId, ActionType.CLOSE_PORT, "remediation-10", 1, 1);
        log.append(earlier, "legacy-hr-01", ActionStatus.APPLIED, 1, "port closed", AT);
        log.append(later, "legacy-hr-01", ActionStatus.APPLIED, 1, "port closed again", AT.plusSeconds(60));

        assertThat(log.findByKey(later)).get().satisfies(record -> {
            assertThat(record.idempotencyKey()).isEqualTo(later.value());
            assertThat(record.caseId()).isEqualTo("remediation-10");
            assertThat(record.hasKey(later)).isTrue();
        });
        assertThat(log.forCase(threatId, "remediation-1")).singleElement()
                .satisfies(record -> assertThat(record.hasKey(earlier)).isTrue());
        assertThat(log.forThreat(threatId)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldKeepADryRunsWholeRequest_beyondTheDetailsLength_andNoteOnItLater(MigratedDatabase.Kind database) {
        open(database);
        migrate(null);
        registerThreat();
        ActionLog log = new ActionLog(jdbc);
        ActionKey dryRun = ActionKey.eradication(threatId, ActionType.CLOSE_PORT, "remediation-1", 1, 1);
        String request = "POST https://soar.example/*****\n\n{\"data\":\"" + "x".repeat(2500) + "\"}";
        log.append(dryRun, "legacy-hr-01", ActionStatus.DRY_RUN, 1, "DRY RUN, nothing was sent", request, AT);
        log.updateDetail(dryRun.value(), "DRY RUN, nothing was sent; not checked");

        assertThat(log.findByKey(dryRun)).get().satisfies(record -> {
            assertThat(record.status()).isEqualTo(ActionStatus.DRY_RUN);
            assertThat(record.request()).isEqualTo(request);
            assertThat(record.detail()).isEqualTo("DRY RUN, nothing was sent; not checked");
        });
        ActionKey real = ActionKey.eradication(threatId, ActionType.CLOSE_PORT, "remediation-1", 1, 2);
        log.append(real, "legacy-hr-01", ActionStatus.APPLIED, 2, "port closed", AT);
        assertThat(log.findByKey(real)).get().satisfies(record -> assertThat(record.request()).isNull());
        assertThat(jdbc.sql("select dry_run from threat where id = ?").param(threatId).query(Boolean.class).single())
                .as("a row that does not say is a real case, as every row before V9").isFalse();
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private void open(MigratedDatabase.Kind kind) {
        database = MigratedDatabase.open(kind, "threatflow_action_");
        jdbc = database.jdbc();
    }

    private void migrate(String target) {
        database.migrate(target);
    }

    private void registerThreat() {
        String assetId = UUID.randomUUID().toString();
        jdbc.sql("insert into asset (id, hostname, registered_at) values (?, ?, ?)")
                .params(assetId, "legacy-hr-01-" + assetId, OffsetDateTime.now()).update();
        jdbc.sql("""
                insert into threat (id, title, type, severity, asset_id, asset_name, status, reported_at)
                values (?, 'RDP exposed', 'EXPOSED_SERVICE', 'HIGH', ?, 'legacy-hr-01', 'OPEN', ?)
                """).params(threatId, assetId, OffsetDateTime.parse("2025-06-01T08:00:00Z")).update();
    }

    /** A row as releases before {@code case_id} wrote it. */
    private long logged(String purpose, String action, String key) {
        jdbc.sql("""
                insert into action_log (threat_id, action, purpose, target, status, attempt, idempotency_key,
                  detail, performed_at)
                values (?, ?, ?, 'legacy-hr-01', 'APPLIED', 1, ?, 'detail', ?)
                """).params(threatId, action, purpose, key, OffsetDateTime.parse("2025-06-01T10:00:00Z")).update();
        return jdbc.sql("select id from action_log where idempotency_key = ?").param(key).query(Long.class).single();
    }

    private String caseOf(long id) {
        return jdbc.sql("select case_id from action_log where id = ?").param(id).query(String.class).optional()
                .orElse(null);
    }
}
