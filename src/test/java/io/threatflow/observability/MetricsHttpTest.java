package io.threatflow.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.SwitchableAdapters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drives cases through the real API and reads /actuator/prometheus before and after, as Prometheus would: every
 * counter and timer moves by exactly what the case did (other tests share the application, hence deltas).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MetricsHttpTest {

    private static final List<String> FIVE_STEPS = List.of("IDENTIFY", "RESPOND", "INVESTIGATE", "ERADICATE", "VALIDATE");
    private static final String STEP_COUNT = "threatflow_step_duration_seconds_count";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    ApiClient analyst;

    @BeforeEach
    void quiet() {
        analyst = new ApiClient(http, "analyst");
        // cases of earlier tests still moving would move the meters too
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().executable().count() == 0);
    }

    @AfterEach
    void heal() {
        SwitchableAdapters.scannerFailing.set(false);
    }

    private Scrape scrape() {
        return Scrape.of(http, "manager", ApiClient.PASSWORD);
    }

    @Test
    void shouldCountReportAndClosure_andTimeEachStep_whenThreatIsEliminated() {
        Scrape before = scrape();

        String threatId = analyst.report(Map.of("title", "OpenSSL flaw on web-01 (metrics)", "type", "VULNERABILITY",
                "asset", "web-01", "cve", "CVE-2099-1001", "severity", "MEDIUM", "source", "scanner"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "MEDIUM"));
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "old OpenSSL", "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));
        analyst.submit(analyst.awaitTask(threatId, "Task_ConfirmClosure"), Map.of("lessonsLearned", "patch sooner"));
        analyst.awaitClosed(threatId, "ELIMINATED");

        Function<Scrape, Double> lastStep = s -> s.value(STEP_COUNT, "step", "VALIDATE");
        Scrape after = await().atMost(Duration.ofSeconds(10)).until(this::scrape,
                s -> lastStep.apply(s) > lastStep.apply(before));
        assertThat(delta(before, after, "threatflow_threats_reported_total", "severity", "MEDIUM", "type", "VULNERABILITY"))
                .isEqualTo(1);
        assertThat(delta(before, after, "threatflow_threats_closed_total", "outcome", "ELIMINATED", "severity", "MEDIUM"))
                .isEqualTo(1);
        assertThat(delta(before, after, "threatflow_threats_closed_total")).isEqualTo(1);
        assertThat(delta(before, after, "threatflow_case_duration_seconds_count", "outcome", "ELIMINATED")).isEqualTo(1);
        assertThat(delta(before, after, "threatflow_case_duration_seconds_sum", "outcome", "ELIMINATED")).isPositive();
        FIVE_STEPS.forEach(step -> assertThat(delta(before, after, STEP_COUNT, "step", step)).as(step).isEqualTo(1));
        assertThat(delta(before, after, STEP_COUNT)).as("no other step").isEqualTo(5);
        assertThat(delta(before, after, "threatflow_step_duration_seconds_sum", "step", "INVESTIGATE"))
                .as("the investigation waited for the analyst").isPositive();
        assertThat(delta(before, after, "threatflow_engine_job_successful_total")).isPositive();
        assertThat(delta(before, after, "threatflow_engine_job_acquired_success_total")).isPositive();
    }

    @Test
    void shouldShowOpenThreatInBacklog_untilItClosesAsFalsePositive() {
        Scrape before = scrape();
        String threatId = analyst.report(Map.of("title", "Telnet seen on db-01 (metrics)", "type", "EXPOSED_SERVICE",
                "asset", "db-01", "port", 2323));
        String triage = analyst.awaitTask(threatId, "Task_TriageThreat");
        String severity = String.valueOf(analyst.threat(threatId).get("severity"));
        double openBefore = before.value("threatflow_threats_open", "severity", severity);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(scrape().value("threatflow_threats_open", "severity", severity)).isEqualTo(openBefore + 1));

        analyst.submit(triage, Map.of("falsePositive", true, "severity", "LOW", "triageNotes", "honeypot"));
        analyst.awaitClosed(threatId, "FALSE_POSITIVE");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(scrape().value("threatflow_threats_open", "severity", severity)).isEqualTo(openBefore));
        Scrape after = await().atMost(Duration.ofSeconds(10)).until(this::scrape,
                s -> s.value(STEP_COUNT, "step", "IDENTIFY") > before.value(STEP_COUNT, "step", "IDENTIFY"));
        assertThat(delta(before, after, "threatflow_threats_reported_total", "severity", "UNRATED", "type", "EXPOSED_SERVICE"))
                .isEqualTo(1);
        assertThat(delta(before, after, "threatflow_threats_closed_total", "outcome", "FALSE_POSITIVE", "severity", "LOW"))
                .isEqualTo(1);
        assertThat(delta(before, after, STEP_COUNT)).as("a false positive ends in its first step").isEqualTo(1);
    }

    @Test
    void shouldCountFailedJobsAndShowIncident_whenOutsideSystemFails() {
        Scrape before = scrape();
        String threatId = analyst.report(Map.of("title", "Exposed SMB on web-01 (metrics)", "type", "VULNERABILITY",
                "asset", "web-01", "cve", "CVE-2099-1002"));
        SwitchableAdapters.scannerFailing.set(true);
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "HIGH"));

        String caseId = (String) analyst.threat(threatId).get("processInstanceId");
        Incident incident = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createIncidentQuery()
                .processInstanceId(caseId).singleResult(), found -> found != null);
        long failures = history.createHistoricJobLogQuery().jobId(incident.getConfiguration()).failureLog().count();
        assertThat(failures).as("every run of the job until it was out of retries").isPositive();
        Scrape failed = await().atMost(Duration.ofSeconds(15)).until(this::scrape,
                s -> delta(before, s, "threatflow_incidents_open") == 1);
        assertThat(delta(before, failed, "threatflow_engine_job_failed_total")).isEqualTo(failures);

        SwitchableAdapters.scannerFailing.set(false);
        management.setJobRetries(incident.getConfiguration(), 1);
        analyst.awaitTask(threatId, "Task_InvestigateThreat");
        Scrape healed = await().atMost(Duration.ofSeconds(15)).until(this::scrape,
                s -> delta(before, s, "threatflow_incidents_open") == 0);
        assertThat(delta(before, healed, "threatflow_engine_job_failed_total")).isEqualTo(failures);
    }

    private static double delta(Scrape before, Scrape after, String series, String... labels) {
        return after.value(series, labels) - before.value(series, labels);
    }
}
