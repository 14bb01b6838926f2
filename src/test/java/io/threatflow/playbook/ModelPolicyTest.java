package io.threatflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
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

    /** A process around {@code body}, which may refer to Task_Start's outgoing flow target Task_End. */
    static String process(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:activiti="http://activiti.org/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Probe" targetNamespace="https://threatflow.io/probe">
                  <bpmn:process id="Process_Probe" isExecutable="true" camunda:historyTimeToLive="1">
                    %s
                  </bpmn:process>
                </bpmn:definitions>""".formatted(body);
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

    static Stream<Arguments> hostileProcesses() {
        return Stream.of(
                Arguments.of("script task", """
                        <bpmn:scriptTask id="Task_Script" scriptFormat="groovy">
                          <bpmn:script>'touch /tmp/x'.execute()</bpmn:script></bpmn:scriptTask>""",
                        "Task_Script", ModelPolicy.NO_SCRIPTS),
                Arguments.of("script listener", """
                        <bpmn:userTask id="Task_Listened"><bpmn:extensionElements>
                          <camunda:taskListener event="create"><camunda:script scriptFormat="javascript">
                            java.lang.Runtime.getRuntime().exec('touch /tmp/x')</camunda:script></camunda:taskListener>
                        </bpmn:extensionElements></bpmn:userTask>""", "Task_Listened", ModelPolicy.NO_SCRIPTS),
                Arguments.of("script condition", """
                        <bpmn:exclusiveGateway id="Gateway_Probe"/>
                        <bpmn:endEvent id="EndEvent_Probe"/>
                        <bpmn:sequenceFlow id="SequenceFlow_Scripted" sourceRef="Gateway_Probe" targetRef="EndEvent_Probe">
                          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
                        </bpmn:sequenceFlow>""", "SequenceFlow_Scripted", ModelPolicy.NO_SCRIPTS),
                Arguments.of("script from a resource", """
                        <bpmn:serviceTask id="Task_Resource" camunda:expression="${x}"><bpmn:extensionElements>
                          <camunda:inputOutput><camunda:inputParameter name="a">
                            <camunda:script scriptFormat="groovy" resource="deployment://evil.groovy"/>
                          </camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>""",
                        "Task_Resource", ModelPolicy.NO_SCRIPTS),
                Arguments.of("camunda:class", """
                        <bpmn:serviceTask id="Task_Class" camunda:class="java.lang.Runtime"/>""",
                        "Task_Class", ModelPolicy.NO_CLASSES),
                Arguments.of("listener class", """
                        <bpmn:startEvent id="StartEvent_Probe"><bpmn:extensionElements>
                          <camunda:executionListener event="start" class="io.threatflow.Anything"/>
                        </bpmn:extensionElements></bpmn:startEvent>""", "StartEvent_Probe", ModelPolicy.NO_CLASSES),
                Arguments.of("activiti:class", """
                        <bpmn:serviceTask id="Task_Legacy" activiti:class="java.lang.Runtime"/>""",
                        "Task_Legacy", ModelPolicy.NO_CLASSES),
                Arguments.of("variable mapping class", """
                        <bpmn:callActivity id="CallActivity_Mapped" calledElement="threat-mitigation"
                            camunda:variableMappingClass="java.lang.Object"/>""",
                        "CallActivity_Mapped", ModelPolicy.NO_CLASSES),
                Arguments.of("JUEL reflection in a service task", """
                        <bpmn:serviceTask id="Task_Reflection" camunda:expression='%s'/>""".formatted(RCE),
                        "Task_Reflection", ExpressionRules.NO_METHOD_CALLS),
                Arguments.of("engine service method", """
                        <bpmn:serviceTask id="Task_Promote" camunda:expression="%s"/>""".formatted(ADMIN),
                        "Task_Promote", ExpressionRules.NO_BEANS),
                Arguments.of("bean as delegate", """
                        <bpmn:serviceTask id="Task_Bean" camunda:delegateExpression="${identityService}"/>""",
                        "Task_Bean", ModelPolicy.NAMED_DELEGATES),
                Arguments.of("a delegate outside the application", """
                        <bpmn:serviceTask id="Task_Foreign" camunda:delegateExpression="${foreignDelegate}"/>""",
                        "Task_Foreign", ModelPolicy.NAMED_DELEGATES),
                Arguments.of("delegate from a variable", """
                        <bpmn:serviceTask id="Task_Variable" camunda:delegateExpression="${chosenDelegate}"/>""",
                        "Task_Variable", ModelPolicy.NAMED_DELEGATES),
                Arguments.of("timer cycle", """
                        <bpmn:startEvent id="StartEvent_Timer"><bpmn:timerEventDefinition id="TimerEventDefinition_Probe">
                          <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">%s</bpmn:timeCycle>
                        </bpmn:timerEventDefinition></bpmn:startEvent>""".formatted(RCE.replace("\"", "&quot;")),
                        "TimerEventDefinition_Probe", ExpressionRules.NO_METHOD_CALLS),
                Arguments.of("timer date", """
                        <bpmn:intermediateCatchEvent id="Event_Wait"><bpmn:timerEventDefinition>
                          <bpmn:timeDate>${runtimeService}</bpmn:timeDate></bpmn:timerEventDefinition>
                        </bpmn:intermediateCatchEvent>""", "Event_Wait", ExpressionRules.NO_BEANS),
                Arguments.of("condition", """
                        <bpmn:exclusiveGateway id="Gateway_Probe"/>
                        <bpmn:endEvent id="EndEvent_Probe"/>
                        <bpmn:sequenceFlow id="SequenceFlow_Condition" sourceRef="Gateway_Probe" targetRef="EndEvent_Probe">
                          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>
                        </bpmn:sequenceFlow>""".formatted(ADMIN), "SequenceFlow_Condition", ExpressionRules.NO_BEANS),
                Arguments.of("expression listener", """
                        <bpmn:endEvent id="EndEvent_Listened"><bpmn:extensionElements>
                          <camunda:executionListener event="end" expression="${execution.setVariable('approvalDecision','APPROVED')}"/>
                        </bpmn:extensionElements></bpmn:endEvent>""", "EndEvent_Listened",
                        ExpressionRules.NO_METHOD_CALLS),
                Arguments.of("input mapping", """
                        <bpmn:task id="Task_Mapped"><bpmn:extensionElements><camunda:inputOutput>
                          <camunda:inputParameter name="engine">${processEngine}</camunda:inputParameter>
                        </camunda:inputOutput></bpmn:extensionElements></bpmn:task>""", "Task_Mapped",
                        ExpressionRules.NO_BEANS),
                Arguments.of("nested list and map", """
                        <bpmn:task id="Task_Nested"><bpmn:extensionElements><camunda:inputOutput>
                          <camunda:outputParameter name="out"><camunda:list><camunda:map>
                            <camunda:entry key="k">${threat.class.classLoader}</camunda:entry>
                          </camunda:map></camunda:list></camunda:outputParameter>
                        </camunda:inputOutput></bpmn:extensionElements></bpmn:task>""", "Task_Nested",
                        ExpressionRules.NO_REFLECTION),
                Arguments.of("called element", """
                        <bpmn:callActivity id="CallActivity_Probe" calledElement="${runtimeService.toString()}"/>""",
                        "CallActivity_Probe", ExpressionRules.NO_METHOD_CALLS),
                Arguments.of("decision reference", """
                        <bpmn:businessRuleTask id="Task_Decide" camunda:decisionRef="${S('x').toString()}"/>""",
                        "Task_Decide", ExpressionRules.NO_FUNCTIONS),
                Arguments.of("candidate groups", """
                        <bpmn:userTask id="Task_Groups"
                            camunda:candidateGroups="${execution.processEngineServices.identityService}"/>""",
                        "Task_Groups", ExpressionRules.ENGINE_OBJECTS),
                Arguments.of("assignee", """
                        <bpmn:userTask id="Task_Assigned" camunda:assignee="#{task.delete()}"/>""",
                        "Task_Assigned", ExpressionRules.NO_METHOD_CALLS),
                Arguments.of("due date", """
                        <bpmn:userTask id="Task_Due" camunda:dueDate="${jobRetry.class}"/>""",
                        "Task_Due", ExpressionRules.NO_REFLECTION),
                Arguments.of("helper property other than documented", """
                        <bpmn:userTask id="Task_Helper" camunda:dueDate="${jobRetry.secret}"/>""",
                        "Task_Helper", ExpressionRules.NO_BEANS),
                Arguments.of("property of a delegate bean", """
                        <bpmn:userTask id="Task_Reach" camunda:followUpDate="${registerThreat.threats}"/>""",
                        "Task_Reach", ExpressionRules.NO_BEANS),
                Arguments.of("computed bracket", """
                        <bpmn:userTask id="Task_Bracket" name="${threat[key]}"/>""",
                        "Task_Bracket", ExpressionRules.LITERAL_KEYS),
                Arguments.of("reflection by bracket", """
                        <bpmn:userTask id="Task_BracketClass" name="${threat['class']}"/>""",
                        "Task_BracketClass", ExpressionRules.NO_REFLECTION),
                Arguments.of("result variable", """
                        <bpmn:businessRuleTask id="Task_Result" camunda:decisionRef="d" camunda:resultVariable="${threatService}"/>""",
                        "Task_Result", ExpressionRules.NO_BEANS),
                Arguments.of("field injection", """
                        <bpmn:serviceTask id="Task_Field" camunda:delegateExpression="${registerThreat}"><bpmn:extensionElements>
                          <camunda:field name="f"><camunda:expression>${''.getClass()}</camunda:expression></camunda:field>
                        </bpmn:extensionElements></bpmn:serviceTask>""", "Task_Field", ExpressionRules.NO_METHOD_CALLS),
                Arguments.of("async flag", """
                        <bpmn:task id="Task_Async" camunda:asyncBefore="${identityService}"/>""",
                        "Task_Async", ExpressionRules.NO_BEANS),
                Arguments.of("message name", """
                        <bpmn:message id="Message_Probe" name="${processEngine.name}"/>""",
                        "Message_Probe", ExpressionRules.NO_BEANS),
                Arguments.of("multi-instance collection", """
                        <bpmn:task id="Task_Many"><bpmn:multiInstanceLoopCharacteristics camunda:collection="${runtimeService}">
                          <bpmn:completionCondition>${nrOfInstances.getClass()}</bpmn:completionCondition>
                        </bpmn:multiInstanceLoopCharacteristics></bpmn:task>""", "Task_Many", ExpressionRules.NO_BEANS),
                Arguments.of("functions", """
                        <bpmn:userTask id="Task_Function" camunda:assignee="${currentUser()}"/>""",
                        "Task_Function", ExpressionRules.NO_FUNCTIONS),
                Arguments.of("connector", """
                        <bpmn:serviceTask id="Task_Connector"><bpmn:extensionElements><camunda:connector>
                          <camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
                        </bpmn:extensionElements></bpmn:serviceTask>""", "Task_Connector", ModelPolicy.NO_CONNECTORS),
                Arguments.of("embedded form", """
                        <bpmn:userTask id="Task_Html" camunda:formKey="embedded:deployment:steal.html"/>""",
                        "Task_Html", ModelPolicy.CAMUNDA_FORMS),
                Arguments.of("form field validator", """
                        <bpmn:userTask id="Task_Validated"><bpmn:extensionElements><camunda:formData>
                          <camunda:formField id="f" type="string"><camunda:validation>
                            <camunda:constraint name="validator" config="java.lang.Object"/>
                          </camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements>
                        </bpmn:userTask>""", "Task_Validated", ModelPolicy.NO_VALIDATORS),
                Arguments.of("form field default", """
                        <bpmn:userTask id="Task_Default"><bpmn:extensionElements><camunda:formData>
                          <camunda:formField id="f" type="string" defaultValue="${runtimeService}"/>
                        </camunda:formData></bpmn:extensionElements></bpmn:userTask>""", "Task_Default",
                        ExpressionRules.NO_BEANS),
                Arguments.of("invalid expression", """
                        <bpmn:userTask id="Task_Broken" camunda:assignee="${a b}"/>""",
                        "Task_Broken", ExpressionRules.VALID),
                Arguments.of("expression split by CDATA", """
                        <bpmn:intermediateCatchEvent id="Event_Split"><bpmn:timerEventDefinition>
                          <bpmn:timeDuration>$<![CDATA[{runtimeService}]]></bpmn:timeDuration></bpmn:timerEventDefinition>
                        </bpmn:intermediateCatchEvent>""", "Event_Split", ExpressionRules.NO_BEANS),
                Arguments.of("expression split by a comment", """
                        <bpmn:userTask id="Task_Commented"><bpmn:extensionElements><camunda:inputOutput>
                          <camunda:inputParameter name="a">$<!-- -->{processEngine}</camunda:inputParameter>
                        </camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>""", "Task_Commented",
                        ExpressionRules.NO_BEANS),
                Arguments.of("expression split by an element", """
                        <bpmn:exclusiveGateway id="Gateway_Probe"/>
                        <bpmn:endEvent id="EndEvent_Probe"/>
                        <bpmn:sequenceFlow id="SequenceFlow_Split" sourceRef="Gateway_Probe" targetRef="EndEvent_Probe">
                          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">$<camunda:x>{identityService}</camunda:x></bpmn:conditionExpression>
                        </bpmn:sequenceFlow>""", "SequenceFlow_Split", ExpressionRules.NO_BEANS),
                Arguments.of("form handler class", """
                        <bpmn:startEvent id="StartEvent_Handled" camunda:formHandlerClass="java.lang.Object"/>""",
                        "StartEvent_Handled", ModelPolicy.NO_CLASSES),
                Arguments.of("shell task", """
                        <bpmn:serviceTask id="Task_Shell" camunda:type="shell"><bpmn:extensionElements>
                          <camunda:field name="command"><camunda:string>touch</camunda:string></camunda:field>
                        </bpmn:extensionElements></bpmn:serviceTask>""", "Task_Shell", ModelPolicy.NO_SHELL_OR_MAIL),
                Arguments.of("mail task", """
                        <bpmn:sendTask id="Task_Mail" camunda:type="mail"/>""", "Task_Mail", ModelPolicy.NO_SHELL_OR_MAIL),
                Arguments.of("import", """
                        <bpmn:task id="Task_Plain"/>""".replace("<bpmn:task", "</bpmn:process><bpmn:import "
                        + "importType=\"http://schemas.xmlsoap.org/wsdl/\" location=\"http://127.0.0.1/x.wsdl\" "
                        + "namespace=\"n\"/><bpmn:process id=\"Process_Second\"><bpmn:task"),
                        "Definitions_Probe", ModelPolicy.NO_IMPORTS),
                Arguments.of("string literal property", """
                        <bpmn:userTask id="Task_Literal" camunda:assignee="${''.class}"/>""",
                        "Task_Literal", ExpressionRules.NO_REFLECTION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileProcesses")
    void shouldRefuseHostileProcess_namingElementAndRule(String kind, String body, String element, String rule) {
        List<PolicyViolation> violations = policy.violations("probe.bpmn", bytes(process(body)));

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
                  <bpmn:documentation>Never ${identityService} here: people read this.</bpmn:documentation>
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
