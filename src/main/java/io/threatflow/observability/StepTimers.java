package io.threatflow.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.threatflow.engine.AsEngine;
import io.threatflow.engine.FlowListener;
import io.threatflow.engine.ProcessModel;
import io.threatflow.remediation.RemediationProcess;
import io.threatflow.remediation.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Times the five steps of a remediation case (and its mitigation path): a step ends when the case enters an
 * element of another step, or ends. The engine's history events mark the moment; the step's duration is read
 * from the committed history (FULL), so it holds across job executors, nodes and restarts, and a job that
 * rolls back is not timed. Only elements that a flow from another step leads into, and the end of a case,
 * cost a history query (about six per case), run on a thread of its own after the commit.
 */
@Component
class StepTimers implements FlowListener {

    static final String STEP_DURATION = "threatflow.step.duration";
    static final String DROPPED = "threatflow.step.timings.dropped";
    private static final int QUEUE = 10_000;

    private static final Logger log = LoggerFactory.getLogger(StepTimers.class);

    private final MeterRegistry registry;
    private final HistoryService history;
    private final AsEngine asEngine;
    private final ThreadPoolExecutor timing;

    /**
     * The engine looks its flow listeners up while it builds itself (its deployment at start-up makes history
     * events), before its services exist: they are proxies, resolved at the first timing.
     */
    StepTimers(MeterRegistry registry, @Lazy HistoryService history, @Lazy AsEngine asEngine) {
        this.registry = registry;
        this.history = history;
        this.asEngine = asEngine;
        this.timing = timingThread();
    }

    @Override
    public String processDefinitionKey() {
        return RemediationProcess.KEY;
    }

    /** Whether a sequence flow leads into the element from an element of another step (through gateways). */
    @Override
    public boolean watches(ProcessModel model, String elementId) {
        Optional<Step> step = Step.of(elementId);
        return step.isPresent() && model.contains(elementId)
                && previousSteps(model, elementId).stream().anyMatch(previous -> previous != step.get());
    }

    @Override
    public void entered(String processInstanceId, String activityInstanceId, Instant at) {
        time(processInstanceId, activityInstanceId, at);
    }

    @Override
    public void completed(String processInstanceId, Instant at) {
        time(processInstanceId, null, at);
    }

    private void time(String processInstanceId, String enteringActivityInstanceId, Instant at) {
        timing.execute(() -> {
            try {
                record(processInstanceId, enteringActivityInstanceId, Date.from(at));
            } catch (RuntimeException e) {
                // a metric is never worth disturbing a case that has committed
                log.warn("Could not time the step that case {} left: {}", processInstanceId, e.toString());
            }
        });
    }

    /**
     * Reads the history on a thread of its own: the committing thread still holds its connection until the
     * transaction completes, and a second one taken there would let a busy job executor (every thread holding
     * one, waiting for another) exhaust the pool. A full queue drops the timing and counts the drop.
     */
    private ThreadPoolExecutor timingThread() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "threatflow-step-timers");
            thread.setDaemon(true);
            return thread;
        }, (dropped, full) -> registry.counter(DROPPED).increment());
    }

    private void record(String processInstanceId, String enteringActivityInstanceId, Date at) {
        List<HistoricActivityInstance> activities = asEngine.call(() -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list());
        endedStep(activities, enteringActivityInstanceId, at).ifPresent(ended ->
                ThreatMetrics.Timers.longRunning(STEP_DURATION, "Time a remediation case spent in a step, on leaving it")
                        .tag("step", ended.step().name()).register(registry).record(ended.duration()));
    }

    record EndedStep(Step step, Duration duration) {
    }

    /**
     * The step the case was in before the given activity started (or before it ended, when none is given), and
     * how long it had been in it without interruption.
     *
     * @param activities the case's activity instances in the order they started
     */
    static Optional<EndedStep> endedStep(List<HistoricActivityInstance> activities, String enteringActivityInstanceId,
                                         Date at) {
        int end = activities.size();
        if (enteringActivityInstanceId != null) {
            end = 0;
            while (end < activities.size() && !enteringActivityInstanceId.equals(activities.get(end).getId())) {
                end++;
            }
            if (end == activities.size()) {
                return Optional.empty();
            }
        }
        Step entering = enteringActivityInstanceId == null ? null
                : Step.of(activities.get(end).getActivityId()).orElse(null);
        Step step = null;
        Date enteredAt = null;
        for (int i = end - 1; i >= 0; i--) {
            Optional<Step> stepOf = Step.of(activities.get(i).getActivityId());
            if (stepOf.isEmpty()) {
                continue;
            }
            if (step == null) {
                step = stepOf.get();
            } else if (step != stepOf.get()) {
                break;
            }
            enteredAt = activities.get(i).getStartTime();
        }
        if (step == null || step == entering) {
            return Optional.empty();
        }
        return Optional.of(new EndedStep(step, Duration.ofMillis(Math.max(0, at.getTime() - enteredAt.getTime()))));
    }

    /** The steps of the elements a flow into the element comes from, looking through unassigned elements. */
    private static Set<Step> previousSteps(ProcessModel model, String elementId) {
        Set<Step> steps = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(model.sources(elementId));
        while (!todo.isEmpty()) {
            String source = todo.pop();
            if (!seen.add(source)) {
                continue;
            }
            Optional<Step> step = Step.of(source);
            if (step.isPresent()) {
                steps.add(step.get());
            } else {
                todo.addAll(model.sources(source));
            }
        }
        return steps;
    }
}
