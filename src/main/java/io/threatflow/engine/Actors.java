package io.threatflow.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts: the user the engine has authenticated for this thread, and who completed a user task. */
public final class Actors {

    public static final String UNKNOWN = "unknown";

    /** A user as the engine knows them for this request: their id and the groups they are in. */
    public record Actor(String userId, List<String> groupIds) {
    }

    private Actors() {
    }

    /** The user authenticated for this thread (an API request, a webapp session), if any. */
    public static Optional<Actor> authenticated(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds());
        return Optional.of(new Actor(authentication.getUserId(), groups));
    }

    /** The authenticated user of the request, else the task's assignee. */
    public static String completing(DelegateTask task) {
        return authenticated(task.getProcessEngineServices().getIdentityService()).map(Actor::userId)
                .orElse(task.getAssignee() != null ? task.getAssignee() : UNKNOWN);
    }
}
