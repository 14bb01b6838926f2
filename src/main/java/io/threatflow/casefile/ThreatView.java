package io.threatflow.casefile;

import io.threatflow.action.ActionRecord;
import io.threatflow.threat.Phase;
import io.threatflow.threat.Threat;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A threat as {@code GET /api/threats/{threatId}} shows it: register data, where its case is, its actions. */
public record ThreatView(
        String threatId,
        String title,
        String description,
        String type,
        String severity,
        String reportedSeverity,
        boolean knownExploited,
        String status,
        String asset,
        String cve,
        Integer port,
        String source,
        String sourceRef,
        Instant reportedAt,
        Instant detectedAt,
        Map<Phase, Instant> phases,
        String processInstanceId,
        CurrentStep currentStep,
        List<Action> actions) {

    /** @param step one of the five steps, MITIGATION, or CLOSED; @param activities what is active now */
    public record CurrentStep(String step, List<String> activities) {
    }

    public record Action(String action, String purpose, String target, String status, int attempt, String detail,
                         Instant performedAt) {
        static Action of(ActionRecord r) {
            return new Action(r.action().name(), r.purpose().name(), r.target(), r.status().name(), r.attempt(),
                    r.detail(), r.performedAt());
        }
    }

    static ThreatView of(Threat t, CurrentStep step, List<ActionRecord> actions) {
        return new ThreatView(t.id(), t.title(), t.description(), t.type().name(), name(t.severity()), name(t.reportedSeverity()),
                t.knownExploited(), t.status().name(), t.assetName(), t.cve(), t.port(), t.source(), t.sourceRef(),
                t.reportedAt(), t.detectedAt(), t.phases(), t.processInstanceId(), step,
                actions.stream().map(Action::of).toList());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
