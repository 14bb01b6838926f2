package io.threatflow.notification;

import io.threatflow.testing.MigratedDatabase;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The project's migrations on a fresh in-memory H2 or PostgreSQL database, and a threat to notify about. */
final class OutboxDatabase implements AutoCloseable {

    private final MigratedDatabase database;
    final DataSource dataSource;
    final JdbcClient jdbc;

    private OutboxDatabase(MigratedDatabase database) {
        this.database = database;
        this.dataSource = database.dataSource();
        this.jdbc = database.jdbc();
    }

    static OutboxDatabase open(MigratedDatabase.Kind kind) {
        return new OutboxDatabase(MigratedDatabase.open(kind, "threatflow_notify_").migrate(null));
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
        database.close();
    }
}
