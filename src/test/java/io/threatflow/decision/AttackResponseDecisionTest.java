package io.threatflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.decision.DecisionTableUnderTest.Evaluation;
import io.threatflow.threat.ThreatType;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ATT&CK-driven response: attack-response (processes/response-plan.dmn, FIRST), how response-plan contains first
 * because of it, and the ATT&CK rules of mitigation-measures (COLLECT).
 */
class AttackResponseDecisionTest {

    private static final DecisionTableUnderTest ATTACK_RESPONSE =
            DecisionTableUnderTest.load("response-plan", "attack-response");
    private static final DecisionTableUnderTest RESPONSE_PLAN = DecisionTableUnderTest.load("response-plan");
    private static final DecisionTableUnderTest MITIGATION_MEASURES =
            DecisionTableUnderTest.load("mitigation-measures");

    @ParameterizedTest(name = "{0} -> contain at once {2} by {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            T1486 TA0040             | Rule_AttackResponse01 | true
            T1059 TA0002 T1490 TA0040 | Rule_AttackResponse01 | true
            T1041 TA0010             | Rule_AttackResponse02 | true
            T1078 TA0001             | Rule_AttackResponse03 | true
            T1110 TA0006             | Rule_AttackResponse03 | true
            T1190 TA0001             | Rule_AttackResponse04 | true
            T1059 TA0002             | Rule_AttackResponse05 | false
            ''                       | Rule_AttackResponse05 | false
            null                     | Rule_AttackResponse05 | false
            """)
    void shouldContainAtOnce_forTechniquesThatAskForIt(String attackIds, String rule, boolean containAtOnce) {
        Evaluation evaluation = ATTACK_RESPONSE.evaluate(Variables.createVariables().putValue("attackIds", attackIds));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().getSingleResult().<Boolean>getEntry("containAtOnce")).isEqualTo(containAtOnce);
    }

    @ParameterizedTest(name = "{0} with {1} -> {3}, contain first {4} by {2}")
    @CsvSource(delimiter = '|', textBlock = """
            VULNERABILITY   | T1486 TA0040 | Rule_ResponsePlan02 | PATCH_SOFTWARE | true
            VULNERABILITY   | T1059 TA0002 | Rule_ResponsePlan02 | PATCH_SOFTWARE | false
            EXPOSED_SERVICE | T1190 TA0001 | Rule_ResponsePlan06 | CLOSE_PORT     | true
            OUTDATED_OS     | T1041 TA0010 | Rule_ResponsePlan07 | UPGRADE_OS     | true
            MALWARE         | T1486 TA0040 | Rule_ResponsePlan09 | REMOVE_MALWARE | true
            OTHER           | T1078 TA0001 | Rule_ResponsePlan11 | null           | true
            """)
    void shouldContainFirst_whenTechniquesAskForIt_whateverTheThreatType(ThreatType type, String attackIds,
                                                                         String rule, String action,
                                                                         boolean containFirst) {
        Evaluation evaluation = RESPONSE_PLAN.evaluate(Variables.createVariables()
                .putValue("threatType", type.name()).putValue("severity", "MEDIUM")
                .putValue("assetCriticality", "MEDIUM").putValue("attackIds", attackIds));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().getSingleResult().<String>getEntry("remediationAction"))
                .isEqualTo("null".equals(action) ? null : action);
        assertThat(evaluation.result().getSingleResult().<Boolean>getEntry("containFirst")).isEqualTo(containFirst);
    }

    @ParameterizedTest(name = "{0} {1} with {2}, port {3} -> {5} by {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # mode      | threat type         | ATT&CK ids                | port | matching rules                                                                 | measures
            CONTAINMENT | VULNERABILITY       | T1486 TA0040              | null | Rule_MitigationMeasures04 Rule_MitigationMeasures07                           | RAISE_MONITORING ISOLATE_HOST
            CONTAINMENT | OTHER               | T1041 TA0010 T1486 TA0040 | null | Rule_MitigationMeasures04 Rule_MitigationMeasures07                           | RAISE_MONITORING ISOLATE_HOST
            CONTAINMENT | MALWARE             | T1486 TA0040              | null | Rule_MitigationMeasures01 Rule_MitigationMeasures04                           | ISOLATE_HOST RAISE_MONITORING
            CONTAINMENT | VULNERABILITY       | T1078 TA0001              | null | Rule_MitigationMeasures04 Rule_MitigationMeasures08                           | RAISE_MONITORING DISABLE_ACCOUNT
            CONTAINMENT | MALWARE             | T1003 TA0006              | null | Rule_MitigationMeasures01 Rule_MitigationMeasures04 Rule_MitigationMeasures08 | ISOLATE_HOST RAISE_MONITORING DISABLE_ACCOUNT
            CONTAINMENT | COMPROMISED_ACCOUNT | T1078 TA0001              | null | Rule_MitigationMeasures02 Rule_MitigationMeasures04                           | DISABLE_ACCOUNT RAISE_MONITORING
            CONTAINMENT | VULNERABILITY       | T1190 TA0001              | 443  | Rule_MitigationMeasures04 Rule_MitigationMeasures09                           | RAISE_MONITORING BLOCK_PORT
            CONTAINMENT | VULNERABILITY       | T1190 TA0001              | null | Rule_MitigationMeasures04                                                     | RAISE_MONITORING
            CONTAINMENT | EXPOSED_SERVICE     | T1190 TA0001              | 443  | Rule_MitigationMeasures03 Rule_MitigationMeasures04                           | BLOCK_PORT RAISE_MONITORING
            LONG_TERM   | VULNERABILITY       | T1486 TA0040              | null | Rule_MitigationMeasures04                                                     | RAISE_MONITORING
            """)
    void shouldSelectMeasures_forTechniques(String mode, ThreatType type, String attackIds, Integer port,
                                            String rules, String measures) {
        Evaluation evaluation = MITIGATION_MEASURES.evaluate(Variables.createVariables()
                .putValue("mitigationMode", mode).putValue("threatType", type.name()).putValue("severity", "MEDIUM")
                .putValue("mitigationLevel", 1).putValue("attackIds", attackIds).putValue("port", port));

        assertThat(evaluation.matchedRules()).containsExactly(rules.split(" "));
        assertThat(evaluation.result().collectEntries("measure")).containsExactly((Object[]) measures.split(" "));
    }

    @Test
    void shouldNeverSelectTheSameMeasureTwice_whateverTheTechniques() {
        for (ThreatType type : ThreatType.values()) {
            Evaluation evaluation = MITIGATION_MEASURES.evaluate(Variables.createVariables()
                    .putValue("mitigationMode", "CONTAINMENT").putValue("threatType", type.name())
                    .putValue("severity", "CRITICAL").putValue("mitigationLevel", 1)
                    .putValue("attackIds", "T1486 TA0040 T1041 TA0010 T1078 TA0001 T1003 TA0006 T1190")
                    .putValue("port", 443));
            List<Object> measures = evaluation.result().collectEntries("measure");

            assertThat(measures).as("measures for %s", type).doesNotHaveDuplicates()
                    .contains("ISOLATE_HOST", "DISABLE_ACCOUNT", "BLOCK_PORT");
        }
    }
}
