package io.threatflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.decision.DecisionTableUnderTest.Evaluation;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/threat-severity.dmn, hit policy FIRST, with the SSVC and exposed-service decisions it requires. */
class ThreatSeverityDecisionTest {

    private static final DecisionTableUnderTest THREAT_SEVERITY = DecisionTableUnderTest.load("threat-severity");

    /** The tool that reported the threat may not have rated it. */
    private static final List<Severity> REPORTED_SEVERITIES =
            Stream.concat(Stream.of((Severity) null), Stream.of(Severity.values())).toList();

    private static final int TYPES = ThreatType.values().length;
    private static final int KEV_FLAGS = 2;
    private static final int CRITICALITIES = Severity.values().length;

    record Finding(ThreatType type, boolean knownExploited, Severity assetCriticality, Severity reportedSeverity) {
    }

    /** The severity is null where the table gave no result. */
    record Assessment(Finding finding, Severity severity) {

        boolean isAtLeast(Severity floor) {
            return severity != null && severity.compareTo(floor) >= 0;
        }
    }

    @ParameterizedTest(name = "{0}, KEV {1}, asset {2}, reported {3} -> {5} by {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # threat type       | KEV   | asset    | reported | first matching rule   | severity
            VULNERABILITY       | true  | CRITICAL | LOW      | Rule_ThreatSeverity01 | CRITICAL
            OTHER               | true  | CRITICAL | null     | Rule_ThreatSeverity01 | CRITICAL
            VULNERABILITY       | false | LOW      | CRITICAL | Rule_ThreatSeverity02 | CRITICAL
            MALWARE             | false | HIGH     | LOW      | Rule_ThreatSeverity03 | CRITICAL
            COMPROMISED_ACCOUNT | false | CRITICAL | null     | Rule_ThreatSeverity03 | CRITICAL
            OUTDATED_OS         | true  | MEDIUM   | LOW      | Rule_ThreatSeverity06 | HIGH
            EXPOSED_SERVICE     | true  | HIGH     | MEDIUM   | Rule_ThreatSeverity06 | HIGH
            EXPOSED_SERVICE     | false | LOW      | HIGH     | Rule_ThreatSeverity07 | HIGH
            MALWARE             | false | LOW      | LOW      | Rule_ThreatSeverity08 | HIGH
            COMPROMISED_ACCOUNT | false | MEDIUM   | null     | Rule_ThreatSeverity08 | HIGH
            OTHER               | false | CRITICAL | MEDIUM   | Rule_ThreatSeverity11 | HIGH
            VULNERABILITY       | false | HIGH     | MEDIUM   | Rule_ThreatSeverity12 | MEDIUM
            EXPOSED_SERVICE     | false | HIGH     | LOW      | Rule_ThreatSeverity15 | MEDIUM
            OUTDATED_OS         | false | CRITICAL | null     | Rule_ThreatSeverity15 | MEDIUM
            VULNERABILITY       | false | CRITICAL | LOW      | Rule_ThreatSeverity15 | MEDIUM
            OTHER               | false | HIGH     | LOW      | Rule_ThreatSeverity16 | LOW
            VULNERABILITY       | false | MEDIUM   | null     | Rule_ThreatSeverity16 | LOW
            """)
    void shouldAssessSeverity_byFirstMatchingRule(ThreatType type, boolean knownExploited, Severity assetCriticality,
                                                  Severity reportedSeverity, String rule, Severity severity) {
        Evaluation evaluation = assess(new Finding(type, knownExploited, assetCriticality, reportedSeverity));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().getSingleResult().<String>getEntry("severity")).isEqualTo(severity.name());
    }

    /** The rules that weigh SSVC's decision and the risky-service floor, with the evidence that reaches them. */
    @ParameterizedTest(name = "{0} on a {1} asset, CVSS {2}, exploit {3}, internet {4}, port {5} -> SSVC {6}, {8} by {7}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # threat type   | asset  | CVSS | exploit | internet | port | SSVC   | first matching rule   | severity
            VULNERABILITY   | HIGH   | 9.8  | false   | true     | null | Attend | Rule_ThreatSeverity09 | HIGH
            EXPOSED_SERVICE | MEDIUM | null | false   | true     | 2375 | Track  | Rule_ThreatSeverity05 | CRITICAL
            EXPOSED_SERVICE | LOW    | null | false   | true     | 3389 | Track  | Rule_ThreatSeverity10 | HIGH
            EXPOSED_SERVICE | MEDIUM | null | false   | false    | 3389 | Track  | Rule_ThreatSeverity14 | MEDIUM
            VULNERABILITY   | HIGH   | 9.8  | false   | false    | null | Track* | Rule_ThreatSeverity13 | MEDIUM
            VULNERABILITY   | MEDIUM | 9.8  | true    | true     | null | Track* | Rule_ThreatSeverity13 | MEDIUM
            VULNERABILITY   | LOW    | 9.8  | true    | true     | null | Track  | Rule_ThreatSeverity16 | LOW
            """)
    void shouldWeighSsvcAndServiceFloor(ThreatType type, Severity assetCriticality, Double cvssScore,
                                        boolean exploitAvailable, boolean internetFacing, Integer port, String ssvc,
                                        String rule, Severity severity) {
        Evaluation evaluation = THREAT_SEVERITY.evaluate(Variables.createVariables()
                .putValue("threatType", type.name()).putValue("knownExploited", false)
                .putValue("assetCriticality", assetCriticality.name()).putValue("reportedSeverity", null)
                .putValue("cvssScore", cvssScore).putValue("exploitAvailable", exploitAvailable)
                .putValue("epssScore", null).putValue("epssPocThreshold", 0.1)
                .putValue("internetFacing", internetFacing).putValue("port", port));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().getSingleResult().<String>getEntry("severity")).isEqualTo(severity.name());
        assertThat(evaluation.result().getSingleResult().<String>getEntry("ssvcDecision")).isEqualTo(ssvc);
    }

    @Test
    void shouldActAndPassTheSsvcInputsOn_whenKnownExploitedCriticalFlawIsOnHighAsset() {
        Evaluation evaluation = THREAT_SEVERITY.evaluate(Variables.createVariables()
                .putValue("threatType", "VULNERABILITY").putValue("knownExploited", true)
                .putValue("assetCriticality", "HIGH").putValue("reportedSeverity", "LOW")
                .putValue("cvssScore", 9.8).putValue("exploitAvailable", false).putValue("epssScore", null)
                .putValue("epssPocThreshold", 0.1).putValue("internetFacing", false).putValue("port", 445));

        assertThat(evaluation.matchedRules()).containsExactly("Rule_ThreatSeverity04");
        assertThat(evaluation.result().getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "severity", "CRITICAL", "severityRule", "SSVC decision Act", "ssvcDecision", "Act",
                "exploitation", "active", "automatable", "yes", "technicalImpact", "total", "missionImpact", "high",
                "riskyService", "file sharing (SMB)"));
    }

    @Test
    void shouldBeAtLeastHigh_whenRdpIsInternetFacing_onAnyAsset() {
        List<String> below = new ArrayList<>();
        for (Severity criticality : Severity.values()) {
            for (Severity reported : REPORTED_SEVERITIES) {
                String severity = THREAT_SEVERITY.evaluate(Variables.createVariables()
                        .putValue("threatType", "EXPOSED_SERVICE").putValue("knownExploited", false)
                        .putValue("assetCriticality", criticality.name())
                        .putValue("reportedSeverity", reported == null ? null : reported.name())
                        .putValue("internetFacing", true).putValue("port", 3389))
                        .result().getSingleResult().getEntry("severity");
                if (Severity.valueOf(severity).compareTo(Severity.HIGH) < 0) {
                    below.add(criticality + "/" + reported + " -> " + severity);
                }
            }
        }
        assertThat(below).as("internet-facing RDP assessed below HIGH").isEmpty();
    }

    @Test
    void shouldBeAtLeastHigh_whenCveIsKnownExploited() {
        List<Assessment> assessments = assessAll(Finding::knownExploited);

        assertThat(assessments).hasSize(TYPES * CRITICALITIES * REPORTED_SEVERITIES.size())
                .filteredOn(assessment -> !assessment.isAtLeast(Severity.HIGH))
                .as("known exploited CVEs assessed below HIGH")
                .isEmpty();
    }

    @Test
    void shouldStayCritical_whenReportedSeverityIsCritical() {
        List<Assessment> assessments = assessAll(finding -> finding.reportedSeverity() == Severity.CRITICAL);

        assertThat(assessments).hasSize(TYPES * KEV_FLAGS * CRITICALITIES)
                .filteredOn(assessment -> assessment.severity() != Severity.CRITICAL)
                .as("threats reported CRITICAL but assessed lower")
                .isEmpty();
    }

    @Test
    void shouldStillAssessSeverity_whenReportedSeverityIsMissing() {
        List<Assessment> assessments = assessAll(finding -> finding.reportedSeverity() == null);

        assertThat(assessments).hasSize(TYPES * KEV_FLAGS * CRITICALITIES)
                .filteredOn(assessment -> !assessment.isAtLeast(Severity.LOW))
                .as("unrated threats left without a severity")
                .isEmpty();
    }

    @Test
    void shouldNeverAssessBelowReportedSeverity() {
        List<Assessment> assessments = assessAll(finding -> finding.reportedSeverity() != null);

        assertThat(assessments).hasSize(TYPES * KEV_FLAGS * CRITICALITIES * (REPORTED_SEVERITIES.size() - 1))
                .filteredOn(assessment -> !assessment.isAtLeast(assessment.finding().reportedSeverity()))
                .as("threats assessed below their reported severity")
                .isEmpty();
    }

    private static List<Assessment> assessAll(Predicate<Finding> ofInterest) {
        List<Assessment> assessments = new ArrayList<>();
        for (Finding finding : everyFinding()) {
            if (ofInterest.test(finding)) {
                String severity = assess(finding).result().getSingleResult().getEntry("severity");
                assessments.add(new Assessment(finding, severity == null ? null : Severity.valueOf(severity)));
            }
        }
        return assessments;
    }

    private static List<Finding> everyFinding() {
        List<Finding> findings = new ArrayList<>();
        for (ThreatType type : ThreatType.values()) {
            for (boolean knownExploited : new boolean[] {true, false}) {
                for (Severity assetCriticality : Severity.values()) {
                    for (Severity reportedSeverity : REPORTED_SEVERITIES) {
                        findings.add(new Finding(type, knownExploited, assetCriticality, reportedSeverity));
                    }
                }
            }
        }
        return findings;
    }

    private static Evaluation assess(Finding finding) {
        return THREAT_SEVERITY.evaluate(Variables.createVariables()
                .putValue("threatType", finding.type().name())
                .putValue("knownExploited", finding.knownExploited())
                .putValue("assetCriticality", finding.assetCriticality().name())
                .putValue("reportedSeverity", finding.reportedSeverity() == null ? null : finding.reportedSeverity().name()));
    }
}
