package io.threatflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code GET /api/metrics} over real HTTP: who may read it, every refused parameter, and the JSON of a window
 * in 2001 whose register rows the test writes (no other test reports anything then), checked exactly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KpiHttpTest {

    static final String WINDOW = "from=2001-03-01&to=2001-03-31T00:00:00Z";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldServeTheKpisOfTheWindow_toAManager() {
        String asset = "kpi-http-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into asset (id, hostname, registered_at) values (?, ?, ?)")
                .params(asset, asset + ".corp", utc("2000-01-01T00:00:00Z")).update();
        threat(asset, "h1", "MALWARE", "CRITICAL", "ELIMINATED", "2001-03-02T00:00:00Z", "2001-03-02T01:00:00Z",
                "2001-03-03T00:00:00Z");
        threat(asset, "h2", "EXPOSED_SERVICE", "HIGH", "FALSE_POSITIVE", "2001-03-05T00:00:00Z", null,
                "2001-03-05T00:30:00Z");
        threat(asset, "h3", "OTHER", "LOW", "OPEN", "2001-03-10T00:00:00Z", null, null);
        threat(asset, "h4", "OUTDATED_OS", "LOW", "OPEN", "2001-03-30T12:00:00Z", null, null);
        threat(asset, "h5", "VULNERABILITY", "MEDIUM", "MITIGATED", "2001-02-20T00:00:00Z", null, "2001-03-01T00:00:00Z");
        // another CVE on the same asset: not the same threat again; h7, the same CVE after h5's closure, is
        threat(asset, "h6", "VULNERABILITY", "MEDIUM", "OPEN", "2001-03-20T00:00:00Z", null, null);
        threat(asset, "h7", "VULNERABILITY", "MEDIUM", "OPEN", "2001-03-25T00:00:00Z", null, null);
        jdbc.sql("update threat set cve = ? where id = ?").params("CVE-2001-0001", asset + "-h5").update();
        jdbc.sql("update threat set cve = ? where id = ?").params("CVE-2001-0002", asset + "-h6").update();
        jdbc.sql("update threat set cve = ? where id = ?").params("CVE-2001-0001", asset + "-h7").update();
        breach(asset + "-h1", "CONTAINMENT", "CRITICAL", "2001-03-02T00:30:00Z");
        // h3 is still open and missed its triage: counted now, not only once it closes
        breach(asset + "-h3", "TRIAGE", "LOW", "2001-03-10T04:00:00Z");
        // h5's accepted risk was due for review on 2001-03-20 and reviewed only after the window
        jdbc.sql("""
                insert into risk_acceptance (threat_id, accepted_by, review_date, accepted_at, ended_at, ended_as)
                values (?, 'manager', ?, ?, ?, 'RENEWED')""")
                .params(asset + "-h5", java.time.LocalDate.parse("2001-03-20"), utc("2001-03-01T00:00:00Z"),
                        utc("2001-04-02T00:00:00Z")).update();

        RawApi.Answer answer = RawApi.as(http, "manager").get("/api/metrics?" + WINDOW);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        Map<String, Object> report = answer.json();
        assertThat(report).containsOnlyKeys("from", "to", "generatedAt", "overall", "bySeverity", "backlog")
                .containsEntry("from", "2001-03-01T00:00:00Z").containsEntry("to", "2001-03-31T00:00:00Z");
        assertThat(Instant.parse((String) report.get("generatedAt"))).isAfter(Instant.parse("2026-01-01T00:00:00Z"));

        Map<String, Object> overall = map(report, "overall");
        assertThat(overall).containsOnlyKeys("reported", "closed", "mtta", "mttc", "mttr", "steps", "slaBreaches",
                "outcomes", "recurrence");
        assertThat(overall).containsEntry("reported", 6).containsEntry("closed", 3);
        assertThat(map(overall, "mtta")).as("no history: nothing to measure, written as null")
                .isEqualTo(stat(0, null, null, null));
        assertThat(map(overall, "mttc")).isEqualTo(stat(1, 3600.0, 3600.0, 3600.0));
        // 1 day, 30 minutes and 9 days: mean 865800 / 3
        assertThat(map(overall, "mttr")).isEqualTo(stat(3, 288600.0, 86400.0, 777600.0));
        assertThat(map(overall, "steps")).containsOnlyKeys("IDENTIFY", "RESPOND", "INVESTIGATE", "ERADICATE", "VALIDATE")
                .allSatisfy((step, value) -> assertThat(value).isEqualTo(stat(0, null, null, null)));
        assertThat(map(overall, "slaBreaches")).isEqualTo(Map.of("cases", 4, "breachedCases", 2, "rate", 0.5,
                "bySla", Map.of("TRIAGE", 1, "CONTAINMENT", 1, "RESOLUTION", 0)));
        assertThat(map(overall, "outcomes")).isEqualTo(Map.of("ELIMINATED", 1, "MITIGATED", 1, "FALSE_POSITIVE", 1));
        assertThat(map(overall, "recurrence")).isEqualTo(Map.of("closed", 3, "recurred", 1, "rate", 0.3333));

        Map<String, Object> bySeverity = map(report, "bySeverity");
        assertThat(bySeverity).containsOnlyKeys("CRITICAL", "HIGH", "MEDIUM", "LOW");
        Map<String, Object> critical = map(bySeverity, "CRITICAL");
        assertThat(critical).containsEntry("reported", 1).containsEntry("closed", 1);
        assertThat(map(critical, "mttr")).isEqualTo(stat(1, 86400.0, 86400.0, 86400.0));
        assertThat(map(critical, "slaBreaches")).containsEntry("rate", 1.0);
        assertThat(map(map(bySeverity, "MEDIUM"), "recurrence")).isEqualTo(Map.of("closed", 1, "recurred", 1, "rate", 1.0));
        assertThat(map(map(bySeverity, "LOW"), "recurrence")).containsEntry("rate", null).containsEntry("closed", 0);
        assertThat(map(map(bySeverity, "LOW"), "slaBreaches")).isEqualTo(Map.of("cases", 1, "breachedCases", 1,
                "rate", 1.0, "bySla", Map.of("TRIAGE", 1, "CONTAINMENT", 0, "RESOLUTION", 0)));

        Map<String, Object> backlog = map(report, "backlog");
        assertThat(backlog).containsEntry("asOf", "2001-03-31T00:00:00Z").containsEntry("total", 4)
                .containsEntry("overdueRiskReviews", 1);
        assertThat(map(backlog, "bySeverity")).isEqualTo(Map.of(
                "CRITICAL", backlog(0, 0, 0, 0, 0), "HIGH", backlog(0, 0, 0, 0, 0),
                "MEDIUM", backlog(2, 0, 1, 1, 0), "LOW", backlog(2, 1, 0, 1, 0)));

        assertThat(RawApi.as(http, "admin").get("/api/metrics?" + WINDOW).json()).as("camunda-admin too")
                .containsEntry("overall", overall);
    }

    @Test
    void shouldDefaultToTheLast30Days_andMeasureALiveTriage() {
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "KPI live", "type", "VULNERABILITY",
                "asset", "kpi-http-live.corp", "cve", "CVE-2099-47001", "severity", "HIGH"));
        Instant reportedAt = Instant.parse((String) analyst.threat(threatId).get("reportedAt"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", true, "severity", "HIGH"));
        analyst.awaitClosed(threatId, "FALSE_POSITIVE");

        Map<String, Object> report = RawApi.as(http, "manager").get("/api/metrics").json();

        Instant to = Instant.parse((String) report.get("to"));
        assertThat(Instant.parse((String) report.get("from"))).isEqualTo(to.minus(Duration.ofDays(30)));
        assertThat(to).isAfter(reportedAt);
        Map<String, Object> high = map(map(report, "bySeverity"), "HIGH");
        assertThat((Integer) high.get("reported")).isPositive();
        assertThat((Integer) map(high, "mtta").get("count")).as("acknowledged by completing the triage").isPositive();
        assertThat((Integer) map(map(high, "steps"), "IDENTIFY").get("count")).isPositive();
        assertThat((Integer) map(high, "outcomes").get("FALSE_POSITIVE")).isPositive();
    }

    @Test
    void shouldRefuseAnalystsAndModelers_andAskForCredentials() {
        for (String user : List.of("analyst", "modeler")) {
            RawApi.Answer refused = RawApi.as(http, user).get("/api/metrics?" + WINDOW);
            assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
            assertThat(refused.isProblem()).as(refused.toString()).isTrue();
            assertThat(refused.json()).containsEntry("status", 403);
        }
        RawApi.Answer refusedBeforeValidation = RawApi.as(http, "analyst").get("/api/metrics?from=nonsense");
        assertThat(refusedBeforeValidation.status()).as("no hint about parameters to whom may not ask").isEqualTo(403);

        RawApi.Answer anonymous = RawApi.anonymous(http).get("/api/metrics?" + WINDOW);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void shouldRefuseEachBadParameter_namingIt() {
        RawApi manager = RawApi.as(http, "manager");
        Map<String, String> badQueries = Map.of(
                "from=yesterday&to=2001-03-31", "from",
                "from=2001-03-01&to=2001-13-01", "to",
                "from=&to=2001-03-31", "from",
                "from=2001-03-01T00:00:00&to=2001-03-31", "from",
                "from=2001-03-31&to=2001-03-31", "from",
                "from=2001-04-01&to=2001-03-31", "from",
                "from=2000-03-29&to=2001-03-31", "from",
                "from=2099-01-01", "from");
        Map<String, String> outOfRange = Map.of(
                // before: both answered 500
                "to=-999999999-01-01T00:00:00Z", "to",
                "to=%2B1000000000-12-31T23:59:59.999999999Z", "to",
                "from=1969-12-31&to=1970-01-02", "from",
                "from=-999999999-01-01", "from");
        java.util.stream.Stream.of(badQueries, outOfRange).flatMap(queries -> queries.entrySet().stream()).forEach(bad -> {
            String query = bad.getKey();
            String field = bad.getValue();
            RawApi.Answer answer = manager.get("/api/metrics?" + query);
            assertThat(answer.status()).as(query + ": " + answer).isEqualTo(400);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(answer.errorFields()).as(query).containsExactly(field);
            assertThat((String) answer.json().get("detail")).startsWith(field + ": ");
        });

        assertThat(manager.get("/api/metrics?from=2000-03-30&to=2001-03-31").status()).as("366 days").isEqualTo(200);
        assertThat(manager.get("/api/metrics?from=2001-03-01T00:00:00%2B01:00&to=2001-03-31").json())
                .as("an offset instead of Z").containsEntry("from", "2001-02-28T23:00:00Z");
    }

    private void threat(String asset, String name, String type, String severity, String status, String reportedAt,
                        String containedAt, String closedAt) {
        jdbc.sql("""
                insert into threat (id, title, type, severity, asset_id, asset_name, status, reported_at, contained_at,
                                    closed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(asset + "-" + name, "KPI " + name, type, severity, asset, asset + ".corp", status,
                        utc(reportedAt), utc(containedAt), utc(closedAt))
                .update();
    }

    private void breach(String threatId, String sla, String severity, String at) {
        jdbc.sql("""
                insert into sla_breach (threat_id, sla, severity, due_at, breached_at)
                values (?, ?, ?, ?, ?)""").params(threatId, sla, severity, utc(at), utc(at)).update();
    }

    private static java.time.OffsetDateTime utc(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static Map<String, Object> stat(int count, Double mean, Double p50, Double p90) {
        Map<String, Object> stat = new java.util.LinkedHashMap<>();
        stat.put("count", count);
        stat.put("meanSeconds", mean);
        stat.put("p50Seconds", p50);
        stat.put("p90Seconds", p90);
        return stat;
    }

    private static Map<String, Object> backlog(int open, int under1d, int d1to7, int d7to30, int over30d) {
        return Map.of("open", open, "ages", Map.of("UNDER_1D", under1d, "D1_TO_7", d1to7, "D7_TO_30", d7to30,
                "OVER_30D", over30d));
    }
}
