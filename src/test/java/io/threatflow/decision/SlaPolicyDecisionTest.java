package io.threatflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.decision.DecisionTableUnderTest.Evaluation;
import io.threatflow.threat.Severity;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/sla-policy.dmn, hit policy UNIQUE: exactly one rule per severity. */
class SlaPolicyDecisionTest {

    private static final DecisionTableUnderTest SLA_POLICY = DecisionTableUnderTest.load("sla-policy");

    private static Evaluation evaluate(Severity severity) {
        return SLA_POLICY.evaluate(Variables.createVariables().putValue("severity", severity.name()));
    }

    @ParameterizedTest(name = "{0} -> triage {2}, contain {3}, resolve {4} by {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # severity | rule            | triage | contain | resolve
            CRITICAL   | Rule_SlaPolicy01 | PT15M  | PT1H    | PT24H
            HIGH       | Rule_SlaPolicy02 | PT1H   | PT4H    | P3D
            MEDIUM     | Rule_SlaPolicy03 | PT4H   | P1D     | P7D
            LOW        | Rule_SlaPolicy04 | P1D    | null    | P30D
            """)
    void shouldGiveServiceLevels_bySeverity(Severity severity, String rule, String triage, String contain,
                                            String resolve) {
        Evaluation evaluation = evaluate(severity);

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        Map<String, Object> result = evaluation.result().getSingleResult().getEntryMap();
        assertThat(result.get("triageWithin")).isEqualTo(triage);
        assertThat(result.get("containWithin")).isEqualTo(contain);
        assertThat(result.get("resolveWithin")).isEqualTo(resolve);
    }

    @Test
    void shouldGiveMoreSevereThreatsLessTime_andOrderEachCaseTriageBeforeResolution() {
        List<Map<String, Object>> policies = Arrays.stream(Severity.values())
                .map(severity -> evaluate(severity).result().getSingleResult().getEntryMap()).toList();

        for (int i = 0; i < policies.size(); i++) {
            Duration triage = Duration.parse((String) policies.get(i).get("triageWithin"));
            Duration resolve = Duration.parse((String) policies.get(i).get("resolveWithin"));
            assertThat(triage).isLessThan(resolve);
            Object contain = policies.get(i).get("containWithin");
            if (contain != null) {
                assertThat(Duration.parse((String) contain)).isBetween(triage, resolve);
            }
            if (i > 0) {
                assertThat(resolve).as("resolution of %s", Severity.values()[i])
                        .isLessThan(Duration.parse((String) policies.get(i - 1).get("resolveWithin")));
            }
        }
    }
}
