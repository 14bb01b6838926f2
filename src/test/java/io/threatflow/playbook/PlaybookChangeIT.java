package io.threatflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.AppNode;
import io.threatflow.testing.ModelerDeploy;
import io.threatflow.testing.RawApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 14's "done when", on the packaged application: a modeler deploys only a changed {@code sla-policy.dmn}
 * (CRITICAL triage within 30 minutes instead of 15) through {@code /engine-rest/deployment/create}; a manager approves
 * {@code Task_ReviewPlaybookChange}; the next CRITICAL case gets a 30-minute triage due date, and a case reported
 * between the deployment and the approval still runs on the old version.
 */
class PlaybookChangeIT {

    private static final DateTimeFormatter ENGINE_REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private static AppNode node(String name, boolean reviewRequired) {
        return new AppNode(name)
                .env("THREATFLOW_DEMO_PASSWORD", ApiClient.PASSWORD)
                .property("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                .property("threatflow.playbooks.review-required", reviewRequired)
                .property("camunda.bpm.job-execution.wait-time-in-millis", 200)
                .property("camunda.bpm.job-execution.max-wait", 1000)
                .start();
    }

    private static Map<String, byte[]> criticalTriageIn30Minutes() {
        String policy = PlaybookBundleTest.slaPolicy();
        String changed = policy.replace("<outputEntry id=\"OutputEntry_SlaPolicy01_1\"><text>\"PT15M\"</text></outputEntry>",
                "<outputEntry id=\"OutputEntry_SlaPolicy01_1\"><text>\"PT30M\"</text></outputEntry>");
        assertThat(changed).isNotEqualTo(policy);
        return Map.of("sla-policy.dmn", changed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRunNewCriticalCasesOnTheApprovedChange_andKeepACaseReportedMeanwhileOnTheOldVersion() {
        try (AppNode node = node("playbook-change", true)) {
            TestRestTemplate http = node.http();
            ApiClient analyst = new ApiClient(http, "analyst");
            RawApi modeler = RawApi.as(http, "modeler");
            RawApi manager = RawApi.as(http, "manager");

            RawApi.Answer proposed = ModelerDeploy.deploy(modeler, criticalTriageIn30Minutes());
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
            String changeId = (String) proposed.json().get("id");
            assertThat((String) proposed.json().get("summary")).contains("rule Rule_SlaPolicy01 changed", "\"PT30M\"");

            String meanwhile = reportCritical(analyst, "playbook-it-meanwhile");
            assertTriageDue(analyst, meanwhile, Duration.ofMinutes(15));

            List<Map<String, Object>> reviews = manager.get("/engine-rest/task?processInstanceBusinessKey=" + changeId
                    + "&taskDefinitionKey=Task_ReviewPlaybookChange").jsonList();
            assertThat(reviews).hasSize(1);
            new ApiClient(http, "manager").submit((String) reviews.get(0).get("id"),
                    Map.of("changeApproved", true, "reviewComment", "30 minutes is what the SOC can staff"));

            String next = reportCritical(analyst, "playbook-it-next");
            assertTriageDue(analyst, next, Duration.ofMinutes(30));
            assertTriageDue(analyst, meanwhile, Duration.ofMinutes(15));
            assertThat(analyst.threat(next)).containsEntry("playbookVersion", 2);
            assertThat(analyst.threat(meanwhile)).containsEntry("playbookVersion", 1);

            List<Map<String, Object>> versions = manager.get("/api/playbooks/versions").jsonList();
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0)).containsEntry("version", 2).containsEntry("current", true)
                    .containsEntry("proposedBy", "modeler").containsEntry("approvedBy", "manager")
                    .containsEntry("changeId", changeId).containsEntry("changedResources", List.of("sla-policy.dmn"))
                    .containsEntry("runningCases", 1);
            assertThat(versions.get(1)).containsEntry("version", 1).containsEntry("current", false)
                    .containsEntry("proposedBy", null).containsEntry("approvedBy", null).containsEntry("changeId", null)
                    .containsEntry("runningCases", 1);
        }
    }

    @Test
    void shouldDeployAtOnce_whenNoReviewIsRequired() {
        try (AppNode node = node("playbook-change-lab", false)) {
            TestRestTemplate http = node.http();
            ApiClient analyst = new ApiClient(http, "analyst");

            RawApi.Answer deployed = ModelerDeploy.deploy(RawApi.as(http, "modeler"), criticalTriageIn30Minutes());

            assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
            assertThat((Map<?, ?>) deployed.json().get("deployedProcessDefinitions")).isNotEmpty();
            assertTriageDue(analyst, reportCritical(analyst, "playbook-it-lab"), Duration.ofMinutes(30));
            assertThat(RawApi.as(http, "manager").get("/api/playbooks/versions").jsonList().get(0))
                    .containsEntry("proposedBy", "modeler").containsEntry("approvedBy", null);
        }
    }

    private static String reportCritical(ApiClient analyst, String asset) {
        return analyst.report(Map.of("title", "Ransomware note on " + asset, "type", "MALWARE", "asset", asset,
                "severity", "CRITICAL"));
    }

    private static void assertTriageDue(ApiClient analyst, String threatId, Duration within) {
        String triage = analyst.awaitTask(threatId, "Task_TriageThreat");
        Instant reported = Instant.parse((String) analyst.threat(threatId).get("reportedAt"));
        Map<String, Object> task = analyst.get("/engine-rest/task/" + triage).getBody();
        Instant due = ZonedDateTime.parse((String) task.get("due"), ENGINE_REST_DATE).toInstant();
        assertThat(due).as("triage due of %s", threatId).isEqualTo(reported.plus(within).truncatedTo(ChronoUnit.MILLIS));
    }
}
