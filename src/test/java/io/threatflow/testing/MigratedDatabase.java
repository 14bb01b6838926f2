package io.threatflow.testing;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A fresh database of either kind the application runs on, for a test of migrations and repository SQL without an
 * application context: an in-memory H2, or a {@link PostgresDatabase} (skipped with a banner without a server).
 */
public final class MigratedDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    private final PostgresDatabase postgres;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    private MigratedDatabase(PostgresDatabase postgres, DataSource dataSource) {
        this.postgres = postgres;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** An empty database; {@code prefix} names a PostgreSQL one, so that leftovers show whose they are. */
    public static MigratedDatabase open(Kind kind, String prefix) {
        if (kind == Kind.POSTGRESQL) {
            PostgresDatabase postgres = PostgresDatabase.createFresh(prefix);
            return new MigratedDatabase(postgres, new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.url(),
                    PostgresDatabase.USER, PostgresDatabase.PASSWORD));
        }
        return new MigratedDatabase(null, new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + prefix + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    /** As application.yaml configures Flyway for the application; up to {@code target}, or all of them. */
    public MigratedDatabase migrate(String target) {
        var flyway = Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0");
        (target == null ? flyway : flyway.target(target)).load().migrate();
        return this;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
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
