package io.threatflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * The policy on hostile models, one per kind of attribute that holds an expression or code, and on models that
 * only read variables. The shipped models with the application's real beans: {@code DeploymentPolicyHttpTest}.
 */
class ModelPolicyTest {

    static final String RCE = "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\")"
            + ".invoke(null).exec(\"touch /tmp/x\")}";
    static final String ADMIN = "${identityService.createMembership('modeler','camunda-admin')}";

    static class Register implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
        }
    }

    static class Record implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
        }
    }

    private final ModelPolicy policy = new ModelPolicy(beans());

    private static StaticListableBeanFactory beans() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("registerThreat", new Register());
        beans.addBean("recordTriage", new Record());
        beans.addBean("jobRetry", new Object());
        beans.addBean("identityService", new Object());
        beans.addBean("runtimeService", new Object());
        beans.addBean("processEngine", new Object());
        beans.addBean("threatService", new Object());
        beans.addBean("foreignDelegate", Mockito.mock(JavaDelegate.class));
        return beans;
    }

    /** The process Process_Probe around {@code body}. */
    static String process(String body) {
        return process("Process_Probe", body);
    }

    /** A process with the given id around {@code body}: its flow nodes and flows. */
    static String process(String id, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:activiti="http://activiti.org/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Probe" targetNamespace="https://threatflow.io/probe">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    %s
                  </bpmn:process>
                </bpmn:definitions>""".formatted(id, body);
    }

    static String decision(String input, String output) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Probe"
                    name="Probe" namespace="https://threatflow.io/dmn">
                  <decision id="Decision_Probe" name="Probe">
                    <decisionTable id="DecisionTable_Probe">
                      <input id="Input_Probe">%s</input>
                      <output id="Output_Probe" name="result" typeRef="string"/>
                      <rule id="Rule_Probe">
                        <inputEntry id="InputEntry_Probe"><text>-</text></inputEntry>
                        %s
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(input, output);
    }

    /** The cases of policy/hostile-processes.txt: kind, model, element and rule. */
    static Stream<Arguments> hostileProcesses() throws IOException {
        String catalogue = new ClassPathResource("policy/hostile-processes.txt")
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^#(?!##).*\\n", "").replace("{RCE_XML}", RCE.replace("\"", "&quot;"))
                .replace("{RCE}", RCE).replace("{ADMIN}", ADMIN);
        return Arrays.stream(catalogue.split("(?m)^### ")).filter(c -> !c.isBlank()).map(c -> {
            String[] heading = c.substring(0, c.indexOf('\n')).split(" \\| ");
            return Arguments.of(heading[0], process(c.substring(c.indexOf('\n') + 1)), heading[1], rule(heading[2]));
        });
    }

    /** A rule's words, from the name of its constant in ModelPolicy or ExpressionRules. */
    private static String rule(String constant) {
        for (Class<?> rules : List.of(ModelPolicy.class, ExpressionRules.class)) {
            try {
                return (String) rules.getDeclaredField(constant).get(null);
            } catch (NoSuchFieldException e) {
                // in the other class
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no rule " + constant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileProcesses")
    void shouldRefuseHostileProcess_namingElementAndRule(String kind, String model, String element, String rule) {
        List<PolicyViolation> violations = policy.violations("probe.bpmn", bytes(model));

        assertThat(violations).as(kind).anySatisfy(violation -> {
            assertThat(violation.resource()).isEqualTo("probe.bpmn");
            assertThat(violation.element()).isEqualTo(element);
            assertThat(violation.rule()).isEqualTo(rule);
            assertThat(violation.detail()).isNotBlank();
        });
    }

    @Test
    void shouldPassProcessThatReadsVariablesAndNamesApplicationBeans() {
        String model = process("""
                <bpmn:startEvent id="StartEvent_Probe"/>
                <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Probe" targetRef="Task_Register"/>
                <bpmn:serviceTask id="Task_Register" camunda:asyncBefore="true" camunda:delegateExpression="${registerThreat}">
                  <bpmn:extensionElements>
                    <camunda:failedJobRetryTimeCycle>${jobRetry.cycle}</camunda:failedJobRetryTimeCycle>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="mode">${'CONTAINMENT'}</camunda:inputParameter>
                      <camunda:outputParameter name="due">${containDue != null ? containDue : resolveDue}</camunda:outputParameter>
                      <camunda:outputParameter name="list"><camunda:list><camunda:value>${threat.asset}</camunda:value>
                        <camunda:value>${items[0]}</camunda:value><camunda:value>${m['k']}</camunda:value></camunda:list>
                      </camunda:outputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_Register" targetRef="Task_Decide"/>
                <bpmn:businessRuleTask id="Task_Decide" camunda:decisionRef="threat-severity" camunda:resultVariable="severity">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:outputParameter name="a">${decisionResult.getSingleResult().getEntry('a')}</camunda:outputParameter>
                    <camunda:outputParameter name="b">${decisionResult.getSingleResult().get('b')}</camunda:outputParameter>
                    <camunda:outputParameter name="c">${execution.getVariable('resolveDue')}</camunda:outputParameter>
                    <camunda:outputParameter name="d">#{execution.processBusinessKey}</camunda:outputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                </bpmn:businessRuleTask>
                <bpmn:sequenceFlow id="SequenceFlow_3" sourceRef="Task_Decide" targetRef="Task_Triage"/>
                <bpmn:userTask id="Task_Triage" name="Triage" camunda:candidateGroups="analysts"
                    camunda:dueDate="${triageDue}" camunda:formRef="triage-threat" camunda:formRefBinding="deployment">
                  <bpmn:documentation>Triage within the due time; the form says how.</bpmn:documentation>
                  <bpmn:extensionElements>
                    <camunda:taskListener event="complete" delegateExpression="${recordTriage}"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="SequenceFlow_4" sourceRef="Task_Triage" targetRef="Gateway_Severe"/>
                <bpmn:exclusiveGateway id="Gateway_Severe" default="SequenceFlow_No"/>
                <bpmn:sequenceFlow id="SequenceFlow_Yes" sourceRef="Gateway_Severe" targetRef="EndEvent_Done">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${severity == 'CRITICAL' &amp;&amp; !empty authenticatedUserId}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="SequenceFlow_No" sourceRef="Gateway_Severe" targetRef="EndEvent_Done"/>
                <bpmn:endEvent id="EndEvent_Done"/>""");

        assertThat(policy.violations("probe.bpmn", bytes(model))).isEmpty();
    }

    @Test
    void shouldRefuseTheIssuesTimerStartModel_withEveryViolation() {
        String model = process("""
                <bpmn:startEvent id="StartEvent_Every"><bpmn:timerEventDefinition id="TimerEventDefinition_Every">
                  <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R1/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Every" targetRef="Task_Exec"/>
                <bpmn:serviceTask id="Task_Exec" camunda:expression='%s'/>
                <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_Exec" targetRef="Task_Promote"/>
                <bpmn:serviceTask id="Task_Promote" camunda:expression="%s"/>""".formatted(RCE, ADMIN));

        List<PolicyViolation> violations = policy.violations("issue.bpmn", bytes(model));

        assertThat(violations).extracting(PolicyViolation::element, PolicyViolation::rule).contains(
                tuple("Task_Exec", ExpressionRules.NO_METHOD_CALLS),
                tuple("Task_Promote", ExpressionRules.NO_METHOD_CALLS),
                tuple("Task_Promote", ExpressionRules.NO_BEANS));
        assertThat(violations).extracting(PolicyViolation::element).doesNotContain("StartEvent_Every");
    }

    static Stream<Arguments> hostileDecisions() {
        return Stream.of(
                Arguments.of("javascript input", decision("""
                        <inputExpression id="InputExpression_Probe" typeRef="string" expressionLanguage="javascript">
                          <text>java.lang.Runtime.getRuntime().exec('touch /tmp/x')</text></inputExpression>""",
                        "<outputEntry id=\"OutputEntry_Probe\"><text>\"x\"</text></outputEntry>"),
                        "InputExpression_Probe", ModelPolicy.FEEL_DECISIONS),
                Arguments.of("groovy output", decision("""
                        <inputExpression id="InputExpression_Probe" typeRef="string"><text>severity</text></inputExpression>""",
                        "<outputEntry id=\"OutputEntry_Probe\" expressionLanguage=\"groovy\"><text>'x'</text></outputEntry>"),
                        "OutputEntry_Probe", ModelPolicy.FEEL_DECISIONS),
                Arguments.of("JUEL input", decision("""
                        <inputExpression id="InputExpression_Probe" typeRef="string" expressionLanguage="juel">
                          <text>%s</text></inputExpression>""".formatted(ADMIN),
                        "<outputEntry id=\"OutputEntry_Probe\"><text>\"x\"</text></outputEntry>"),
                        "InputExpression_Probe", ExpressionRules.NO_BEANS),
                Arguments.of("JUEL without ${}", decision("""
                        <inputExpression id="InputExpression_Probe" typeRef="string" expressionLanguage="juel">
                          <text>identityService.createUser('mallory')</text></inputExpression>""",
                        "<outputEntry id=\"OutputEntry_Probe\"><text>\"x\"</text></outputEntry>"),
                        "InputExpression_Probe", ExpressionRules.NO_METHOD_CALLS),
                Arguments.of("language for the whole model", decision("""
                        <inputExpression id="InputExpression_Probe" typeRef="string"><text>severity</text></inputExpression>""",
                        "<outputEntry id=\"OutputEntry_Probe\"><text>\"x\"</text></outputEntry>")
                        .replace("name=\"Probe\"", "name=\"Probe\" expressionLanguage=\"python\""),
                        "InputExpression_Probe", ModelPolicy.FEEL_DECISIONS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDecisions")
    void shouldRefuseHostileDecision_namingElementAndRule(String kind, String model, String element, String rule) {
        assertThat(policy.violations("probe.dmn", bytes(model))).as(kind).anySatisfy(violation -> {
            assertThat(violation.element()).isEqualTo(element);
            assertThat(violation.rule()).isEqualTo(rule);
        });
    }

    @Test
    void shouldPassFeelDecision() {
        String model = decision("""
                <inputExpression id="InputExpression_Probe" typeRef="string" expressionLanguage="feel"><text>severity</text></inputExpression>""",
                "<outputEntry id=\"OutputEntry_Probe\"><text>if severity = \"HIGH\" then \"a\" else \"b\"</text></outputEntry>");
        assertThat(policy.violations("probe.dmn", bytes(model))).isEmpty();
    }

    @Test
    void shouldRefuseDoctypeAndMalformedXml_withoutReadingEntities() {
        String doctype = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">&e;</definitions>""";

        assertThat(policy.violations("doctype.bpmn", bytes(doctype))).singleElement().satisfies(violation -> {
            assertThat(violation.element()).isEqualTo("doctype.bpmn");
            assertThat(violation.rule()).isEqualTo(ModelPolicy.WELL_FORMED);
            assertThat(violation.detail()).doesNotContain("passwd", "apache");
        });
        assertThat(policy.violations("broken.dmn", bytes("<definitions"))).extracting(PolicyViolation::rule)
                .containsExactly(ModelPolicy.WELL_FORMED);
    }

    @Test
    void shouldRefuseCmmn_andPassFormsAndOtherResources() {
        assertThat(policy.violations("case.cmmn", bytes("<definitions/>"))).extracting(PolicyViolation::rule)
                .containsExactly(ModelPolicy.NO_CMMN);
        assertThat(policy.violations("case.CMMN11.xml", bytes("<definitions/>"))).extracting(PolicyViolation::rule)
                .containsExactly(ModelPolicy.NO_CMMN);
        assertThat(policy.violations("triage.form", bytes("{\"components\":[{\"key\":\"x\",\"label\":\"=x\"}]}")))
                .isEmpty();
        assertThat(policy.violations("diagram.png", new byte[] {1, 2, 3})).isEmpty();
    }

    @Test
    void shouldThrowOneRefusalForEveryViolationOfADeployment() {
        Map<String, byte[]> deployment = Map.of(
                "a.bpmn", bytes(process("<bpmn:serviceTask id=\"Task_A\" camunda:class=\"x.Y\"/>")),
                "b.cmmn", bytes("<definitions/>"),
                "c.form", bytes("{}"));

        assertThatThrownBy(() -> policy.check(deployment)).isInstanceOfSatisfying(DeploymentRefusedException.class,
                refused -> {
                    assertThat(refused.violations()).extracting(PolicyViolation::resource)
                            .containsExactlyInAnyOrder("a.bpmn", "b.cmmn");
                    assertThat(refused.getMessage()).contains("a.bpmn, Task_A: " + ModelPolicy.NO_CLASSES, "b.cmmn");
                });
        policy.check(Map.of("c.form", bytes("{}")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
