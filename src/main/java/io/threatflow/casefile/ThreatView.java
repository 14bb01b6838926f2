package io.threatflow.casefile;

import io.threatflow.action.ActionRecord;
import io.threatflow.threat.Phase;
import io.threatflow.threat.AttackTechnique;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatEvidence;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A threat as {@code GET /api/threats/{threatId}} shows it: register data, where its case is, its actions.
 *
 * @param dryRun the case records what it would do and changes nothing: its status is what would have happened
 * @param playbookVersion the playbook version its case runs on (GET /api/playbooks/versions)
 * @param cvssScore, epssScore, exploitAvailable, internetFacing what the report said (the SSVC inputs)
 * @param attackTechniques the MITRE ATT&CK techniques the report named, with their tactics
 */
public record ThreatView(
        String threatId,
        String title,
        String description,
        String type,
        String severity,
        String reportedSeverity,
        boolean knownExploited,
        String status,
        boolean dryRun,
        String asset,
        String cve,
        Integer port,
        String source,
        String sourceRef,
        Instant reportedAt,
        Instant detectedAt,
        Map<Phase, Instant> phases,
        String processInstanceId,
        Integer playbookVersion,
        CurrentStep currentStep,
        List<Action> actions,
        Double cvssScore,
        Double epssScore,
        boolean exploitAvailable,
        boolean internetFacing,
        List<AttackTechnique> attackTechniques) {

    /** @param step one of the five steps, MITIGATION, or CLOSED; @param activities what is active now */
    public record CurrentStep(String step, List<String> activities) {
    }

    /** @param request for a DRY_RUN, the request that would have been sent, secrets masked; absent otherwise */
    public record Action(String action, String purpose, String target, String status, int attempt, String detail,
                         Instant performedAt, String request) {
        static Action of(ActionRecord r) {
            return new Action(r.action().name(), r.purpose().name(), r.target(), r.status().name(), r.attempt(),
                    r.detail(), r.performedAt(), r.request());
        }
    }

    static ThreatView of(Threat t, ThreatEvidence e, Integer playbookVersion, CurrentStep step,
                         List<ActionRecord> actions) {
        return new ThreatView(t.id(), t.title(), t.description(), t.type().name(), name(t.severity()),
                name(t.reportedSeverity()), t.knownExploited(), t.status().name(), t.dryRun(), t.assetName(), t.cve(),
                t.port(), t.source(), t.sourceRef(), t.reportedAt(), t.detectedAt(), t.phases(), t.processInstanceId(),
                playbookVersion, step, actions.stream().map(Action::of).toList(), e.cvssScore(), e.epssScore(),
                e.exploitAvailable(), e.internetFacing(), e.attacks());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
