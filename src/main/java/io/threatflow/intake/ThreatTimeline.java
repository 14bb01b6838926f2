package io.threatflow.intake;

import io.threatflow.action.ActionRecord;
import io.threatflow.action.ActionService;
import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.remediation.RemediationProcess;
import io.threatflow.remediation.RemediationSteps;
import io.threatflow.threat.Sighting;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * Everything that happened to a threat, in order: the report, every step and task of its cases (from the
 * engine's history), every action (from the action log) and every further sighting, each with its actor.
 */
@Component
public class ThreatTimeline {

    static final String AUTOMATION = "threatflow";
    private static final Set<String> SHOWN_TYPES = Set.of("startEvent", "endEvent", "noneEndEvent", "userTask",
            "serviceTask", "businessRuleTask", "callActivity", "boundaryError", "messageStartEvent", "errorEndEvent");

    /** @param kind REPORTED, STEP, TASK, ACTION or SIGHTING */
    public record Entry(Instant at, String kind, String step, String name, String element, String actor, String detail) {
    }

    private final ThreatService threats;
    private final ActionService actions;
    private final HistoryService history;

    ThreatTimeline(ThreatService threats, ActionService actions, HistoryService history) {
        this.threats = threats;
        this.actions = actions;
        this.history = history;
    }

    public List<Entry> of(String threatId) {
        Threat threat = threats.get(threatId);
        List<HistoricProcessInstance> cases = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(threatId).list();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(threat.reportedAt(), "REPORTED", "IDENTIFY", "Threat reported", null,
                reporter(threat, cases), threat.source() == null ? null : "source " + threat.source()
                + (threat.sourceRef() == null ? "" : ", reference " + threat.sourceRef())));
        cases.forEach(instance -> entries.addAll(steps(instance)));
        actions.history(threatId).forEach(action -> entries.add(action(action)));
        threats.sightings(threatId).forEach(sighting -> entries.add(sighting(sighting)));
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    private String reporter(Threat threat, List<HistoricProcessInstance> cases) {
        return cases.stream().filter(c -> RemediationProcess.KEY.equals(c.getProcessDefinitionKey()))
                .map(HistoricProcessInstance::getStartUserId).filter(user -> user != null).findFirst()
                .orElse(threat.source());
    }

    private List<Entry> steps(HistoricProcessInstance instance) {
        boolean mitigation = MitigationProcess.KEY.equals(instance.getProcessDefinitionKey());
        Map<String, String> completedBy = new HashMap<>();
        history.createUserOperationLogQuery().processInstanceId(instance.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
                .forEach(entry -> completedBy.put(entry.getTaskId(), entry.getUserId()));
        String mode = mitigation ? history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(MitigationProcess.MITIGATION_MODE.name()).list().stream()
                .map(HistoricVariableInstance::getValue).map(String::valueOf).findFirst().orElse("") : "";

        List<Entry> entries = new ArrayList<>();
        // in the order they happened, also within one millisecond (the sort below is stable)
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            if (!SHOWN_TYPES.contains(activity.getActivityType()) || activity.getActivityName() == null) {
                continue;
            }
            boolean task = "userTask".equals(activity.getActivityType());
            String actor = task ? completedBy.getOrDefault(activity.getTaskId(), activity.getAssignee()) : AUTOMATION;
            String step = mitigation ? ("CONTAINMENT".equals(mode) ? "RESPOND" : RemediationSteps.MITIGATION)
                    : RemediationSteps.of(activity.getActivityId()).orElse(null);
            String state = activity.getEndTime() == null ? "open" : activity.isCanceled() ? "cancelled" : "done";
            entries.add(new Entry(activity.getStartTime().toInstant(), task ? "TASK" : "STEP", step, activity.getActivityName(),
                    activity.getActivityId(), task && activity.getEndTime() == null ? null : actor,
                    (mitigation ? "threat-mitigation (" + mode + "), " : "") + state
                            + (activity.getEndTime() == null ? "" : " at " + activity.getEndTime().toInstant())));
        }
        return entries;
    }

    private static Entry action(ActionRecord action) {
        return new Entry(action.performedAt(), "ACTION", null, action.action() + " (" + action.purpose() + ")", null,
                AUTOMATION, action.status() + " on " + action.target() + ": " + action.detail());
    }

    private static Entry sighting(Sighting sighting) {
        return new Entry(sighting.seenAt(), "SIGHTING", null, "Threat reported again", null, sighting.reportedBy(),
                "source " + (sighting.source() == null ? "not given" : sighting.source()) + (sighting.sourceRef() == null ? "" : ", reference " + sighting.sourceRef())
                        + (sighting.reportedSeverity() == null ? "" : ", rated " + sighting.reportedSeverity())
                        + (sighting.severityRaised() ? ", severity raised" : ""));
    }
}
