package io.threatflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.Quietly;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawApi.Answer;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
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
 * The engine REST API answers a caller's mistake with a 4xx problem that names it, and never shows its internals:
 * each of these was a 500, two of them with the SQL statement or the XML parser's settings in the body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class EngineRestProblemsHttpTest {

    private static final String START = "/engine-rest/process-definition/key/threat-remediation/start";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRefuseBpmnWithDoctype_asBadRequest_andDeployNothing(CapturedOutput output) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [<!ENTITY probe SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://threatflow.io/probe">
                  <process id="Process_DoctypeProbe" isExecutable="true"><startEvent id="StartEvent_Probe" name="&probe;"/></process>
                </definitions>""";

        Answer answer = Quietly.answered(output, () -> deploy(RawApi.as(http, "admin"), "doctype-probe", bpmn));

        assertProblem(answer, 400);
        assertThat(answer.json().get("message")).asString().contains("DOCTYPE");
        assertThat(answer.body()).doesNotContain("apache.org", "Exception", "passwd");
        assertThat(repository.createDeploymentQuery().deploymentName("doctype-probe").count()).isZero();
    }

    @Test
    void shouldAnswerNotFound_whenFormOfAnUnknownTaskIsSubmitted(CapturedOutput output) {
        Answer answer = Quietly.answered(output, () -> RawApi.as(http, "analyst")
                .post("/engine-rest/task/00000000-0000-0000-0000-000000000000/submit-form", "{\"variables\": {}}"));

        assertProblem(answer, 404);
        assertThat(answer.json().get("message")).asString().contains("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void shouldRefuseTooLongThreatTitle_asBadRequestNamingIt_withoutSql(CapturedOutput output) {
        Answer answer = Quietly.answered(output, () -> RawApi.as(http, "analyst").post(START, """
                {"variables": {"threatTitle": {"value": "%s"}, "threatType": {"value": "MALWARE"},
                               "assetName": {"value": "engine-rest-long-title.corp"}}}""".formatted("t".repeat(5000))));

        assertProblem(answer, 400);
        assertThat(answer.json().get("message")).asString().contains("threatTitle", "200");
        assertNoSql(answer);
        assertThat(threatsOn("engine-rest-long-title.corp")).isZero();
    }

    /** No delegate checks a variable it does not know; the database refuses it, and the answer is still a 400. */
    @Test
    void shouldRefuseAnyTextVariableTooLongForTheEngine_asBadRequest_withoutSql(CapturedOutput output) {
        Answer answer = Quietly.answered(output, () -> RawApi.as(http, "analyst").post(START, """
                {"variables": {"threatTitle": {"value": "Long notes"}, "threatType": {"value": "MALWARE"},
                               "assetName": {"value": "engine-rest-long-variable.corp"},
                               "analystNotes": {"value": "%s"}}}""".formatted("n".repeat(5000))));

        assertProblem(answer, 400);
        assertNoSql(answer);
        assertThat(threatsOn("engine-rest-long-variable.corp")).as("the threat insert rolled back too").isZero();
    }

    @Test
    void shouldAnswerBadRequest_whenBodyIsNotJson(CapturedOutput output) {
        Answer answer = Quietly.answered(output, () -> RawApi.as(http, "analyst").post(START, "{\"variables\": "));

        assertProblem(answer, 400);
    }

    @Test
    void shouldKeepWorking_andKeepItsAnswersForRefusals() {
        RawApi analyst = RawApi.as(http, "analyst");

        Answer definition = analyst.get("/engine-rest/process-definition/key/threat-remediation");
        assertThat(definition.status()).as("%s", definition).isEqualTo(200);
        assertThat(definition.contentType()).startsWith("application/json");
        assertThat(definition.json()).containsEntry("key", "threat-remediation");

        Answer unknown = analyst.get("/engine-rest/process-definition/key/no-such-process");
        assertProblem(unknown, 404);
        assertThat(unknown.json().get("message")).asString().contains("no-such-process");

        Answer forbidden = deploy(analyst, "analyst-probe", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://threatflow.io/probe">
                  <process id="Process_AnalystProbe" isExecutable="true"><startEvent id="StartEvent_Probe"/></process>
                </definitions>""");
        assertProblem(forbidden, 403);
        assertThat(repository.createDeploymentQuery().deploymentName("analyst-probe").count()).isZero();

        assertProblem(analyst.get("/engine-rest/no-such-resource"), 404);
    }

    /** As Camunda Modeler deploys: one BPMN file in a multipart form. */
    private static Answer deploy(RawApi user, String name, String bpmn) {
        String body = "--probe\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
                + "--probe\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + name + ".bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--probe--\r\n";
        return user.post("/engine-rest/deployment/create", "multipart/form-data; boundary=probe",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private long threatsOn(String asset) {
        return jdbc.sql("select count(*) from threat where asset_name = ?").param(asset).query(Long.class).single();
    }

    private static void assertNoSql(Answer answer) {
        assertThat(answer.body().toLowerCase()).doesNotContain("insert", "sql", "varying", "varchar", "act_ru_");
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        assertThat(answer.json()).as("%s", answer).containsEntry("status", status).containsKey("message");
    }
}
