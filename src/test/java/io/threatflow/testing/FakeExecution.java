package io.threatflow.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A Mockito {@link DelegateExecution} whose variables and business key behave as in the engine: what a
 * delegate sets, it (and the test) reads back. {@code getVariables()} shows every variable, also those set
 * to null. The execution is its own process instance ({@code getProcessInstance()} returns it), started on
 * its own unless {@link #calledFrom} gives it a caller. Stub anything else ({@code getProcessEngineServices})
 * in the test.
 */
public final class FakeExecution {

    public static final String PROCESS_INSTANCE_ID = "process-instance-1";

    private FakeExecution() {
    }

    public static DelegateExecution execution(Map<String, ?> variables) {
        return execution(variables, null);
    }

    public static DelegateExecution execution(Map<String, ?> variables, String businessKey) {
        return execution(variables, businessKey, PROCESS_INSTANCE_ID);
    }

    /** An execution of the process instance with the given id, e.g. a later case for the same threat. */
    public static DelegateExecution execution(Map<String, ?> variables, String businessKey, String processInstanceId) {
        DelegateExecution execution = mock(DelegateExecution.class);
        MapBackedVariables.back(execution, variables);
        AtomicReference<String> key = new AtomicReference<>(businessKey);
        lenient().doAnswer(call -> key.get()).when(execution).getProcessBusinessKey();
        lenient().doAnswer(call -> {
            key.set(call.getArgument(0));
            return null;
        }).when(execution).setProcessBusinessKey(any());
        lenient().doReturn(processInstanceId).when(execution).getProcessInstanceId();
        lenient().doReturn(execution).when(execution).getProcessInstance();
        return execution;
    }

    /**
     * Makes the execution's process instance one that a call activity of the process instance
     * {@code callerProcessInstanceId} started: its super execution is the caller's call activity execution.
     */
    public static DelegateExecution calledFrom(DelegateExecution execution, String callerProcessInstanceId) {
        DelegateExecution callActivity = mock(DelegateExecution.class);
        lenient().doReturn(callerProcessInstanceId).when(callActivity).getProcessInstanceId();
        DelegateExecution processInstance = execution.getProcessInstance();
        lenient().doReturn(callActivity).when(processInstance).getSuperExecution();
        return execution;
    }
}
