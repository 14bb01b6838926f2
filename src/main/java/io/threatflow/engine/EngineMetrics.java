package io.threatflow.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hooks the meters into the engine: {@link FlowListener}s (the step timers) hear of its history events, next to
 * the default database handler, and the job executor's counts are published as counters.
 *
 * <p>The engine keeps those counts in memory and its database reporter empties them every 15 minutes into
 * ACT_RU_METER_LOG, so they neither move at once in the database nor only grow in memory. Each meter is
 * replaced by one that also keeps a running total for this node, which Prometheus expects of a counter
 * (it starts at 0 with the JVM, which Prometheus handles as a counter reset).
 */
@Component
class EngineMetrics extends AbstractProcessEnginePlugin {

    static final List<String> JOB_METRICS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
            Metrics.JOB_LOCKED_EXCLUSIVE);

    private final MeterRegistry registry;
    private final ObjectProvider<FlowListener> flowListeners;

    EngineMetrics(MeterRegistry registry, ObjectProvider<FlowListener> flowListeners) {
        this.registry = registry;
        this.flowListeners = flowListeners;
    }

    /** job-acquired-success becomes threatflow.engine.job.acquired.success (threatflow_engine_job_acquired_success_total) */
    static String meterName(String engineMetric) {
        return "threatflow.engine." + engineMetric.replace('-', '.');
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new FlowEvents(configuration, () -> flowListeners.orderedStream().toList()));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        MetricsRegistry engineMeters = configuration.getMetricsRegistry();
        if (engineMeters == null || !configuration.isMetricsEnabled()) {
            return;
        }
        for (String name : JOB_METRICS) {
            TotallingMeter meter = new TotallingMeter(name);
            engineMeters.getDbMeters().put(name, meter);
            FunctionCounter.builder(meterName(name), meter, TotallingMeter::total)
                    .description("Camunda job executor: " + name + " on this node since it started")
                    .register(registry);
        }
    }

    /** An engine meter that also counts everything it was ever marked with. */
    static final class TotallingMeter extends Meter {
        private final AtomicLong total = new AtomicLong();

        TotallingMeter(String name) {
            super(name);
        }

        @Override
        public void mark() {
            total.incrementAndGet();
            super.mark();
        }

        @Override
        public void markTimes(long times) {
            total.addAndGet(times);
            super.markTimes(times);
        }

        long total() {
            return total.get();
        }
    }
}
