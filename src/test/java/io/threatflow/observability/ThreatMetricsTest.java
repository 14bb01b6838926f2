package io.threatflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatClosed;
import io.threatflow.threat.ThreatRegistered;
import io.threatflow.threat.ThreatStatus;
import io.threatflow.threat.ThreatType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A dry run's report and outcome are what would have happened: Prometheus counts neither. */
class ThreatMetricsTest {

    private static final Instant REPORTED = Instant.parse("2026-12-01T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ThreatMetrics metrics = new ThreatMetrics(registry);

    @Test
    void shouldCountNeitherTheReportNorTheClosure_ofADryRun() {
        metrics.on(new ThreatRegistered("dry", ThreatType.MALWARE, Severity.HIGH, REPORTED, true));
        metrics.on(new ThreatClosed("dry", ThreatStatus.ELIMINATED, ThreatType.MALWARE, Severity.HIGH, REPORTED,
                REPORTED.plusSeconds(600), true));

        assertThat(registry.find(ThreatMetrics.REPORTED).counters()).isEmpty();
        assertThat(registry.find(ThreatMetrics.CLOSED).counters()).isEmpty();
        assertThat(registry.find(ThreatMetrics.CASE_DURATION).timers()).isEmpty();
    }

    @Test
    void shouldCountTheReportAndTheClosure_ofARealCase() {
        metrics.on(new ThreatRegistered("real", ThreatType.MALWARE, Severity.HIGH, REPORTED, false));
        metrics.on(new ThreatClosed("real", ThreatStatus.ELIMINATED, ThreatType.MALWARE, Severity.HIGH, REPORTED,
                REPORTED.plusSeconds(600), false));

        assertThat(registry.get(ThreatMetrics.REPORTED).tag("type", "MALWARE").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(ThreatMetrics.CLOSED).tag("outcome", "ELIMINATED").counter().count()).isEqualTo(1.0);
    }
}
