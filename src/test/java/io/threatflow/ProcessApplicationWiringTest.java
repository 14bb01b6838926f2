package io.threatflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.playbook.PlaybookChangeProcess;
import io.threatflow.remediation.RemediationProcess;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real processes/ and forms/ as the application deploys them: every bean a model names exists with the
 * right type, every formRef and decisionRef finds its resource in the same deployment, every called process
 * and every candidate group exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProcessApplicationWiringTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    private ProcessDefinition definition(String key) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        assertThat(definition).as("process %s deployed", key).isNotNull();
        return definition;
    }

    private static String beanName(String expression) {
        assertThat(expression).as("delegate expression").matches("\\$\\{[A-Za-z][A-Za-z0-9]*}");
        return expression.substring(2, expression.length() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {RemediationProcess.KEY, MitigationProcess.KEY, PlaybookChangeProcess.KEY})
    void shouldResolveEveryDelegateExpressionToABeanOfTheRightType(String key) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definition(key).getId());

        List<String> delegates = model.getModelElementsByType(ServiceTask.class).stream()
                .map(ServiceTask::getCamundaDelegateExpression).toList();
        assertThat(delegates).isNotEmpty().doesNotContainNull();
        delegates.forEach(e -> assertThat(context.getBean(beanName(e))).as(e).isInstanceOf(JavaDelegate.class));
        model.getModelElementsByType(CamundaTaskListener.class).forEach(l -> assertThat(
                context.getBean(beanName(l.getCamundaDelegateExpression()))).isInstanceOf(TaskListener.class));
        model.getModelElementsByType(CamundaExecutionListener.class).forEach(l -> assertThat(
                context.getBean(beanName(l.getCamundaDelegateExpression()))).isInstanceOf(ExecutionListener.class));
        assertThat(model.getModelElementsByType(ServiceTask.class))
                .allSatisfy(task -> assertThat(task.getCamundaClass()).as(task.getId()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {RemediationProcess.KEY, MitigationProcess.KEY})
    void shouldFindEveryFormAndDecisionInTheSameDeployment(String key) throws IOException {
        ProcessDefinition definition = definition(key);
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Set<String> formIds = formIdsIn(definition.getDeploymentId());

        List<String> formRefs = Stream.concat(
                model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
                model.getModelElementsByType(StartEvent.class).stream()
                        .filter(start -> start.getParentElement() == model.getDefinitions().getChildElementsByType(
                                org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next())
                        .map(StartEvent::getCamundaFormRef))
                .toList();
        assertThat(formRefs).isNotEmpty().doesNotContainNull();
        assertThat(formIds).containsAll(formRefs);
        model.getModelElementsByType(UserTask.class).forEach(task ->
                assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment"));

        model.getModelElementsByType(BusinessRuleTask.class).forEach(task -> assertThat(
                repository.createDecisionDefinitionQuery().deploymentId(definition.getDeploymentId())
                        .decisionDefinitionKey(task.getCamundaDecisionRef()).count())
                .as("decision %s of %s", task.getCamundaDecisionRef(), task.getId()).isEqualTo(1));
        model.getModelElementsByType(CallActivity.class).forEach(call -> assertThat(
                repository.createProcessDefinitionQuery().processDefinitionKey(call.getCalledElement()).count())
                .as(call.getId()).isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {RemediationProcess.KEY, MitigationProcess.KEY, PlaybookChangeProcess.KEY})
    void shouldOfferEveryUserTaskToAnExistingGroup(String key) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definition(key).getId());
        assertThat(model.getModelElementsByType(UserTask.class)).isNotEmpty().allSatisfy(task -> {
            assertThat(task.getCamundaAssignee()).as("%s has no fixed assignee", task.getId()).isNull();
            assertThat(task.getCamundaCandidateGroupsList()).as(task.getId()).isNotEmpty()
                    .allSatisfy(group -> assertThat(identity.createGroupQuery().groupId(group).count()).isOne());
        });
    }

    private Set<String> formIdsIn(String deploymentId) throws IOException {
        Set<String> ids = new HashSet<>();
        for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(".form")) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
                    ids.add(json.readTree(in).path("id").asText());
                }
            }
        }
        return ids;
    }
}
