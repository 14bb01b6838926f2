package io.threatflow.testing;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** A Mockito {@link DelegateTask} with map-backed variables, an assignee and the user completing it. */
public final class FakeTask {

    private FakeTask() {
    }

    /**
     * @param assignee          the task's assignee, or null
     * @param authenticatedUser the user of the request that completes the task, or null for none
     */
    public static DelegateTask task(Map<String, ?> variables, String assignee, String authenticatedUser) {
        DelegateTask task = mock(DelegateTask.class);
        MapBackedVariables.back(task, variables);
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        IdentityService identity = mock(IdentityService.class);
        lenient().when(task.getAssignee()).thenReturn(assignee);
        lenient().when(task.getProcessEngineServices()).thenReturn(services);
        lenient().when(services.getIdentityService()).thenReturn(identity);
        lenient().when(identity.getCurrentAuthentication())
                .thenReturn(authenticatedUser == null ? null : new Authentication(authenticatedUser, List.of()));
        return task;
    }
}
