package io.threatflow.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import io.threatflow.engine.AsEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is waiting: open threats by severity, open incidents, jobs due and overdue reviews of accepted risks. Read
 * together at most once per {@link #MAX_AGE}, so that a scrape costs four counting queries however many cases there are and however
 * often (and by how many scrapers) it is asked.
 */
@Component
class OpenWorkGauges implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    static final String OPEN_THREATS = "threatflow.threats.open";
    static final String OPEN_INCIDENTS = "threatflow.incidents.open";
    static final String JOBS_DUE = "threatflow.jobs.due";
    static final String RISK_REVIEWS_OVERDUE = "threatflow.risks.reviews.overdue";

    record Snapshot(Instant takenAt, Map<String, Long> openBySeverity, long incidents, long jobsDue,
                    long riskReviewsOverdue) {
    }

    private static final List<String> OPEN_STATUSES = Arrays.stream(ThreatStatus.values())
            .filter(status -> !status.isClosed()).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final AsEngine asEngine;
    private final Clock clock;
    private Snapshot snapshot;

    OpenWorkGauges(JdbcClient jdbc, RuntimeService runtime, ManagementService management, AsEngine asEngine,
                   Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        this.asEngine = asEngine;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        List<String> severities = new ArrayList<>(Arrays.stream(Severity.values()).map(Enum::name).toList());
        severities.add(ThreatMetrics.UNRATED);
        for (String severity : severities) {
            gauge(OPEN_THREATS, "Threats not closed (open or contained), by severity",
                    s -> s.openBySeverity().getOrDefault(severity, 0L)).tag("severity", severity).register(registry);
        }
        gauge(OPEN_INCIDENTS, "Open incidents in the engine (jobs out of retries)", Snapshot::incidents)
                .register(registry);
        gauge(JOBS_DUE, "Jobs due for execution with retries left", Snapshot::jobsDue).register(registry);
        gauge(RISK_REVIEWS_OVERDUE, "Accepted residual risks whose review date has come without a new review",
                Snapshot::riskReviewsOverdue).register(registry);
    }

    private Gauge.Builder<OpenWorkGauges> gauge(String name, String description,
                                                ToDoubleFunction<Snapshot> value) {
        return Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.current())).description(description);
    }

    synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || !snapshot.takenAt().plus(MAX_AGE).isAfter(now)) {
            snapshot = take(now);
        }
        return snapshot;
    }

    private Snapshot take(Instant now) {
        Map<String, Long> bySeverity = new HashMap<>();
        jdbc.sql("""
                select coalesce(severity, reported_severity) as severity, count(*) as open
                  from threat where status in (:open) group by coalesce(severity, reported_severity)
                """).param("open", OPEN_STATUSES)
                .query((rs, row) -> Map.entry(ThreatMetrics.tag(rs.getString("severity") == null ? null
                        : Severity.valueOf(rs.getString("severity"))), rs.getLong("open")))
                .list().forEach(entry -> bySeverity.put(entry.getKey(), entry.getValue()));
        // counted over every case, whoever asks: the engine checks no authorization inside
        long[] engineCounts = asEngine.call(() -> new long[] {runtime.createIncidentQuery().count(),
                management.createJobQuery().executable().count()});
        // as the risk register counts them: due at the start (UTC) of the review date
        long riskReviewsOverdue = jdbc.sql("""
                select count(*) from risk_acceptance where ended_at is null and review_date <= :today
                """).param("today", LocalDate.ofInstant(now, ZoneOffset.UTC)).query(Long.class).single();
        return new Snapshot(now, Map.copyOf(bySeverity), engineCounts[0], engineCounts[1], riskReviewsOverdue);
    }
}
