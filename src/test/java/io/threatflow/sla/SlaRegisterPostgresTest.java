package io.threatflow.sla;

import io.threatflow.testing.PostgresDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * {@link SlaRegisterContract} on PostgreSQL: the project's migrations on a fresh database, the real SQL of
 * {@link SlaRegister} and {@link SlaBreaches} without an application context. Skipped with a banner without a
 * server at 127.0.0.1:5432, failed instead when THREATFLOW_REQUIRE_POSTGRES=true.
 */
class SlaRegisterPostgresTest extends SlaRegisterContract {

    private static PostgresDatabase database;
    private static JdbcClient jdbc;

    /** What the breaches published, cleared for each test. */
    private static final List<SlaBreached> published = new ArrayList<>();

    SlaRegisterPostgresTest() {
        // SlaRegister keeps no state besides the JdbcClient: the breaches' own instance records what the test reads
        super(jdbc, new SlaRegister(jdbc),
                new SlaBreaches(new SlaRegister(jdbc), event -> published.add((SlaBreached) event), Clock.systemUTC()));
        published.clear();
    }

    @BeforeAll
    static void migratedDatabase() {
        database = PostgresDatabase.createFresh("threatflow_sla_");
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), database.url(),
                PostgresDatabase.USER, PostgresDatabase.PASSWORD);
        // as application.yaml configures Flyway for the application
        Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    List<SlaBreached> published() {
        return published;
    }
}
