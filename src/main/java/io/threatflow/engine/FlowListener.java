package io.threatflow.engine;

import java.time.Instant;

/**
 * Told when a case of one process enters an element it watches, or completes, once the engine's transaction
 * that did so has committed: a job that rolls back tells nothing. A Spring bean implementing this is found by
 * {@link EngineMetrics}; the calls come on the committing thread, so slow work belongs on a thread of its own.
 */
public interface FlowListener {

    /** The key of the process whose cases this listener follows. */
    String processDefinitionKey();

    /**
     * Whether entering the element is worth a call. Asked once per element and version of the process, inside
     * the engine's transaction.
     */
    boolean watches(ProcessModel model, String elementId);

    void entered(String processInstanceId, String activityInstanceId, Instant at);

    void completed(String processInstanceId, Instant at);
}
