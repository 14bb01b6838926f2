package io.threatflow.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * An accepted residual risk over real HTTP: the review date's horizon, the durable timers it leaves (queried and
 * executed through the engine's REST API as an administrator would), the reminder, the review that opens at the
 * date, the case that closes as eliminated when the threat is gone, and the risk register.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AcceptedRiskHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;

    @Test
    void shouldWaitForTheReviewDate_remindTheManagers_andOpenAReviewWhenTheThreatIsStillThere(CapturedOutput output) {
        String threatId = exposedRdp();
        String mitigation = startMitigation(threatId);
        String review = awaitTask(mitigation, "Task_ReviewResidualRisk");
        LocalDate reviewDate = LocalDate.now(ZoneOffset.UTC).plusDays(20);

        RawApi.Answer tooFar = RawApi.as(http, "manager").postJson("/engine-rest/task/" + review + "/submit-form",
                accept(LocalDate.now(ZoneOffset.UTC).plusDays(400)));
        assertThat(tooFar.status()).as(tooFar.toString()).isEqualTo(400);
        assertThat(tooFar.isProblem()).isTrue();
        assertThat((String) tooFar.json().get("detail")).contains("'riskReviewDate' may be at most", "days ahead");
        RawApi.Answer past = RawApi.as(http, "manager").postJson("/engine-rest/task/" + review + "/submit-form",
                accept(LocalDate.now(ZoneOffset.UTC).minusDays(1)));
        assertThat(past.status()).as(past.toString()).isEqualTo(400);
        assertThat((String) past.json().get("detail")).contains("'riskReviewDate' must be in the future");

        new ApiClient(http, "manager").submit(review, Map.of("residualRiskAccepted", true,
                "riskReviewDate", reviewDate.toString(), "reviewComment", "RDP filtered at the edge until the upgrade"));

        Map<String, Object> due = timer(mitigation, "TimerEvent_RiskReviewDue");
        assertThat(RawApi.engineDate(due.get("dueDate")))
                .isEqualTo(reviewDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<String, Object> reminder = timer(mitigation, "BoundaryEvent_RiskReviewNear");
        assertThat(RawApi.engineDate(reminder.get("dueDate")))
                .isEqualTo(reviewDate.minusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(risk(RawApi.as(http, "analyst").get("/api/risks").jsonList(), threatId))
                .containsEntry("state", "ACTIVE").containsEntry("reviewDate", reviewDate.toString())
                .containsEntry("acceptedBy", "manager").containsEntry("assetName", asset(threatId))
                .containsEntry("comment", "RDP filtered at the edge until the upgrade");

        execute((String) reminder.get("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().lines().anyMatch(line ->
                line.contains("Accepted risk due for review on " + reviewDate) && line.contains("(threat " + threatId + ")")));

        execute((String) due.get("id"));
        String reReview = awaitTask(mitigation, "Task_ReviewAcceptedRisk");
        assertThat((String) engine.getTaskService().getVariable(reReview, "riskRecheckResult"))
                .contains("the threat is still present");
        assertThat(RawApi.as(http, "manager").get("/engine-rest/job?processInstanceId=" + mitigation
                + "&activityId=BoundaryEvent_RiskReviewNear").jsonList()).as("no reminder once the review is due").isEmpty();

        LocalDate renewed = LocalDate.now(ZoneOffset.UTC).plusDays(60);
        new ApiClient(http, "manager").submit(reReview, Map.of("residualRiskAccepted", true,
                "riskReviewDate", renewed.toString(), "reviewComment", "upgrade moved to next quarter"));
        assertThat(RawApi.engineDate(timer(mitigation, "TimerEvent_RiskReviewDue").get("dueDate")))
                .isEqualTo(renewed.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(RawApi.as(http, "manager").get("/api/risks").jsonList().stream()
                .filter(risk -> threatId.equals(risk.get("threatId"))).toList()).as("the renewed acceptance only")
                .singleElement().satisfies(risk -> assertThat(risk).containsEntry("reviewDate", renewed.toString()));
    }

    @Test
    void shouldCloseTheCaseAsEliminated_whenTheReCheckFindsTheThreatGone() {
        String threatId = exposedRdp();
        String mitigation = startMitigation(threatId);
        new ApiClient(http, "manager").submit(awaitTask(mitigation, "Task_ReviewResidualRisk"), accepting(10));
        Map<String, Object> due = timer(mitigation, "TimerEvent_RiskReviewDue");
        // meanwhile the service was taken off the host, as the scanner (here the inventory) sees it
        jdbc.sql("delete from asset_port where asset_id = (select asset_id from threat where id = ?)").param(threatId)
                .update();

        execute((String) due.get("id"));

        await().atMost(Duration.ofSeconds(30)).until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(mitigation).finished().count() == 1);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(mitigation)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_ThreatEliminated");
        assertThat(new ApiClient(http, "analyst").threat(threatId)).containsEntry("status", "ELIMINATED");
        assertThat(RawApi.as(http, "analyst").get("/api/threats/" + threatId + "/timeline").body())
                .as("the timeline tells it").contains("Task_CloseThreatEliminated", "EndEvent_ThreatEliminated");
        assertThat(RawApi.as(http, "manager").get("/api/risks").jsonList())
                .noneMatch(risk -> threatId.equals(risk.get("threatId")));
        assertThat(jdbc.sql("select ended_as from risk_acceptance where threat_id = ?").param(threatId)
                .query(String.class).single()).isEqualTo("ELIMINATED");
    }

    @Test
    void shouldFilterTheRegisterByState_refuseAnUnknownState_andAnswerOnlyCaseReaders() {
        String threatId = exposedRdp();
        String mitigation = startMitigation(threatId);
        new ApiClient(http, "manager").submit(awaitTask(mitigation, "Task_ReviewResidualRisk"), accepting(3));

        assertThat(risk(RawApi.as(http, "manager").get("/api/risks?state=expiring-soon").jsonList(), threatId))
                .containsEntry("state", "EXPIRING_SOON");
        assertThat(RawApi.as(http, "manager").get("/api/risks?state=ACTIVE").jsonList())
                .noneMatch(risk -> threatId.equals(risk.get("threatId")));
        List<Map<String, Object>> all = RawApi.as(http, "admin").get("/api/risks").jsonList();
        assertThat(all).extracting(risk -> (String) risk.get("reviewDate")).as("the soonest review first").isSorted();

        RawApi.Answer bad = RawApi.as(http, "manager").get("/api/risks?state=forgotten");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.errorFields()).containsExactly("state");
        assertThat(RawApi.as(http, "modeler").get("/api/risks").status()).isEqualTo(403);
        assertThat(RawApi.anonymous(http).get("/api/risks").status()).isEqualTo(401);
    }

    /** An analyst reports RDP exposed on a new host; the intake puts port 3389 in its inventory. */
    private String exposedRdp() {
        String host = "risk-http-" + UUID.randomUUID().toString().substring(0, 8) + ".corp";
        String threatId = new ApiClient(http, "analyst").report(Map.of("title", "RDP exposed on " + host,
                "type", "EXPOSED_SERVICE", "asset", host, "port", 3389));
        jdbc.sql("""
                insert into asset_port (asset_id, port, state)
                select asset_id, 3389, 'OPEN' from threat t where t.id = ?
                   and not exists (select 1 from asset_port p where p.asset_id = t.asset_id and p.port = 3389)""")
                .param(threatId).update();
        return threatId;
    }

    private String asset(String threatId) {
        return jdbc.sql("select asset_name from threat where id = ?").param(threatId).query(String.class).single();
    }

    /** A manager starts a long-term mitigation of the threat on its own, as in Tasklist. */
    private String startMitigation(String threatId) {
        RawApi.Answer started = RawApi.as(http, "manager").postJson(
                "/engine-rest/process-definition/key/threat-mitigation/submit-form",
                Map.of("variables", Map.of("threatId", Map.of("value", threatId))));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return (String) started.json().get("id");
    }

    private String awaitTask(String processInstanceId, String taskDefinitionKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> RawApi.as(http, "manager")
                .get("/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskDefinitionKey)
                .jsonList(), tasks -> !tasks.isEmpty()).get(0).get("id").toString();
    }

    private Map<String, Object> timer(String processInstanceId, String activityId) {
        List<Map<String, Object>> jobs = RawApi.as(http, "admin").get("/engine-rest/job?timers=true&processInstanceId="
                + processInstanceId + "&activityId=" + activityId).jsonList();
        assertThat(jobs).as(activityId).hasSize(1);
        return jobs.get(0);
    }

    private void execute(String jobId) {
        RawApi.Answer executed = RawApi.as(http, "admin").postJson("/engine-rest/job/" + jobId + "/execute", Map.of());
        assertThat(executed.status()).as(executed.toString()).isEqualTo(204);
    }

    private static Map<String, Object> risk(List<Map<String, Object>> risks, String threatId) {
        return risks.stream().filter(risk -> threatId.equals(risk.get("threatId"))).findFirst()
                .orElseThrow(() -> new AssertionError("threat " + threatId + " is not in " + risks));
    }

    private static Map<String, Object> accepting(int daysAhead) {
        return Map.of("residualRiskAccepted", true, "riskReviewDate",
                LocalDate.now(ZoneOffset.UTC).plusDays(daysAhead).toString(), "reviewComment", "accepted for now");
    }

    private static Map<String, Object> accept(LocalDate reviewDate) {
        return Map.of("variables", Map.of("residualRiskAccepted", Map.of("value", true),
                "riskReviewDate", Map.of("value", reviewDate.toString()),
                "reviewComment", Map.of("value", "accepted")));
    }
}
