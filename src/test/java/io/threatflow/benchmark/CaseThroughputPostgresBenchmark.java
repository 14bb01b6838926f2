package io.threatflow.benchmark;

import io.threatflow.testing.PostgresDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link CaseThroughput} on a fresh PostgreSQL database (127.0.0.1:5432) with the {@code postgres} profile as
 * shipped (READ COMMITTED, pool, job executor settings of a cluster node); the demo inventory is switched on
 * so that the mix finds its assets. Gives {@code flowNodeRatioPostgres}.
 */
@Import(CountSqlStatements.class)
@ActiveProfiles({"test", "postgres"})
class CaseThroughputPostgresBenchmark extends CaseThroughput {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) {
        // the application context closes only after the test class, so a run's database cannot be dropped at
        // its end without cutting the engine's connections; the next run drops it instead
        try {
            PostgresDatabase.dropAll(PREFIX);
        } catch (java.sql.SQLException unreachable) {
            // createFresh reports an unreachable server
        }
        PostgresDatabase database = PostgresDatabase.createFresh(PREFIX);
        properties.add("spring.datasource.url", database::url);
        properties.add("spring.datasource.username", () -> PostgresDatabase.USER);
        properties.add("spring.datasource.password", () -> PostgresDatabase.PASSWORD);
        properties.add("threatflow.demo.enabled", () -> "true");
    }

    static final String PREFIX = "threatflow_benchmark_";

    @Override
    String database() {
        return "postgresql";
    }

    /** Half of H2's: a PostgreSQL case takes about twice as long here, and the run must fit in 25 minutes. */
    @Override
    int defaultCases() {
        return 500;
    }

    @Override
    String ratioKey() {
        return "flowNodeRatioPostgres";
    }
}
