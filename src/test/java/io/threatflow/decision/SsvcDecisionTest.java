package io.threatflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.decision.DecisionTableUnderTest.Evaluation;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SSVC decisions in processes/threat-severity.dmn: CISA's tree (ssvc-priority, every leaf) and the decision
 * points it requires (every rule), each reached from the evidence ThreatFlow has about a threat.
 */
class SsvcDecisionTest {

    private static final String FILE = "threat-severity";
    private static final double EPSS_THRESHOLD = 0.1;

    private static final DecisionTableUnderTest PRIORITY = DecisionTableUnderTest.load(FILE, "ssvc-priority");
    private static final DecisionTableUnderTest EXPLOITATION = DecisionTableUnderTest.load(FILE, "ssvc-exploitation");
    private static final DecisionTableUnderTest AUTOMATABLE = DecisionTableUnderTest.load(FILE, "ssvc-automatable");
    private static final DecisionTableUnderTest TECHNICAL_IMPACT =
            DecisionTableUnderTest.load(FILE, "ssvc-technical-impact");
    private static final DecisionTableUnderTest MISSION_IMPACT = DecisionTableUnderTest.load(FILE, "ssvc-mission-impact");

    /** CISA's SSVC tree, leaf by leaf, in the order of the CERT/CC table (CISA tree 2.0.3). */
    @ParameterizedTest(name = "{0}: exploitation {1}, automatable {2}, technical impact {3}, mission {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            01 | none   | no  | partial | low    | Track
            02 | none   | no  | partial | medium | Track
            03 | none   | no  | partial | high   | Track
            04 | none   | no  | total   | low    | Track
            05 | none   | no  | total   | medium | Track
            06 | none   | no  | total   | high   | Track*
            07 | none   | yes | partial | low    | Track
            08 | none   | yes | partial | medium | Track
            09 | none   | yes | partial | high   | Attend
            10 | none   | yes | total   | low    | Track
            11 | none   | yes | total   | medium | Track
            12 | none   | yes | total   | high   | Attend
            13 | poc    | no  | partial | low    | Track
            14 | poc    | no  | partial | medium | Track
            15 | poc    | no  | partial | high   | Track*
            16 | poc    | no  | total   | low    | Track
            17 | poc    | no  | total   | medium | Track*
            18 | poc    | no  | total   | high   | Attend
            19 | poc    | yes | partial | low    | Track
            20 | poc    | yes | partial | medium | Track
            21 | poc    | yes | partial | high   | Attend
            22 | poc    | yes | total   | low    | Track
            23 | poc    | yes | total   | medium | Track*
            24 | poc    | yes | total   | high   | Attend
            25 | active | no  | partial | low    | Track
            26 | active | no  | partial | medium | Track
            27 | active | no  | partial | high   | Attend
            28 | active | no  | total   | low    | Track
            29 | active | no  | total   | medium | Attend
            30 | active | no  | total   | high   | Act
            31 | active | yes | partial | low    | Attend
            32 | active | yes | partial | medium | Attend
            33 | active | yes | partial | high   | Act
            34 | active | yes | total   | low    | Attend
            35 | active | yes | total   | medium | Act
            36 | active | yes | total   | high   | Act
            """)
    void shouldDecideLikeCisasTree(String leaf, String exploitation, String automatable, String technicalImpact,
                                   String missionImpact, String decision) {
        VariableMap evidence = noEvidence()
                .putValue("knownExploited", exploitation.equals("active"))
                .putValue("exploitAvailable", exploitation.equals("poc"))
                .putValue("internetFacing", automatable.equals("yes"))
                .putValue("cvssScore", technicalImpact.equals("total") ? 9.8 : 5.3)
                .putValue("assetCriticality", switch (missionImpact) {
                    case "high" -> "HIGH";
                    case "medium" -> "MEDIUM";
                    default -> "LOW";
                });

        Evaluation evaluation = PRIORITY.evaluate(evidence);

        assertThat(evaluation.matchedRules()).containsExactly("Rule_SsvcPriority" + leaf);
        assertThat(evaluation.result().<String>getSingleEntry()).isEqualTo(decision);
    }

    @ParameterizedTest(name = "KEV {0}, exploit available {1}, EPSS {2} -> {3} by {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            true  | false | null  | active | Rule_SsvcExploitation01
            true  | true  | 0.9   | active | Rule_SsvcExploitation01
            false | true  | null  | poc    | Rule_SsvcExploitation02
            false | false | 0.35  | poc    | Rule_SsvcExploitation03
            false | false | 0.1   | none   | Rule_SsvcExploitation04
            false | false | 0.02  | none   | Rule_SsvcExploitation04
            false | false | null  | none   | Rule_SsvcExploitation04
            """)
    void shouldRateExploitation(boolean knownExploited, boolean exploitAvailable, Double epssScore,
                                String exploitation, String rule) {
        Evaluation evaluation = EXPLOITATION.evaluate(noEvidence().putValue("knownExploited", knownExploited)
                .putValue("exploitAvailable", exploitAvailable).putValue("epssScore", epssScore));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().<String>getSingleEntry()).isEqualTo(exploitation);
    }

    @ParameterizedTest(name = "internet-facing {0}, port {1} -> {2} by {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            true  | null | yes | Rule_SsvcAutomatable01
            true  | 8443 | yes | Rule_SsvcAutomatable01
            false | 445  | yes | Rule_SsvcAutomatable02
            false | 8443 | no  | Rule_SsvcAutomatable03
            false | null | no  | Rule_SsvcAutomatable03
            """)
    void shouldRateAutomatable(boolean internetFacing, Integer port, String automatable, String rule) {
        Evaluation evaluation = AUTOMATABLE.evaluate(noEvidence().putValue("internetFacing", internetFacing)
                .putValue("port", port));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().<String>getSingleEntry()).isEqualTo(automatable);
    }

    @ParameterizedTest(name = "{0}, CVSS {1} -> {2} by {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            VULNERABILITY       | 9.0  | total   | Rule_SsvcTechnicalImpact01
            OTHER               | 10.0 | total   | Rule_SsvcTechnicalImpact01
            MALWARE             | null | total   | Rule_SsvcTechnicalImpact02
            COMPROMISED_ACCOUNT | 4.0  | total   | Rule_SsvcTechnicalImpact02
            VULNERABILITY       | 8.9  | partial | Rule_SsvcTechnicalImpact03
            EXPOSED_SERVICE     | null | partial | Rule_SsvcTechnicalImpact03
            """)
    void shouldRateTechnicalImpact(String threatType, Double cvssScore, String impact, String rule) {
        Evaluation evaluation = TECHNICAL_IMPACT.evaluate(noEvidence().putValue("threatType", threatType)
                .putValue("cvssScore", cvssScore));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().<String>getSingleEntry()).isEqualTo(impact);
    }

    @ParameterizedTest(name = "asset {0} -> {1} by {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CRITICAL | high   | Rule_SsvcMissionImpact01
            HIGH     | high   | Rule_SsvcMissionImpact01
            MEDIUM   | medium | Rule_SsvcMissionImpact02
            LOW      | low    | Rule_SsvcMissionImpact03
            """)
    void shouldRateMissionImpact(String assetCriticality, String impact, String rule) {
        Evaluation evaluation = MISSION_IMPACT.evaluate(noEvidence().putValue("assetCriticality", assetCriticality));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().<String>getSingleEntry()).isEqualTo(impact);
    }

    private static VariableMap noEvidence() {
        return Variables.createVariables().putValue("threatType", "VULNERABILITY").putValue("knownExploited", false)
                .putValue("exploitAvailable", false).putValue("epssScore", null)
                .putValue("epssPocThreshold", EPSS_THRESHOLD).putValue("cvssScore", null)
                .putValue("internetFacing", false).putValue("port", null).putValue("assetCriticality", "MEDIUM");
    }
}
