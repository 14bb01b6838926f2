package io.threatflow.notification;

import io.threatflow.testing.PostgresDatabase;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The project's migrations on a fresh in-memory H2 or PostgreSQL database, and a threat to notify about. */
final class OutboxDatabase implements AutoCloseable {

    enum Kind { H2, POSTGRESQL }

    final DataSource dataSource;
    final JdbcClient jdbc;
    private final PostgresDatabase postgres;

    private OutboxDatabase(DataSource dataSource, PostgresDatabase postgres) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.postgres = postgres;
        // as application.yaml configures Flyway for the application
        Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    static OutboxDatabase open(Kind kind) {
        if (kind == Kind.POSTGRESQL) {
            PostgresDatabase postgres = PostgresDatabase.createFresh("threatflow_notify_");
            return new OutboxDatabase(new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.url(),
                    PostgresDatabase.USER, PostgresDatabase.PASSWORD), postgres);
        }
        return new OutboxDatabase(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:notifications-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""), null);
    }

    String registerThreat() {
        String threatId = UUID.randomUUID().toString();
        String assetId = UUID.randomUUID().toString();
        jdbc.sql("insert into asset (id, hostname, registered_at) values (?, ?, ?)")
                .params(assetId, "legacy-hr-01-" + assetId, OffsetDateTime.now()).update();
        jdbc.sql("""
                insert into threat (id, title, type, severity, asset_id, asset_name, status, reported_at)
                values (?, 'RDP exposed', 'EXPOSED_SERVICE', 'HIGH', ?, 'legacy-hr-01', 'OPEN', ?)
                """).params(threatId, assetId, OffsetDateTime.parse("2025-06-01T08:00:00Z")).update();
        return threatId;
    }

    @Override
    public void close() throws Exception {
        if (postgres != null) {
            postgres.close();
        } else {
            jdbc.sql("shutdown").update();
        }
    }
}
