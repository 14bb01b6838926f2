package io.threatflow.testing;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users a test creates for itself, with the test password and the groups it needs. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A new user whose id starts with {@code prefix} (Camunda ids: letters and digits only); returns the id. */
    public static String create(IdentityService identity, String prefix, String... groups) {
        String id = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword(ApiClient.PASSWORD);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }
}
