package io.threatflow.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;

/**
 * The KPIs and the step timers measure steps with the element-to-step mapping of {@link Step}; this proves that
 * the mapping says what the diagram shows: each task and event of threat-remediation counts for the step whose
 * group (Group_Identify ... Group_Validate, category values "1 Identify" ... "5 Validate") it is drawn in, wherever
 * it sits in the model: in the process, in the embedded subprocess 'Resolve threat' that holds the case after
 * triage, or in an event subprocess (these are drawn outside every group, so they count for none).
 */
class StepTest {

    @Test
    void shouldCountEveryTaskAndEventInTheStepOfTheGroupItIsDrawnIn() throws Exception {
        BpmnModelInstance model;
        try (InputStream bpmn = getClass().getClassLoader().getResourceAsStream("processes/threat-remediation.bpmn")) {
            model = Bpmn.readModelFromStream(bpmn);
        }
        Map<Bounds, Optional<Step>> groups = new HashMap<>();
        List<BpmnShape> shapes = List.copyOf(model.getModelElementsByType(BpmnShape.class));
        shapes.stream().filter(shape -> shape.getBpmnElement() instanceof Group).forEach(shape ->
                groups.put(shape.getBounds(), step(((Group) shape.getBpmnElement()).getCategory().getValue())));
        assertThat(groups.values()).as("the five steps and the mitigation path")
                .containsExactlyInAnyOrder(Optional.of(Step.IDENTIFY), Optional.of(Step.RESPOND),
                        Optional.of(Step.INVESTIGATE), Optional.of(Step.ERADICATE), Optional.of(Step.VALIDATE),
                        Optional.empty());

        int checked = 0;
        for (BpmnShape shape : shapes) {
            // an expanded subprocess's shape spans several groups; what is drawn inside it is checked element by
            // element. What a collapsed subprocess holds is drawn on a plane of its own and belongs to the step
            // the collapsed subprocess is drawn in.
            if (!(shape.getBpmnElement() instanceof FlowNode node) || node instanceof Gateway
                    || node instanceof SubProcess && shape.isExpanded()) {
                continue;
            }
            Bounds placed = ((BpmnPlane) shape.getParentElement()).getBpmnElement() instanceof SubProcess collapsed
                    ? shapes.stream().filter(other -> other.getBpmnElement() == collapsed).findFirst().orElseThrow()
                            .getBounds()
                    : shape.getBounds();
            Optional<Step> drawnIn = groups.entrySet().stream().filter(group -> contains(group.getKey(), placed))
                    .map(Map.Entry::getValue).findFirst().orElse(Optional.empty());
            assertThat(Step.of(node.getId()).filter(Step.FIVE::contains)).as(node.getId()).isEqualTo(drawnIn);
            checked++;
        }
        assertThat(checked).as("tasks and events of the model, in subprocesses too").isEqualTo(67);
        assertThat(Step.FIVE.stream().mapToInt(step -> step.elements().size()).sum())
                .as("elements in the five steps").isEqualTo(48);
        assertThat(Arrays.stream(Step.values()).flatMap(step -> step.elements().stream()))
                .as("every element a step names is in the model").allMatch(id -> model.getModelElementById(id) != null);
        assertThat(Step.IDENTIFY.elements()).containsExactlyInAnyOrder(
                RemediationProcess.BOUNDARY_TRIAGE_OVERDUE, RemediationProcess.END_FALSE_POSITIVE,
                RemediationProcess.END_OVERDUE_TRIAGE_ESCALATED, RemediationProcess.START_EVENT,
                RemediationProcess.TASK_ASSESS_SEVERITY, RemediationProcess.TASK_CLOSE_FALSE_POSITIVE,
                RemediationProcess.TASK_DETERMINE_SERVICE_LEVELS, RemediationProcess.TASK_ENRICH_THREAT,
                RemediationProcess.TASK_ESCALATE_OVERDUE_TRIAGE, RemediationProcess.TASK_REASSESS_SERVICE_LEVELS,
                RemediationProcess.TASK_REGISTER_THREAT, RemediationProcess.TASK_TRIAGE_THREAT);
        assertThat(Step.VALIDATE.elements())
                .as("the terminate end inside 'Resolve threat' and the outcome's end after it")
                .contains(RemediationProcess.END_THREAT_RESOLVED, RemediationProcess.END_THREAT_ELIMINATED);
        assertThat(Step.of(RemediationProcess.TASK_RECORD_SIGHTING)).as("a sighting belongs to no step").isEmpty();
        assertThat(Step.of(RemediationProcess.TASK_DECIDE_ON_OVERDUE_THREAT))
                .as("the manager's decision on an overdue case belongs to no step").isEmpty();
    }

    /** "1 Identify" is IDENTIFY; the mitigation path is none of the five. */
    private static Optional<Step> step(String categoryValue) {
        String name = categoryValue.replaceFirst("^\\d+\\s+", "").toUpperCase();
        return Step.FIVE.stream().filter(step -> step.name().equals(name)).findFirst();
    }

    private static boolean contains(Bounds group, Bounds element) {
        double x = element.getX() + element.getWidth() / 2;
        double y = element.getY() + element.getHeight() / 2;
        return x >= group.getX() && x <= group.getX() + group.getWidth()
                && y >= group.getY() && y <= group.getY() + group.getHeight();
    }
}
