package io.threatflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.decision.DecisionTableUnderTest.Evaluation;
import io.threatflow.threat.Severity;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/risk-acceptance-horizon.dmn, hit policy UNIQUE: exactly one rule per severity. */
class RiskAcceptanceHorizonDecisionTest {

    private static final DecisionTableUnderTest HORIZON = DecisionTableUnderTest.load("risk-acceptance-horizon");

    private static Evaluation evaluate(Severity severity) {
        return HORIZON.evaluate(Variables.createVariables().putValue("severity", severity.name()));
    }

    @ParameterizedTest(name = "{0} -> at most {2} days by {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # severity | rule                          | days
            CRITICAL   | Rule_RiskAcceptanceHorizon01 | 30
            HIGH       | Rule_RiskAcceptanceHorizon02 | 90
            MEDIUM     | Rule_RiskAcceptanceHorizon03 | 180
            LOW        | Rule_RiskAcceptanceHorizon04 | 365
            """)
    void shouldCapTheReviewDate_bySeverity(Severity severity, String rule, int days) {
        Evaluation evaluation = evaluate(severity);

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(((Number) evaluation.result().getSingleResult().getSingleEntry()).intValue()).isEqualTo(days);
    }

    @Test
    void shouldGiveMoreSevereThreatsAShorterHorizon() {
        int previous = 0;
        for (Severity severity : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW}) {
            int days = ((Number) evaluate(severity).result().getSingleResult().getSingleEntry()).intValue();
            assertThat(days).as(severity.name()).isGreaterThan(previous);
            previous = days;
        }
    }
}
