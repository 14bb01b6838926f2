package io.threatflow.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A Mockito {@link DelegateExecution} whose variables and business key behave as in the engine: what a
 * delegate sets, it (and the test) reads back. {@code getVariables()} shows every variable, also those set
 * to null. Stub anything else ({@code getSuperExecution}, {@code getProcessEngineServices}) in the test.
 */
public final class FakeExecution {

    public static final String PROCESS_INSTANCE_ID = "process-instance-1";

    private FakeExecution() {
    }

    public static DelegateExecution execution(Map<String, ?> variables) {
        return execution(variables, null);
    }

    public static DelegateExecution execution(Map<String, ?> variables, String businessKey) {
        DelegateExecution execution = mock(DelegateExecution.class);
        MapBackedVariables.back(execution, variables);
        AtomicReference<String> key = new AtomicReference<>(businessKey);
        lenient().doAnswer(call -> key.get()).when(execution).getProcessBusinessKey();
        lenient().doAnswer(call -> {
            key.set(call.getArgument(0));
            return null;
        }).when(execution).setProcessBusinessKey(any());
        lenient().doAnswer(call -> PROCESS_INSTANCE_ID).when(execution).getProcessInstanceId();
        return execution;
    }
}
