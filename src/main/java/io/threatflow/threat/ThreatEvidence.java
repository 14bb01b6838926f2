package io.threatflow.threat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a report says about how exploitable and exposed a threat is, the inputs of the SSVC decision, and the
 * MITRE ATT&CK techniques it names.
 *
 * @param cvssScore        CVSS base score, 0.0 to 10.0; null when not reported
 * @param epssScore        EPSS probability, 0.0 to 1.0; null when not reported
 * @param exploitAvailable the report says a public exploit exists
 * @param internetFacing   the report says the affected service is reachable from the internet
 */
public record ThreatEvidence(Double cvssScore, Double epssScore, boolean exploitAvailable, boolean internetFacing,
                             List<AttackTechnique> attacks) {

    public static final ThreatEvidence NONE = new ThreatEvidence(null, null, false, false, List.of());

    public ThreatEvidence {
        attacks = attacks == null ? List.of() : List.copyOf(attacks);
    }

    /** The same evidence with these techniques instead of its own. */
    public ThreatEvidence withAttacks(List<AttackTechnique> techniques) {
        return new ThreatEvidence(cvssScore, epssScore, exploitAvailable, internetFacing, techniques);
    }

    /**
     * The technique and tactic ids, space separated, as the decision tables read them:
     * {@code "T1486 TA0040 T1078 TA0001"}; empty when the report named none.
     */
    public String attackIds() {
        return attacks.stream()
                .flatMap(attack -> attack.tacticId() == null ? java.util.stream.Stream.of(attack.techniqueId())
                        : java.util.stream.Stream.of(attack.techniqueId(), attack.tacticId()))
                .distinct().collect(Collectors.joining(" "));
    }

    /** The techniques in words, one a line; "none reported" when there are none. */
    public String describeAttacks() {
        return attacks.isEmpty() ? "none reported"
                : attacks.stream().map(AttackTechnique::describe).collect(Collectors.joining("\n"));
    }
}
