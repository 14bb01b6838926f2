package io.threatflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ThrowawayUser;
import io.threatflow.access.Groups;
import io.threatflow.testing.ApiClient;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Who may read /actuator/prometheus, and that no other actuator endpoint opens with it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PrometheusEndpointHttpTest {

    static final String SCRAPER = "prometheus";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    /** The scraper user, created as docs/metrics.md tells an administrator to. */
    static void ensureScraper(IdentityService identity) {
        if (identity.createUserQuery().userId(SCRAPER).count() == 0) {
            User user = identity.newUser(SCRAPER);
            user.setPassword(ApiClient.PASSWORD);
            identity.saveUser(user);
            identity.createMembership(SCRAPER, Groups.MONITORING);
        }
    }

    @Test
    void shouldAskForCredentialsWithProblem_whenAnonymous() {
        ResponseEntity<Map<String, Object>> response = http.exchange("/actuator/prometheus", HttpMethod.GET, null, JSON);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.getBody()).containsEntry("status", 401).containsEntry("instance", "/actuator/prometheus");
    }

    @Test
    void shouldRefuseWrongPassword() {
        assertThat(http.withBasicAuth(ThrowawayUser.create(identity), "wrong").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyst", "modeler"})
    void shouldForbidWithProblem_whenUserIsNotInAMetricsGroup(String user) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, ApiClient.PASSWORD)
                .exchange("/actuator/prometheus", HttpMethod.GET, null, JSON);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(String.valueOf(response.getBody().get("detail"))).contains("monitoring");
    }

    @ParameterizedTest
    @ValueSource(strings = {"manager", "admin", SCRAPER})
    void shouldServeThreatflowAndEngineMeters_toManagersAdminsAndScrapers(String user) {
        ensureScraper(identity);

        ResponseEntity<String> response = http.withBasicAuth(user, ApiClient.PASSWORD)
                .getForEntity("/actuator/prometheus", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/plain");
        Scrape scrape = new Scrape(response.getBody());
        assertThat(scrape.has("threatflow_threats_open")).isTrue();
        assertThat(scrape.has("threatflow_incidents_open")).isTrue();
        assertThat(scrape.has("threatflow_jobs_due")).isTrue();
        assertThat(scrape.has("threatflow_risks_reviews_overdue")).isTrue();
        assertThat(scrape.has("threatflow_engine_job_acquisition_attempt_total")).isTrue();
        assertThat(scrape.has("threatflow_engine_job_failed_total")).isTrue();
        assertThat(scrape.value("threatflow_engine_job_acquisition_attempt_total"))
                .as("the job executor has been polling since the start").isPositive();
    }

    @Test
    void shouldGiveScrapersNothingElse() {
        ensureScraper(identity);
        ApiClient scraper = new ApiClient(http, SCRAPER);

        assertThat(scraper.post("/api/threats", Map.of("title", "Scraper report", "type", "MALWARE", "asset", "web-01"))
                .getStatusCode().is2xxSuccessful()).as("a scraper reports no threat").isFalse();
        assertThat(http.withBasicAuth(SCRAPER, ApiClient.PASSWORD).getForEntity("/engine-rest/process-instance", String.class)
                .getBody()).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/metrics", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
            "/actuator/prometheus/../env"})
    void shouldKeepOtherActuatorEndpointsClosed_evenToAdministrators(String path) {
        HttpStatus anonymous = HttpStatus.valueOf(http.getForEntity(path, String.class).getStatusCode().value());
        HttpStatus admin = HttpStatus.valueOf(http.withBasicAuth("admin", ApiClient.PASSWORD)
                .getForEntity(path, String.class).getStatusCode().value());

        assertThat(anonymous.is4xxClientError()).as("%s anonymous: %s", path, anonymous).isTrue();
        assertThat(admin.is4xxClientError()).as("%s as admin: %s", path, admin).isTrue();
    }
}
