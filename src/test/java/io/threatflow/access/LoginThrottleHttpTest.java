package io.threatflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.ThrowawayUser;
import io.threatflow.testing.WebappSession;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Wrong passwords slow an account down and never lock it: a growing wait, answered 429 with Retry-After and a
 * problem that says the account is throttled, for the right password too, over HTTP Basic and the webapps' login
 * alike; each failure counted. As throwaway users: a wrong password for a demo user would make other tests wait.
 * The application's clock stands still during a test, so a wait ends only when the test moves the clock on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginThrottleHttpTest {

    private static final String ANY_API = "/engine-rest/process-definition/count";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @BeforeEach
    void stopTheClock() {
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void restartTheClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldAnswer429WithRetryAfter_afterAWrongPassword_evenForTheRightOne_andLetTheUserInAfterTheWait() {
        String user = ThrowawayUser.create(identity);
        double failuresBefore = failures("basic");

        assertThat(RawApi.as(http, user, "wrong").get(ANY_API).status()).isEqualTo(401);
        RawApi.Answer throttled = RawApi.as(http, user).get(ANY_API);

        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.isProblem()).isTrue();
        assertThat(throttled.json()).containsEntry("title", "Account throttled");
        assertThat((String) throttled.json().get("detail")).contains("throttled", "not locked");
        assertThat(RawApi.as(http, user, "wrong again").get(ANY_API).status()).as("no guess while throttled")
                .isEqualTo(429);
        waitOut(throttled);
        assertThat(RawApi.as(http, user).get(ANY_API).status()).isEqualTo(200);
        assertThat(failures("basic")).as("failures counted, refusals while throttled not").isEqualTo(failuresBefore + 1);
    }

    @Test
    void shouldWaitLongerAfterEachWrongPassword_andNeverLockTheAccount() {
        String user = ThrowawayUser.create(identity);
        long previousWait = 0;

        // more than Camunda's 10 attempts, after which it used to lock the account until an administrator unlocked it
        for (int attempt = 1; attempt <= 12; attempt++) {
            assertThat(RawApi.as(http, user, "guess " + attempt).get(ANY_API).status()).as("guess " + attempt)
                    .isEqualTo(401);
            RawApi.Answer throttled = RawApi.as(http, user).get(ANY_API);
            assertThat(throttled.status()).isEqualTo(429);
            long wait = Long.parseLong(throttled.header("Retry-After"));
            assertThat(wait).as("wait after guess " + attempt).isGreaterThanOrEqualTo(previousWait).isBetween(1L, 60L);
            previousWait = wait;
            waitOut(throttled);
        }

        assertThat(previousWait).as("the longest wait").isEqualTo(60);
        assertThat(RawApi.as(http, user).get(ANY_API).status()).isEqualTo(200);
    }

    @Test
    void shouldThrottleTheWebappLogin_andHttpBasicWithIt() {
        String user = ThrowawayUser.create(identity);
        identity.createMembership(user, Groups.ANALYSTS);
        double failuresBefore = failures("webapp");

        assertThat(WebappSession.anonymous(port).attemptLogin(user, "wrong", "tasklist").status()).isEqualTo(401);
        RawApi.Answer throttled = WebappSession.anonymous(port).attemptLogin(user, ApiClient.PASSWORD, "tasklist");

        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(RawApi.as(http, user).get(ANY_API).status()).as("the same wait over HTTP Basic").isEqualTo(429);
        waitOut(throttled);
        assertThat(WebappSession.anonymous(port).attemptLogin(user, ApiClient.PASSWORD, "tasklist").status())
                .isEqualTo(200);
        assertThat(failures("webapp")).isEqualTo(failuresBefore + 1);
    }

    private static void waitOut(RawApi.Answer throttled) {
        long seconds = Long.parseLong(throttled.header("Retry-After"));
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000));
    }

    private double failures(String via) {
        return meters.get("threatflow.login.failures").tag("via", via).counter().count();
    }
}
