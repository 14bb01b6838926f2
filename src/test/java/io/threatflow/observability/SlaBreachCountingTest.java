package io.threatflow.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.threatflow.sla.Sla;
import io.threatflow.sla.SlaBreached;
import io.threatflow.threat.Severity;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The breach listener counts a breach once its transaction has committed, never before and never after a
 * rollback. A bare Spring context with a transaction manager and the listener, no engine.
 */
class SlaBreachCountingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    @Import(ThreatMetrics.class)
    static class Listener {
        @Bean
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:sla-breach-counting");
        }

        @Bean
        PlatformTransactionManager transactions(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }

    private static final SlaBreached BREACH = new SlaBreached("threat-1", Sla.TRIAGE, Severity.CRITICAL,
            Instant.parse("2025-06-01T08:15:00Z"), Instant.parse("2025-06-01T08:15:01Z"));

    AnnotationConfigApplicationContext context;
    TransactionTemplate transaction;

    @BeforeEach
    void start() {
        context = new AnnotationConfigApplicationContext(Listener.class);
        transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private double breaches(String sla, String severity) {
        var counter = context.getBean(MeterRegistry.class).find(ThreatMetrics.SLA_BREACHES)
                .tag("sla", sla).tag("severity", severity).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldCountBreach_onlyOnceItsTransactionCommits() {
        transaction.executeWithoutResult(status -> {
            context.publishEvent(BREACH);
            assertThat(breaches("TRIAGE", "CRITICAL")).as("not before the commit").isZero();
        });

        assertThat(breaches("TRIAGE", "CRITICAL")).isEqualTo(1);
    }

    @Test
    void shouldNotCountBreach_whenItsTransactionRollsBack() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            context.publishEvent(BREACH);
            throw new IllegalStateException("timer job failed");
        })).hasMessage("timer job failed");

        assertThat(breaches("TRIAGE", "CRITICAL")).isZero();
    }

    @Test
    void shouldTagBreachesBySlaAndSeverity() {
        transaction.executeWithoutResult(status -> {
            context.publishEvent(BREACH);
            context.publishEvent(new SlaBreached("threat-2", Sla.RESOLUTION, null, BREACH.dueAt(), BREACH.breachedAt()));
        });

        assertThat(breaches("TRIAGE", "CRITICAL")).isEqualTo(1);
        assertThat(breaches("RESOLUTION", "UNRATED")).isEqualTo(1);
        assertThat(breaches("RESOLUTION", "CRITICAL")).isZero();
    }
}
