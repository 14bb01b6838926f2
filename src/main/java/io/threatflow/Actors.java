package io.threatflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed a user task: the authenticated user of the request, else the task's assignee. */
public final class Actors {

    public static final String UNKNOWN = "unknown";

    private Actors() {
    }

    public static String completing(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : UNKNOWN;
    }
}
