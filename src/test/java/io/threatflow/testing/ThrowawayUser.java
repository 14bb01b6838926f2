package io.threatflow.testing;

import org.camunda.bpm.engine.IdentityService;

/**
 * A user that exists only for one test that logs in with a wrong password. After a wrong password a user must wait
 * (access.LoginThrottle, 429), so a wrong password for a demo user, or for a throwaway user that another test used
 * a moment ago, would fail the next login depending on the order the tests run in.
 */
public final class ThrowawayUser {

    private ThrowawayUser() {
    }

    /** Creates a new user in no group, used by nobody else, with the test password; returns its id. */
    public static String create(IdentityService identity) {
        return TestUsers.create(identity, "passwordprobe");
    }
}
