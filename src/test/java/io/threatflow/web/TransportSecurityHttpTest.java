package io.threatflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.RawApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind a proxy that ends TLS and says so in {@code X-Forwarded-Proto: https} (from a private address, here
 * loopback), the browser is told to stay on HTTPS (HSTS) and every cookie is {@code Secure}; over plain HTTP, as in
 * development, neither, so the webapps keep working there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TransportSecurityHttpTest {

    private static final String[] BEHIND_TLS = {"X-Forwarded-Proto", "https"};

    @Autowired
    TestRestTemplate http;

    @Test
    void shouldMarkEveryWebappCookieSecure_andSendHsts_behindTls() {
        for (String page : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/")) {
            RawApi.Answer answer = RawApi.anonymous(http).get(page, BEHIND_TLS);

            List<String> cookies = answer.headers().allValues("Set-Cookie");
            assertThat(cookies).as(page).extracting(cookie -> cookie.substring(0, cookie.indexOf('=')))
                    .contains("JSESSIONID", "XSRF-TOKEN");
            assertThat(cookies).as(page).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
            assertThat(answer.header("Strict-Transport-Security")).as(page).startsWith("max-age=");
        }
    }

    @Test
    void shouldSendHsts_fromTheApis_behindTls() {
        for (String path : List.of("/api/threats?size=1", "/engine-rest/process-definition/key/threat-remediation",
                "/api/threats/unknown")) {
            RawApi.Answer answer = RawApi.as(http, "analyst").get(path, BEHIND_TLS);

            assertThat(answer.header("Strict-Transport-Security")).as(path).startsWith("max-age=");
        }
        assertThat(RawApi.anonymous(http).get("/api/threats", BEHIND_TLS).header("Strict-Transport-Security"))
                .as("the 401 too").startsWith("max-age=");
    }

    @Test
    void shouldSendNoHsts_andNoSecureCookies_overPlainHttp() {
        RawApi.Answer page = RawApi.anonymous(http).get("/camunda/app/tasklist/default/");

        assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty()
                .noneSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("secure"));
        assertThat(page.header("Strict-Transport-Security")).isNull();
        assertThat(RawApi.as(http, "analyst").get("/api/threats?size=1").header("Strict-Transport-Security")).isNull();
    }
}
