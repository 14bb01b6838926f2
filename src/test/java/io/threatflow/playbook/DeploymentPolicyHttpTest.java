package io.threatflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threatflow.testing.Quietly;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawApi.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

/**
 * The deployment policy in the running application, as the attacker of issue 14 tried it: a modeler (and an
 * administrator) deploying a timer-started process whose service tasks run a shell command and make the modeler an
 * administrator. The engine refuses it on every path, nothing of it is stored and nothing of it ever runs; the
 * shipped models pass with the application's real beans.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class DeploymentPolicyHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    DeploymentPolicy policy;

    @TempDir
    Path temp;

    /** The model of the issue: started every second by a timer, runs a command, promotes the modeler. */
    private String issueModel(String processId, Path marker) {
        String exec = "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
                + ".exec(\"touch " + marker + "\")}";
        return ModelPolicyTest.process(processId, """
                <bpmn:startEvent id="StartEvent_EverySecond"><bpmn:timerEventDefinition>
                  <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R1/PT1S</bpmn:timeCycle>
                </bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_EverySecond" targetRef="Task_Exec"/>
                <bpmn:serviceTask id="Task_Exec" camunda:expression='%s'/>
                <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_Exec" targetRef="Task_Promote"/>
                <bpmn:serviceTask id="Task_Promote"
                    camunda:expression="${identityService.createMembership('modeler','camunda-admin')}"/>
                <bpmn:sequenceFlow id="SequenceFlow_3" sourceRef="Task_Promote" targetRef="EndEvent_Done"/>
                <bpmn:endEvent id="EndEvent_Done"/>""".formatted(exec));
    }

    @Test
    void shouldPassTheShippedModelsAndForms_withTheApplicationsBeans() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>();
        for (String pattern : List.of("processes/*.bpmn", "processes/*.dmn", "forms/*.form")) {
            resources.addAll(List.of(resolver.getResources("classpath*:" + pattern)));
        }
        List<String> names = List.of("threat-remediation.bpmn", "threat-mitigation.bpmn", "threat-severity.dmn");
        assertThat(resources).extracting(Resource::getFilename).containsAll(names);

        for (Resource resource : resources) {
            assertThat(policy.violations(resource.getFilename(), resource.getContentAsByteArray()))
                    .as(resource.getFilename()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"modeler", "admin"})
    void shouldRefuseTheIssuesModel_asBadRequestNamingElementAndRule_andRunNothing(String user, CapturedOutput output)
            throws InterruptedException {
        String name = "policy-probe-" + user;
        String processId = "Process_PolicyProbe_" + user;
        Path marker = temp.resolve("pwned-" + user);

        Answer answer = Quietly.answered(output, () -> deploy(user, name, "issue.bpmn", issueModel(processId, marker)));

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        Map<String, Object> problem = answer.json();
        assertThat(problem).containsEntry("title", "Deployment refused by the policy");
        assertThat(problem.get("message")).asString()
                .contains("issue.bpmn, Task_Exec: " + ExpressionRules.NO_METHOD_CALLS,
                        "Task_Promote: " + ExpressionRules.NO_BEANS)
                .doesNotContain("Exception", "org.camunda");
        assertThat(problem.get("violations")).asList().contains(
                Map.of("resource", "issue.bpmn", "element", "Task_Promote", "rule", ExpressionRules.NO_BEANS,
                        "detail", "camunda:expression: bean identityService in "
                                + "'${identityService.createMembership('modeler','camunda-admin')}'"));

        Thread.sleep(2_000); // the timer would have fired by now, had anything been deployed
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processId).count()).isZero();
        assertThat(marker).doesNotExist();
        assertThat(identity.createUserQuery().userId("modeler").memberOfGroup("camunda-admin").count()).isZero();
    }

    @Test
    void shouldRefuseADecisionWithAScript_overHttp(CapturedOutput output) {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_ScriptProbe"
                    name="Probe" namespace="https://threatflow.io/dmn">
                  <decision id="Decision_ScriptProbe" name="Probe">
                    <decisionTable id="DecisionTable_ScriptProbe">
                      <input id="Input_Probe"><inputExpression id="InputExpression_Script" typeRef="string"
                          expressionLanguage="javascript"><text>java.lang.System.exit(1)</text></inputExpression></input>
                      <output id="Output_Probe" name="result" typeRef="string"/>
                    </decisionTable>
                  </decision>
                </definitions>""";

        Answer answer = Quietly.answered(output, () -> deploy("modeler", "policy-dmn-probe", "probe.dmn", dmn));

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.json().get("message")).asString()
                .contains("probe.dmn, InputExpression_Script: " + ModelPolicy.FEEL_DECISIONS);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("Decision_ScriptProbe").count())
                .isZero();
    }

    @Test
    void shouldDeployAModelWithinThePolicy_asModeler() {
        String bpmn = ModelPolicyTest.process("Process_PolicyFine", """
                <bpmn:startEvent id="StartEvent_Started"/>
                <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Task_Register"/>
                <bpmn:serviceTask id="Task_Register" camunda:asyncBefore="true"
                    camunda:delegateExpression="${registerThreat}">
                  <bpmn:extensionElements>
                    <camunda:failedJobRetryTimeCycle>${jobRetry.cycle}</camunda:failedJobRetryTimeCycle>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_Register" targetRef="EndEvent_Done"/>
                <bpmn:endEvent id="EndEvent_Done"/>""");

        Answer answer = deploy("modeler", "policy-fine", "fine.bpmn", bpmn);

        // within the policy, the change is taken for review (docs/playbooks.md); nothing is live before approval
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        assertThat(answer.json()).containsEntry("status", "PENDING");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Process_PolicyFine").count()).isZero();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(answer.json().get("id"))).list()
                .forEach(review -> runtime.deleteProcessInstance(review.getId(), "test cleanup"));
    }

    @Test
    void shouldRefuseTheIssuesModel_throughTheJavaApi_whoeverDeploys() {
        String model = issueModel("Process_PolicyProbe_Java", temp.resolve("pwned-java"));

        identity.setAuthentication("modeler", List.of("modelers"));
        try {
            assertThatThrownBy(() -> repository.createDeployment().name("policy-probe-java")
                    .addString("issue.bpmn", model).deploy())
                    .isInstanceOfSatisfying(DeploymentRefusedException.class, refused -> assertThat(
                            refused.violations()).extracting(PolicyViolation::element).contains("Task_Exec",
                            "Task_Promote"));
        } finally {
            identity.clearAuthentication();
        }
        // the application itself (no user) is held to the same policy
        assertThatThrownBy(() -> repository.createDeployment().name("policy-probe-java")
                .addString("issue.bpmn", model).deploy()).isInstanceOf(DeploymentRefusedException.class);

        assertThat(repository.createDeploymentQuery().deploymentName("policy-probe-java").count()).isZero();
        assertThat(Files.exists(temp.resolve("pwned-java"))).isFalse();
    }

    /** As Camunda Modeler deploys: one file in a multipart form. */
    private Answer deploy(String user, String name, String file, String model) {
        String boundary = UUID.randomUUID().toString();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + file
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        return RawApi.as(http, user).post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
