package io.threatflow.casepage;

import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.casefile.ThreatTimeline;
import io.threatflow.engine.ProcessVariable;
import io.threatflow.inventory.Asset;
import io.threatflow.inventory.InventoryService;
import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.remediation.RemediationProcess;
import io.threatflow.sla.SlaRegister;
import io.threatflow.threat.Sighting;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatFilter;
import io.threatflow.threat.ThreatService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Puts a threat's case file together from the register, the SLA columns, the action log, the engine's history
 * (the decisions are the last values of the form variables, with who completed the task) and the open tasks.
 * Callers check who may read it.
 */
@Service
class CaseFiles {

    /** How many other threats on the same asset a case file lists, newest first. */
    static final int MAX_RELATED = 20;

    private static final List<ProcessVariable<?>> DECISION_VARIABLES = List.of(
            RemediationProcess.TRIAGE_OUTCOME, RemediationProcess.TRIAGE_NOTES, RemediationProcess.SEVERITY,
            RemediationProcess.REMEDIATION_ACTION, RemediationProcess.ELIMINABLE, RemediationProcess.ROOT_CAUSE,
            RemediationProcess.INVESTIGATED_BY, RemediationProcess.APPROVAL_DECISION,
            RemediationProcess.APPROVAL_COMMENT, RemediationProcess.APPROVED_BY, RemediationProcess.APPROVAL_REASON,
            RemediationProcess.OVERDUE_DECISION_TAKEN, RemediationProcess.OVERDUE_COMMENT,
            RemediationProcess.OVERDUE_DECIDED_BY, RemediationProcess.VALIDATION_VERDICT,
            RemediationProcess.VALIDATION_RESULT, RemediationProcess.VALIDATION_EVIDENCE,
            RemediationProcess.LESSONS_LEARNED, RemediationProcess.EVIDENCE, RemediationProcess.KEV_SUMMARY,
            RemediationProcess.ASSET_CRITICALITY, RemediationProcess.REPORTED_SEVERITY,
            MitigationProcess.MITIGATION_MODE, MitigationProcess.MEASURE, MitigationProcess.MEASURE_APPROVAL_DECISION,
            MitigationProcess.MEASURE_DECISION_COMMENT, MitigationProcess.MEASURE_DECIDED_BY,
            MitigationProcess.RISK_REVIEW_OUTCOME, MitigationProcess.REVIEW_COMMENT, MitigationProcess.REVIEWED_BY,
            MitigationProcess.RISK_REVIEW_DATE, MitigationProcess.MITIGATION_SUMMARY);

    private final ThreatService threats;
    private final InventoryService inventory;
    private final SlaRegister sla;
    private final ActionService actions;
    private final ThreatTimeline timeline;
    private final RemediationCases cases;
    private final Clock clock;

    CaseFiles(ThreatService threats, InventoryService inventory, SlaRegister sla, ActionService actions,
              ThreatTimeline timeline, RemediationCases cases, Clock clock) {
        this.threats = threats;
        this.inventory = inventory;
        this.sla = sla;
        this.actions = actions;
        this.timeline = timeline;
        this.cases = cases;
        this.clock = clock;
    }

    /** The case file of the threat; {@code ThreatNotFoundException} if there is none. */
    CaseFile of(String threatId) {
        Threat threat = threats.get(threatId);
        List<RemediationCases.CaseHistory> history = new ArrayList<>(cases.history(threatId, DECISION_VARIABLES));
        // the remediation case first, then its mitigations
        history.sort(Comparator.comparing(c -> !RemediationProcess.KEY.equals(c.processDefinitionKey())));
        List<ThreatTimeline.Entry> entries = timeline.of(threatId);
        String reporter = entries.isEmpty() ? threat.source() : entries.get(0).actor();
        Optional<Asset> asset = threat.assetId() == null ? Optional.empty() : inventory.find(threat.assetId());
        List<Sighting> sightings = threats.sightings(threatId);
        Map<String, Object> remediation = history.stream()
                .filter(c -> RemediationProcess.KEY.equals(c.processDefinitionKey())).findFirst()
                .map(RemediationCases.CaseHistory::variables).orElse(Map.of());
        List<Threat> related = threats.search(new ThreatFilter(null, null, null, threat.assetName(), null), 0,
                MAX_RELATED + 1).items().stream().filter(other -> !other.id().equals(threatId)).limit(MAX_RELATED)
                .toList();
        return new CaseFile(threat, asset, reporter, severityWhy(threat, reporter, asset, remediation, sightings),
                sla.dueTimes(threatId), sla.breaches(threatId), entries, actions.history(threatId),
                decisions(history), text(remediation.get(RemediationProcess.EVIDENCE.name())),
                text(remediation.get(RemediationProcess.VALIDATION_EVIDENCE.name())),
                text(remediation.get(RemediationProcess.LESSONS_LEARNED.name())), sightings, related,
                cases.openTasks(threatId),
                history.stream().map(RemediationCases.CaseHistory::processInstanceId).toList(), clock.instant());
    }

    private static List<String> severityWhy(Threat threat, String reporter, Optional<Asset> asset,
                                            Map<String, Object> variables, List<Sighting> sightings) {
        List<String> why = new ArrayList<>();
        why.add(threat.reportedSeverity() == null ? "The report gave no severity."
                : "Reported as " + Words.severity(threat.reportedSeverity()).toLowerCase(Locale.ROOT)
                + (reporter == null ? "" : " by " + reporter) + ".");
        asset.ifPresent(a -> why.add("The asset " + a.hostname() + " is of "
                + Words.criticality(a.criticality()).toLowerCase(Locale.ROOT) + " criticality"
                + (a.internetFacing() ? " and faces the internet" : "") + "."));
        if (threat.cve() != null) {
            why.add(threat.knownExploited()
                    ? threat.cve() + " is known to be exploited (CISA KEV)"
                    + (text(variables.get(RemediationProcess.KEV_SUMMARY.name())) == null ? "."
                    : ": " + text(variables.get(RemediationProcess.KEV_SUMMARY.name())))
                    : threat.cve() + " is not in the catalogue of known exploited vulnerabilities (CISA KEV).");
        }
        if (threat.severity() != null) {
            why.add("Assessed by ThreatFlow's severity rules from the threat's type, the asset and KEV, "
                    + "and confirmed or changed at triage: " + Words.severity(threat.severity()).toLowerCase(Locale.ROOT)
                    + ".");
        }
        sightings.stream().filter(Sighting::severityRaised).forEach(s -> why.add("Raised to "
                + Words.severity(s.reportedSeverity()).toLowerCase(Locale.ROOT) + " when "
                + (s.reportedBy() == null ? "a source" : s.reportedBy()) + " reported it again on "
                + Words.when(s.seenAt()) + "."));
        return why;
    }

    private static List<CaseFile.Decision> decisions(List<RemediationCases.CaseHistory> history) {
        List<CaseFile.Decision> decisions = new ArrayList<>();
        for (RemediationCases.CaseHistory instance : history) {
            Map<String, Object> v = instance.variables();
            if (RemediationProcess.KEY.equals(instance.processDefinitionKey())) {
                done(instance, RemediationProcess.TASK_TRIAGE_THREAT).ifPresent(task -> decisions.add(new CaseFile.Decision(
                        task.elementId(), "Triage", task.actor(), task.endedAt(),
                        "FALSE_POSITIVE".equals(text(v.get(RemediationProcess.TRIAGE_OUTCOME.name())))
                                ? "A false positive: close the case"
                                : "A real threat, severity " + code(v.get(RemediationProcess.SEVERITY.name())),
                        text(v.get(RemediationProcess.TRIAGE_NOTES.name())))));
                done(instance, RemediationProcess.TASK_INVESTIGATE_THREAT).ifPresent(task -> decisions.add(
                        new CaseFile.Decision(task.elementId(), "Investigation",
                                first(text(v.get(RemediationProcess.INVESTIGATED_BY.name())), task.actor()),
                                task.endedAt(), investigation(v), text(v.get(RemediationProcess.ROOT_CAUSE.name())))));
                done(instance, RemediationProcess.TASK_APPROVE_ERADICATION).ifPresent(task -> decisions.add(
                        new CaseFile.Decision(task.elementId(), "Approval of the eradication",
                                first(text(v.get(RemediationProcess.APPROVED_BY.name())), task.actor()), task.endedAt(),
                                "APPROVED".equals(text(v.get(RemediationProcess.APPROVAL_DECISION.name())))
                                        ? "Approved" : "Rejected",
                                text(v.get(RemediationProcess.APPROVAL_COMMENT.name())))));
                done(instance, RemediationProcess.TASK_DECIDE_ON_OVERDUE_THREAT).ifPresent(task -> decisions.add(
                        new CaseFile.Decision(task.elementId(), "Overdue case",
                                first(text(v.get(RemediationProcess.OVERDUE_DECIDED_BY.name())), task.actor()),
                                task.endedAt(), overdue(text(v.get(RemediationProcess.OVERDUE_DECISION_TAKEN.name()))),
                                text(v.get(RemediationProcess.OVERDUE_COMMENT.name())))));
                done(instance, RemediationProcess.TASK_CONFIRM_VALIDATION).ifPresent(task -> decisions.add(
                        new CaseFile.Decision(task.elementId(), "Validation", task.actor(), task.endedAt(),
                                first(text(v.get(RemediationProcess.VALIDATION_VERDICT.name())), "Confirmed"),
                                text(v.get(RemediationProcess.VALIDATION_RESULT.name())))));
                done(instance, RemediationProcess.TASK_CONFIRM_CLOSURE).ifPresent(task -> decisions.add(
                        new CaseFile.Decision(task.elementId(), "Closure", task.actor(), task.endedAt(),
                                "Closed", text(v.get(RemediationProcess.LESSONS_LEARNED.name())))));
            } else {
                done(instance, MitigationProcess.TASK_APPROVE_MEASURE).ifPresent(task -> decisions.add(
                        new CaseFile.Decision(task.elementId(), "Approval of a measure",
                                first(text(v.get(MitigationProcess.MEASURE_DECIDED_BY.name())), task.actor()),
                                task.endedAt(), measure(v), text(v.get(MitigationProcess.MEASURE_DECISION_COMMENT.name())))));
                done(instance, MitigationProcess.TASK_REVIEW_RESIDUAL_RISK).ifPresent(task -> decisions.add(
                        new CaseFile.Decision(task.elementId(), "Residual risk",
                                first(text(v.get(MitigationProcess.REVIEWED_BY.name())), task.actor()), task.endedAt(),
                                riskReview(v), text(v.get(MitigationProcess.REVIEW_COMMENT.name())))));
            }
        }
        decisions.sort(Comparator.comparing(CaseFile.Decision::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return decisions;
    }

    /** The last completed run of a task in the case (the variables hold the last answer). */
    private static Optional<RemediationCases.Activity> done(RemediationCases.CaseHistory instance, String element) {
        return instance.activities().stream()
                .filter(a -> element.equals(a.elementId()) && a.endedAt() != null && !a.canceled())
                .reduce((earlier, later) -> later);
    }

    private static String investigation(Map<String, Object> v) {
        String action = text(v.get(RemediationProcess.REMEDIATION_ACTION.name()));
        String label = action == null ? null : actionLabel(action);
        boolean eliminable = !Boolean.FALSE.equals(v.get(RemediationProcess.ELIMINABLE.name()));
        return eliminable ? (label == null ? "Can be eliminated" : "Eliminate it: " + label)
                : "Cannot be eliminated: mitigate it";
    }

    private static String measure(Map<String, Object> v) {
        String measure = text(v.get(MitigationProcess.MEASURE.name()));
        String decision = "APPROVED".equals(text(v.get(MitigationProcess.MEASURE_APPROVAL_DECISION.name())))
                ? "Approved" : "Refused";
        return measure == null ? decision : decision + ": " + actionLabel(measure);
    }

    private static String riskReview(Map<String, Object> v) {
        String outcome = text(v.get(MitigationProcess.RISK_REVIEW_OUTCOME.name()));
        String date = text(v.get(MitigationProcess.RISK_REVIEW_DATE.name()));
        if ("ACCEPTED".equals(outcome)) {
            return "Residual risk accepted" + (date == null ? "" : ", to be reviewed on " + date);
        }
        if ("STRONGER_MEASURES".equals(outcome)) {
            return "Refused: stronger measures";
        }
        return "REINVESTIGATE".equals(outcome) ? "Refused: investigate again" : "Reviewed";
    }

    private static String overdue(String decision) {
        if (decision == null) {
            return "Decided";
        }
        return switch (decision) {
            case "EXTEND" -> "Extend the resolution due time";
            case "REASSIGN" -> "Hand the case to someone else";
            case "MITIGATE" -> "Mitigate instead";
            default -> "Decided";
        };
    }

    private static String actionLabel(String action) {
        try {
            return ActionType.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static String code(Object value) {
        String text = text(value);
        return text == null ? "not given" : text.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String first(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = Objects.toString(value).strip();
        return text.isEmpty() ? null : text;
    }
}
