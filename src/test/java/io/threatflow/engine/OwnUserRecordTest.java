package io.threatflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A user reads and updates their own record, and no longer deletes it: new users, and users from before. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OwnUserRecordTest {

    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ProcessEngine engine;
    @Autowired
    OwnUserRecord ownUserRecord;

    @Test
    void shouldGrantANewUserReadAndUpdateOfTheirRecord_andNoDelete() {
        String user = TestUsers.create(identity, "newcomer");

        assertThat(mayOnOwnRecord(user, Permissions.READ)).isTrue();
        assertThat(mayOnOwnRecord(user, Permissions.UPDATE)).isTrue();
        assertThat(mayOnOwnRecord(user, Permissions.DELETE)).isFalse();
    }

    @Test
    void shouldNarrowOnStart_aUserWhoHoldsAllOnTheirRecord() {
        String user = TestUsers.create(identity, "oldtimer");
        Authorization own = authorizations.createAuthorizationQuery().userIdIn(user).resourceType(Resources.USER)
                .resourceId(user).singleResult();
        own.setPermissions(new Permissions[] {Permissions.ALL});
        authorizations.saveAuthorization(own);
        assertThat(mayOnOwnRecord(user, Permissions.DELETE)).isTrue();

        ownUserRecord.postProcessEngineBuild(engine);

        assertThat(mayOnOwnRecord(user, Permissions.DELETE)).isFalse();
        assertThat(mayOnOwnRecord(user, Permissions.UPDATE)).isTrue();
    }

    private boolean mayOnOwnRecord(String user, Permissions permission) {
        return authorizations.isUserAuthorized(user, List.of(), permission, Resources.USER, user);
    }
}
