package io.threatflow.testing;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * A user that exists only for the tests that log in with a wrong password. The engine delays a user's next login
 * after a failed one, so a wrong password for a demo user would make the next test that logs in as that user fail
 * with 401, depending on the order the tests run in.
 */
public final class ThrowawayUser {

    public static final String ID = "passwordprobe";

    private ThrowawayUser() {
    }

    /** Creates the user once; returns its id. */
    public static String ensure(IdentityService identity) {
        if (identity.createUserQuery().userId(ID).count() == 0) {
            User user = identity.newUser(ID);
            user.setPassword("a-password-no-test-sends-1");
            identity.saveUser(user);
        }
        return ID;
    }
}
