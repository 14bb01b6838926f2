package io.threatflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.Quietly;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * As a scanner probing the server: requests that Tomcat, the firewall or the error page answer, not a controller.
 * Each used to be a 500 (with a stack trace at ERROR) or Tomcat's HTML page; each is now a 4xx problem, logged at
 * WARN at most, and every answer carries {@code Referrer-Policy}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersHttpTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void shouldAnswerNotFound_whenErrorPageIsAskedForDirectly(CapturedOutput output) {
        for (RawHttp client : List.of(RawHttp.anonymous(http), RawHttp.as(http, "analyst"))) {
            RawHttp.Answer answer = Quietly.answered(output, () -> client.get("/error"));

            assertProblem(answer, 404);
        }
    }

    @Test
    void shouldRefuseSemicolonInPath_beforeAnythingParsesIt(CapturedOutput output) {
        for (String path : List.of("/engine-rest;/user", "/engine-rest/user;jsessionid=x", "/api;/threats")) {
            RawHttp.Answer anonymous = Quietly.answered(output, () -> RawHttp.anonymous(http).get(path));
            RawHttp.Answer analyst = Quietly.answered(output, () -> RawHttp.as(http, "analyst").get(path));

            assertProblem(anonymous, 400);
            assertProblem(analyst, 400);
            assertThat(anonymous.body()).contains("\"field\":\"path\"").doesNotContain("Exception", "contextPath");
        }
    }

    @Test
    void shouldAnswerProblem_notTomcatsPage_whenPathHoldsEncodedSlashOrNul(CapturedOutput output) {
        for (String path : List.of("/api/threats/a%2Fb", "/api/assets/a%2fb", "/api/threats/a%00b", "/camunda/a%00b",
                "/engine-rest/task/a%2F..%2Fb")) {
            RawHttp.Answer answer = Quietly.answered(output, () -> RawHttp.as(http, "analyst").get(path));

            assertProblem(answer, 400);
            assertThat(answer.body()).doesNotContain("<html", "Tomcat");
        }
    }

    @Test
    void shouldAnswerProblem_whenAHeaderHoldsControlCharactersOrBytesOutsideLatin1(CapturedOutput output) {
        byte[][] headers = {
                {'X', '-', 'T', 'e', 's', 't', ':', ' ', 'a', 0x01, 'b', '\r', '\n'},
                {'X', '-', 'T', 'e', 's', 't', ':', ' ', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '\r', '\n'},
                {'X', '-', 'T', 'e', 's', 't', ':', ' ', 'a', 0x7F, 'b', '\r', '\n'}};
        for (byte[] header : headers) {
            RawHttp.Answer answer = Quietly.answered(output,
                    () -> RawHttp.as(http, "analyst").send("GET", "/api/threats?size=1", header, null));

            assertProblem(answer, 400);
        }
    }

    @Test
    void shouldSendReferrerPolicy_withEveryAnswer() {
        RawApi analyst = RawApi.as(http, "analyst");
        List<String> policies = List.of(
                analyst.get("/api/threats?size=1").header("Referrer-Policy"),
                analyst.get("/api/threats/unknown").header("Referrer-Policy"),
                RawApi.anonymous(http).get("/api/threats").header("Referrer-Policy"),
                analyst.get("/engine-rest/process-definition/key/threat-remediation").header("Referrer-Policy"),
                RawApi.anonymous(http).get("/camunda/app/tasklist/default/").header("Referrer-Policy"),
                RawApi.anonymous(http).get("/actuator/health").header("Referrer-Policy"),
                RawApi.anonymous(http).get("/error").header("Referrer-Policy"),
                RawHttp.anonymous(http).get("/engine-rest;/user").header("Referrer-Policy"),
                RawHttp.anonymous(http).get("/api/threats/a%2Fb").header("Referrer-Policy"));

        assertThat(policies).containsOnly("same-origin");
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        assertThat(answer.body()).as("%s", answer).contains("\"status\":" + status);
    }
}
