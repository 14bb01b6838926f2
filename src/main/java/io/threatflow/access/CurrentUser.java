package io.threatflow.access;

import io.threatflow.engine.Actors;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The user a request runs for, as the engine authenticated them: the API's filter and the webapps' session
 * both set it. Code that decides what a user may do asks here rather than reading the engine's
 * authentication itself.
 */
@Component
public class CurrentUser {

    private final IdentityService identity;

    CurrentUser(IdentityService identity) {
        this.identity = identity;
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

    private Optional<Actors.Actor> actor() {
        return Actors.authenticated(identity);
    }
}
