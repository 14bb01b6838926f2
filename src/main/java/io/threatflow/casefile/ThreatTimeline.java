package io.threatflow.casefile;

import io.threatflow.action.ActionRecord;
import io.threatflow.action.ActionService;
import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.notification.Channel;
import io.threatflow.notification.NotificationOutbox;
import io.threatflow.notification.OutboxEntry;
import io.threatflow.remediation.RemediationProcess;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.remediation.Step;
import io.threatflow.threat.CaseDeletion;
import io.threatflow.threat.CaseDeletions;
import io.threatflow.threat.Sighting;
import io.threatflow.threat.AttackTechnique;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Everything that happened to a threat, in order: the report, every step and task of its cases (from the
 * engine's history), every action (from the action log), every notification with how its delivery went (from
 * the notification outbox; empty when no route is configured) and every further sighting, each with its actor.
 * A dry run says so at its report and at each end of its cases, and each of its actions shows the request that
 * would have been sent.
 */
@Component
public class ThreatTimeline {

    static final String AUTOMATION = "threatflow";
    private static final Set<String> SHOWN_TYPES = Set.of("startEvent", "endEvent", "noneEndEvent", "userTask",
            "serviceTask", "businessRuleTask", "callActivity", "boundaryError", "messageStartEvent", "errorEndEvent");
    private static final Set<String> END_TYPES = Set.of("endEvent", "noneEndEvent", "errorEndEvent");
    private static final String DRY_RUN = "dry run: nothing was changed";

    /** @param kind REPORTED, STEP, TASK, ACTION, NOTIFICATION, SIGHTING or DELETED */
    public record Entry(Instant at, String kind, String step, String name, String element, String actor, String detail) {
    }

    private final ThreatService threats;
    private final ActionService actions;
    private final RemediationCases cases;
    private final NotificationOutbox notifications;
    private final CaseDeletions deletions;

    ThreatTimeline(ThreatService threats, ActionService actions, RemediationCases cases,
                   NotificationOutbox notifications, CaseDeletions deletions) {
        this.threats = threats;
        this.actions = actions;
        this.cases = cases;
        this.notifications = notifications;
        this.deletions = deletions;
    }

    public List<Entry> of(String threatId) {
        Threat threat = threats.get(threatId);
        List<RemediationCases.CaseHistory> history = cases.history(threatId, List.of(MitigationProcess.MITIGATION_MODE));
        List<Entry> entries = new ArrayList<>();
        String source = threat.source() == null ? null : "source " + threat.source()
                + (threat.sourceRef() == null ? "" : ", reference " + threat.sourceRef());
        var attacks = threats.evidence(threatId).attacks();
        if (!attacks.isEmpty()) {
            String attack = "ATT&CK " + attacks.stream().map(AttackTechnique::describe)
                    .collect(java.util.stream.Collectors.joining("; "));
            source = source == null ? attack : source + "; " + attack;
        }
        entries.add(new Entry(threat.reportedAt(), "REPORTED", Step.IDENTIFY.name(),
                threat.dryRun() ? "Threat reported as a dry run" : "Threat reported", null, reporter(threat, history),
                threat.dryRun() ? "dry run: ThreatFlow records what it would do and changes nothing"
                        + (source == null ? "" : "; " + source) : source));
        history.forEach(instance -> entries.addAll(steps(instance, threat.dryRun())));
        actions.history(threatId).forEach(action -> entries.add(action(action)));
        notifications.forThreat(threatId).forEach(notification -> entries.add(notification(notification)));
        threats.sightings(threatId).forEach(sighting -> entries.add(sighting(sighting)));
        deletions.forThreat(threatId).forEach(deletion -> entries.add(deletion(deletion)));
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    private static String reporter(Threat threat, List<RemediationCases.CaseHistory> history) {
        return history.stream().filter(c -> RemediationProcess.KEY.equals(c.processDefinitionKey()))
                .map(RemediationCases.CaseHistory::startUserId).filter(Objects::nonNull).findFirst()
                .orElse(threat.source());
    }

    private static List<Entry> steps(RemediationCases.CaseHistory instance, boolean dryRun) {
        boolean mitigation = MitigationProcess.KEY.equals(instance.processDefinitionKey());
        String mode = mitigation ? String.valueOf(instance.variables().getOrDefault(
                MitigationProcess.MITIGATION_MODE.name(), "")) : "";
        List<Entry> entries = new ArrayList<>();
        for (RemediationCases.Activity activity : instance.activities()) {
            if (!SHOWN_TYPES.contains(activity.type()) || activity.name() == null) {
                continue;
            }
            boolean task = "userTask".equals(activity.type());
            boolean open = activity.endedAt() == null;
            String actor = task ? activity.actor() : AUTOMATION;
            String step = mitigation ? ("CONTAINMENT".equals(mode) ? Step.RESPOND.name() : Step.MITIGATION.name())
                    : Step.of(activity.elementId()).map(Enum::name).orElse(null);
            String state = open ? "open" : activity.canceled() ? "cancelled" : "done";
            entries.add(new Entry(activity.startedAt(), task ? "TASK" : "STEP", step, activity.name(),
                    activity.elementId(), task && open ? null : actor,
                    (mitigation ? "threat-mitigation (" + mode + "), " : "") + state
                            + (open ? "" : " at " + activity.endedAt())
                            + (dryRun && END_TYPES.contains(activity.type()) ? "; " + DRY_RUN : "")));
        }
        return entries;
    }

    private static Entry action(ActionRecord action) {
        return new Entry(action.performedAt(), "ACTION", null, action.action() + " (" + action.purpose() + ")", null,
                AUTOMATION, action.status() + " on " + action.target() + ": " + action.detail()
                        + (action.request() == null ? "" : "; the request that would have been sent:\n"
                        + action.request()));
    }

    /** When the case sent it, and what became of it: delivered, waiting for another attempt, or given up. */
    static Entry notification(OutboxEntry notification) {
        String to = notification.channel() == Channel.EMAIL ? notification.recipient()
                : "route " + notification.recipient();
        String outcome = switch (notification.status()) {
            case SENT -> "SENT at " + notification.sentAt();
            case PENDING -> notification.attempts() == 0 ? "PENDING"
                    : "PENDING, attempt " + notification.attempts() + " failed, next at " + notification.nextAttemptAt()
                    + ": " + notification.lastError();
            case FAILED -> "FAILED after " + notification.attempts() + " attempt(s): " + notification.lastError();
        };
        return new Entry(notification.createdAt(), "NOTIFICATION", null,
                "Notification by " + notification.channel() + " to " + to, null, AUTOMATION,
                outcome + "; " + notification.subject());
    }

    private static Entry sighting(Sighting sighting) {
        return new Entry(sighting.seenAt(), "SIGHTING", null, "Threat reported again", null, sighting.reportedBy(),
                "source " + (sighting.source() == null ? "not given" : sighting.source()) + (sighting.sourceRef() == null ? "" : ", reference " + sighting.sourceRef())
                        + (sighting.reportedSeverity() == null ? "" : ", rated " + sighting.reportedSeverity())
                        + (sighting.severityRaised() ? ", severity raised" : ""));
    }

    private static Entry deletion(CaseDeletion deletion) {
        return new Entry(deletion.deletedAt(), "DELETED", null, "Case deleted with its playbook version", null,
                deletion.deletedBy(), "case " + deletion.processInstanceId() + " of " + deletion.processKey() + " version "
                        + deletion.processVersion() + " was deleted with deployment " + deletion.deploymentId()
                        + " and its history; the threat is withdrawn unless it was closed before");
    }
}
