package io.threatflow.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the engine's history events into {@link FlowListener} calls after commit. It sits next to the default
 * database handler, so the history is written as before.
 */
final class FlowEvents implements HistoryEventHandler {

    private static final Logger log = LoggerFactory.getLogger(FlowEvents.class);

    private final ProcessEngineConfigurationImpl engine;
    private final Supplier<List<FlowListener>> listenerLookup;
    private volatile List<FlowListener> listeners;
    /** listener + process definition id + element id: whether the listener watches the element */
    private final Map<String, Boolean> watched = new ConcurrentHashMap<>();

    /** @param listeners looked up at the first event: the listeners are beans created after the engine */
    FlowEvents(ProcessEngineConfigurationImpl engine, Supplier<List<FlowListener>> listeners) {
        this.engine = engine;
        this.listenerLookup = listeners;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof HistoricActivityInstanceEventEntity || event instanceof HistoricProcessInstanceEventEntity)) {
            return;
        }
        for (FlowListener listener : listeners()) {
            if (!listener.processDefinitionKey().equals(event.getProcessDefinitionKey())) {
                continue;
            }
            if (event instanceof HistoricActivityInstanceEventEntity activity
                    && HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(activity.getEventType())
                    && watches(listener, activity.getProcessDefinitionId(), activity.getActivityId())) {
                afterCommit(listener, activity.getProcessInstanceId(), () -> listener.entered(
                        activity.getProcessInstanceId(), activity.getActivityInstanceId(),
                        activity.getStartTime().toInstant()));
            } else if (event instanceof HistoricProcessInstanceEventEntity instance
                    && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())
                    && HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
                afterCommit(listener, instance.getProcessInstanceId(), () -> listener.completed(
                        instance.getProcessInstanceId(), instance.getEndTime().toInstant()));
            }
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private List<FlowListener> listeners() {
        List<FlowListener> known = listeners;
        if (known == null) {
            known = List.copyOf(listenerLookup.get());
            listeners = known;
        }
        return known;
    }

    private boolean watches(FlowListener listener, String processDefinitionId, String elementId) {
        return watched.computeIfAbsent(listener.getClass().getName() + "/" + processDefinitionId + "/" + elementId,
                key -> listener.watches(new ProcessModel(engine.getDeploymentCache()
                        .findDeployedProcessDefinitionById(processDefinitionId)), elementId));
    }

    private static void afterCommit(FlowListener listener, String processInstanceId, Runnable call) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> {
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        // a listener is never worth disturbing a case that has committed
                        log.warn("{} failed on case {}: {}", listener.getClass().getSimpleName(), processInstanceId,
                                e.toString());
                    }
                });
    }
}
