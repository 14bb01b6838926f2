package io.threatflow.access;

import io.threatflow.engine.Actors;
import io.threatflow.web.NotAllowedException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The user a request runs for, as the engine authenticated them: the API's filter and the webapps' session
 * both set it. Code that decides what a user may do asks here rather than reading the engine's
 * authentication itself.
 */
@Component
public class CurrentUser {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    CurrentUser(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    public boolean isAuthenticated() {
        return actor().isPresent();
    }

    public Optional<String> id() {
        return actor().map(Actors.Actor::userId);
    }

    /** Whether the user is in at least one of the groups; false for nobody. */
    public boolean isInAnyOf(Collection<String> groups) {
        return actor().map(user -> user.groupIds().stream().anyMatch(groups::contains)).orElse(false);
    }

    /** Refuses the request (403 problem) unless the user is in one of the groups; {@code what} names what they want. */
    public void requireAnyOf(List<String> groups, String what) {
        if (!isInAnyOf(groups)) {
            throw new NotAllowedException(what + " is for members of " + String.join(", ", groups));
        }
    }

    /**
     * Whether the engine lets the user create a task outside every process (Tasklist's "Create task"): CREATE on
     * TASK, which only administrators hold (access.GroupAuthorizations).
     */
    public boolean mayCreateTasks() {
        return actor().map(user -> authorizations.isUserAuthorized(user.userId(), user.groupIds(), Permissions.CREATE,
                Resources.TASK)).orElse(false);
    }

    private Optional<Actors.Actor> actor() {
        return Actors.authenticated(identity);
    }
}
