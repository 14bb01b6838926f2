package io.threatflow.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.threatflow.remediation.RemediationProcess;
import io.threatflow.remediation.RemediationSteps;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the five steps of a remediation case (and its mitigation path): a step ends when the case enters an
 * element of another step, or ends. The engine's history events mark the moment; the step's duration is read
 * from the committed history (FULL), so it holds across job executors, nodes and restarts, and a job that
 * rolls back is not timed. Only elements that a flow from another step leads into, and the end of a case,
 * cost a history query (about six per case), run on a thread of its own after the commit.
 */
class StepTimers implements HistoryEventHandler {

    static final String STEP_DURATION = "threatflow.step.duration";
    static final String DROPPED = "threatflow.step.timings.dropped";
    private static final int QUEUE = 10_000;

    private static final Logger log = LoggerFactory.getLogger(StepTimers.class);

    private final MeterRegistry registry;
    private final ProcessEngineConfigurationImpl engine;
    /** process definition id + element id: whether a flow from another step leads into the element */
    private final Map<String, Boolean> stepEntries = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor timing;

    StepTimers(MeterRegistry registry, ProcessEngineConfigurationImpl engine) {
        this.registry = registry;
        this.engine = engine;
        this.timing = timingThread();
    }


    @Override
    public void handleEvent(HistoryEvent event) {
        if (!RemediationProcess.KEY.equals(event.getProcessDefinitionKey())) {
            return;
        }
        if (event instanceof HistoricActivityInstanceEventEntity activity
                && HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(activity.getEventType())
                && entersStep(activity.getProcessDefinitionId(), activity.getActivityId())) {
            afterCommit(activity.getProcessInstanceId(), activity.getActivityInstanceId(), activity.getStartTime());
        } else if (event instanceof HistoricProcessInstanceEventEntity instance
                && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())
                && HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
            afterCommit(instance.getProcessInstanceId(), null, instance.getEndTime());
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private void afterCommit(String processInstanceId, String enteringActivityInstanceId, Date at) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> timing.execute(() -> {
                    try {
                        record(processInstanceId, enteringActivityInstanceId, at);
                    } catch (RuntimeException e) {
                        // a metric is never worth disturbing a case that has committed
                        log.warn("Could not time the step that case {} left: {}", processInstanceId, e.toString());
                    }
                }));
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
        List<HistoricActivityInstance> activities = engine.getCommandExecutorTxRequired().execute(context ->
                context.runWithoutAuthorization(() -> engine.getHistoryService().createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                        .orderPartiallyByOccurrence().asc().list()));
        endedStep(activities, enteringActivityInstanceId, at).ifPresent(ended ->
                ThreatMetrics.Timers.longRunning(STEP_DURATION, "Time a remediation case spent in a step, on leaving it")
                        .tag("step", ended.step()).register(registry).record(ended.duration()));
    }

    record EndedStep(String step, Duration duration) {
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
        String entering = enteringActivityInstanceId == null ? null
                : RemediationSteps.of(activities.get(end).getActivityId()).orElse(null);
        String step = null;
        Date enteredAt = null;
        for (int i = end - 1; i >= 0; i--) {
            Optional<String> stepOf = RemediationSteps.of(activities.get(i).getActivityId());
            if (stepOf.isEmpty()) {
                continue;
            }
            if (step == null) {
                step = stepOf.get();
            } else if (!step.equals(stepOf.get())) {
                break;
            }
            enteredAt = activities.get(i).getStartTime();
        }
        if (step == null || step.equals(entering)) {
            return Optional.empty();
        }
        return Optional.of(new EndedStep(step, Duration.ofMillis(Math.max(0, at.getTime() - enteredAt.getTime()))));
    }

    /** Whether a sequence flow leads into the element from an element of another step (through gateways). */
    private boolean entersStep(String processDefinitionId, String elementId) {
        Optional<String> step = RemediationSteps.of(elementId);
        if (step.isEmpty()) {
            return false;
        }
        return stepEntries.computeIfAbsent(processDefinitionId + "/" + elementId, key -> {
            ProcessDefinitionEntity definition = engine.getDeploymentCache()
                    .findDeployedProcessDefinitionById(processDefinitionId);
            PvmActivity element = definition.findActivity(elementId);
            return element != null && previousSteps(element).stream().anyMatch(previous -> !previous.equals(step.get()));
        });
    }

    /** The steps of the elements a flow into the element comes from, looking through unassigned elements. */
    private static Set<String> previousSteps(PvmActivity element) {
        Set<String> steps = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<PvmActivity> todo = new ArrayDeque<>(sources(element));
        while (!todo.isEmpty()) {
            PvmActivity source = todo.pop();
            if (!seen.add(source.getId())) {
                continue;
            }
            Optional<String> step = RemediationSteps.of(source.getId());
            if (step.isPresent()) {
                steps.add(step.get());
            } else {
                todo.addAll(sources(source));
            }
        }
        return steps;
    }

    /**
     * The elements a flow into the element comes from; for the start of an embedded subprocess, those that lead
     * into the subprocess (the rest of a case after triage runs inside one).
     */
    private static List<PvmActivity> sources(PvmActivity element) {
        List<PvmActivity> sources = new ArrayList<>();
        for (PvmTransition incoming : element.getIncomingTransitions()) {
            sources.add(incoming.getSource());
        }
        if (sources.isEmpty() && element.getFlowScope() instanceof PvmActivity subprocess) {
            sources.addAll(sources(subprocess));
        }
        return sources;
    }
}
