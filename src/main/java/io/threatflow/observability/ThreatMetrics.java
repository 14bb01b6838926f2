package io.threatflow.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.threatflow.sla.SlaBreached;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatClosed;
import io.threatflow.threat.ThreatRegistered;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what happens to threats once it is committed: a report, a closure or a breach in a transaction that
 * rolls back (a job that fails and runs again) is not counted, so a retried job counts once. A dry run is not
 * counted as reported or closed: its outcome (eliminated, say) is what would have happened, not what did.
 */
@Component
class ThreatMetrics {

    static final String REPORTED = "threatflow.threats.reported";
    static final String CLOSED = "threatflow.threats.closed";
    static final String CASE_DURATION = "threatflow.case.duration";
    static final String SLA_BREACHES = "threatflow.sla.breaches";
    /** Severity tag of a threat that nobody has rated yet. */
    static final String UNRATED = "UNRATED";

    private final MeterRegistry registry;

    ThreatMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ThreatRegistered registered) {
        if (registered.dryRun()) {
            return;
        }
        Counter.builder(REPORTED).description("Threats registered, by reported severity and type")
                .tag("severity", tag(registered.reportedSeverity())).tag("type", registered.type().name())
                .register(registry).increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ThreatClosed closed) {
        if (closed.dryRun()) {
            return;
        }
        Counter.builder(CLOSED).description("Threats closed, by outcome and severity")
                .tag("outcome", closed.outcome().name()).tag("severity", tag(closed.severity()))
                .register(registry).increment();
        Timers.longRunning(CASE_DURATION, "Time from the report to the closing of a threat, by outcome")
                .tag("outcome", closed.outcome().name()).register(registry)
                .record(Duration.between(closed.reportedAt(), closed.closedAt()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(SlaBreached breach) {
        Counter.builder(SLA_BREACHES).description("Service levels breached, by service level and severity")
                .tag("sla", breach.sla().name()).tag("severity", tag(breach.severity()))
                .register(registry).increment();
    }

    static String tag(Severity severity) {
        return severity == null ? UNRATED : severity.name();
    }

    /** Timers of case durations: minutes to weeks, with histogram buckets for quantiles in Prometheus. */
    static final class Timers {
        private Timers() {
        }

        static Timer.Builder longRunning(String name, String description) {
            return Timer.builder(name).description(description).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(30));
        }
    }
}
