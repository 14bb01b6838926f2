package io.threatflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The filters of {@code GET /api/threats} that the Threats page uses: CVE, words of the title, service-level
 * standing and assignee, with finished cases included; and every refusal a 400 problem naming its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ThreatSearchHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    ApiClient analyst;
    RawApi api;
    String asset;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
        api = RawApi.as(http, "analyst");
        asset = "search-" + UUID.randomUUID().toString().substring(0, 8) + ".corp";
    }

    @Test
    void shouldFindByCveAndWordsOfTheTitle() {
        String log4j = analyst.report(Map.of("title", "Log4Shell 100% on " + asset, "type", "VULNERABILITY",
                "asset", asset, "cve", "CVE-2021-44228"));
        String other = analyst.report(Map.of("title", "Old OpenSSL on " + asset, "type", "VULNERABILITY",
                "asset", asset, "cve", "CVE-2014-0160"));

        assertThat(ids("asset=" + asset + "&cve=cve-2021-44228")).containsExactly(log4j);
        assertThat(ids("asset=" + asset + "&q=openssl")).containsExactly(other);
        assertThat(ids("asset=" + asset + "&q=100%25")).as("a % is a character, not a wildcard").containsExactly(log4j);
        assertThat(ids("asset=" + asset + "&q=0_0")).isEmpty();
        assertThat(ids("asset=" + asset)).containsExactlyInAnyOrder(log4j, other);
    }

    @Test
    void shouldFindFinishedCasesAndTellTheirServiceLevelStanding() {
        String open = analyst.report(Map.of("title", "Telnet on " + asset, "type", "EXPOSED_SERVICE", "asset", asset,
                "port", 23));
        String closed = analyst.report(Map.of("title", "FTP on " + asset, "type", "EXPOSED_SERVICE", "asset", asset,
                "port", 21));
        analyst.submit(analyst.awaitTask(closed, "Task_TriageThreat"),
                Map.of("falsePositive", true, "severity", "LOW", "triageNotes", "test host"));
        analyst.awaitClosed(closed, "FALSE_POSITIVE");
        analyst.awaitTask(open, "Task_TriageThreat");

        assertThat(ids("asset=" + asset + "&status=FALSE_POSITIVE")).containsExactly(closed);
        assertThat(ids("asset=" + asset + "&sla=MET")).containsExactly(closed);
        assertThat(ids("asset=" + asset + "&sla=ON_TRACK")).containsExactly(open);
        assertThat(ids("asset=" + asset + "&sla=BREACHED")).isEmpty();

        jdbc.sql("insert into sla_breach (threat_id, sla, severity, due_at, breached_at) values (:id, 'TRIAGE', 'LOW', :at, :at)")
                .param("id", open).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();

        assertThat(ids("asset=" + asset + "&sla=BREACHED")).containsExactly(open);
        assertThat(ids("asset=" + asset + "&sla=ON_TRACK")).isEmpty();
    }

    @Test
    void shouldFindTheThreatsWhoseOpenTaskSomeoneHolds() {
        String claimed = analyst.report(Map.of("title", "Claimed on " + asset, "type", "MALWARE", "asset", asset));
        String unclaimed = analyst.report(Map.of("title", "Unclaimed on " + asset, "type", "COMPROMISED_ACCOUNT",
                "asset", asset));
        String taskId = analyst.awaitTask(claimed, "Task_TriageThreat");
        analyst.awaitTask(unclaimed, "Task_TriageThreat");
        assertThat(api.postJson("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "analyst")).status())
                .isEqualTo(204);

        assertThat(ids("asset=" + asset + "&assignee=analyst")).containsExactly(claimed);
        assertThat(ids("asset=" + asset + "&assignee=nobody-here")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "cve=log4shell|cve",
            "cve=CVE-21-1|cve",
            "sla=LATE|sla",
            "severity=URGENT|severity",
            "page=-1|page",
            "page=10001|page",
            "size=0|size",
            "size=201|size",
            "assignee=a%01b|assignee"})
    void shouldRefuseABadFilterNamingTheField(String query, String field) {
        RawApi.Answer answer = api.get("/api/threats?" + query);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.errorFields()).containsExactly(field);
    }

    @Test
    void shouldRefuseWordsLongerThanATitle() {
        RawApi.Answer answer = api.get("/api/threats?q=" + "a".repeat(201));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("q");
        assertThat((String) answer.json().get("detail")).contains("at most 200 characters");
    }

    @Test
    void shouldRefuseTheFiltersToModelers() {
        RawApi.Answer answer = RawApi.as(http, "modeler").get("/api/threats?cve=CVE-2021-44228&sla=BREACHED");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.isProblem()).isTrue();
    }

    private List<Object> ids(String query) {
        RawApi.Answer answer = api.get("/api/threats?" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.jsonItems().stream().map(item -> item.get("threatId")).toList();
    }
}
