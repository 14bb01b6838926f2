package io.threatflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.access.Groups;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The threat register is for who works the cases: analysts, managers and administrators read the threats, a
 * threat's case file and its timeline; a modeler or a monitoring account gets a 403 problem and no data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegisterAccessHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    String threatId;

    @BeforeEach
    void threat() {
        threatId = new ApiClient(http, "analyst").report(Map.of("title", "Register access check", "type",
                "VULNERABILITY", "asset", "register-" + UUID.randomUUID()));
    }

    @ParameterizedTest(name = "{0} may read the register: {1}")
    @CsvSource({"analyst,true", "manager,true", "admin,true", "modeler,false", "monitoring,false"})
    void shouldLetOnlyCaseWorkersReadTheRegister(String user, boolean allowed) {
        RawApi as = RawApi.as(http, "monitoring".equals(user) ? TestUsers.create(identity, "scraper", Groups.MONITORING)
                : user);

        for (String path : List.of("/api/threats", "/api/threats/" + threatId, "/api/threats/" + threatId + "/timeline")) {
            RawApi.Answer answer = as.get(path);
            if (allowed) {
                assertThat(answer.status()).as(path + ": " + answer).isEqualTo(200);
            } else {
                assertThat(answer.status()).as(path + ": " + answer).isEqualTo(403);
                assertThat(answer.isProblem()).as(path).isTrue();
                assertThat(answer.json()).as(path).containsEntry("title", "Not allowed").doesNotContainKey("items");
                assertThat(answer.body()).as(path).doesNotContain("Register access check");
            }
        }
    }
}
