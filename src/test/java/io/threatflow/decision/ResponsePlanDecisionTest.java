package io.threatflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.decision.DecisionTableUnderTest.Evaluation;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/response-plan.dmn, hit policy FIRST. */
class ResponsePlanDecisionTest {

    private static final DecisionTableUnderTest RESPONSE_PLAN = DecisionTableUnderTest.load("response-plan");

    private static final int TYPES = ThreatType.values().length;
    private static final int SEVERITIES = Severity.values().length;
    private static final int CRITICALITIES = Severity.values().length;

    record Threat(ThreatType type, Severity severity, Severity assetCriticality) {
    }

    /** A threat and the plans the table gave for it: exactly one, if the table is sound. */
    record Response(Threat threat, List<Map<String, Object>> plans) {

        Object output(String name) {
            return plans.size() == 1 ? plans.get(0).get(name) : null;
        }

        boolean containsFirst() {
            return Boolean.TRUE.equals(output("containFirst"));
        }

    }

    @ParameterizedTest(name = "{0}, severity {1}, asset {2} -> {4}, contain first {5} by {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # threat type       | severity | asset    | first matching rule | action            | contain first
            VULNERABILITY       | LOW      | CRITICAL | Rule_ResponsePlan02 | PATCH_SOFTWARE    | false
            VULNERABILITY       | CRITICAL | HIGH     | Rule_ResponsePlan02 | PATCH_SOFTWARE    | false
            EXPOSED_SERVICE     | HIGH     | CRITICAL | Rule_ResponsePlan04 | CLOSE_PORT        | true
            EXPOSED_SERVICE     | CRITICAL | LOW      | Rule_ResponsePlan04 | CLOSE_PORT        | true
            EXPOSED_SERVICE     | MEDIUM   | HIGH     | Rule_ResponsePlan06 | CLOSE_PORT        | false
            EXPOSED_SERVICE     | LOW      | MEDIUM   | Rule_ResponsePlan06 | CLOSE_PORT        | false
            OUTDATED_OS         | LOW      | LOW      | Rule_ResponsePlan07 | UPGRADE_OS        | false
            MALWARE             | HIGH     | LOW      | Rule_ResponsePlan08 | REMOVE_MALWARE    | true
            MALWARE             | MEDIUM   | CRITICAL | Rule_ResponsePlan09 | REMOVE_MALWARE    | false
            COMPROMISED_ACCOUNT | LOW      | LOW      | Rule_ResponsePlan10 | RESET_CREDENTIALS | true
            OTHER               | CRITICAL | CRITICAL | Rule_ResponsePlan11 | null              | false
            """)
    void shouldPlanResponse_byFirstMatchingRule(ThreatType type, Severity severity, Severity assetCriticality,
                                                String rule, String action, boolean containFirst) {
        Evaluation evaluation = plan(new Threat(type, severity, assetCriticality));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().getResultList()).singleElement()
                .isEqualTo(planOf(action, containFirst));
    }

    @Test
    void shouldPlanExactlyOneResponse_forEveryThreatType() {
        List<Response> responses = respondTo(threat -> true);

        // The process maps both outputs to variables, and its gateway 'Contain first?' reads the flag as its condition.
        // Whether a manager approves is approval-policy's, decided after investigation from the final action.
        assertThat(responses).hasSize(TYPES * SEVERITIES * CRITICALITIES)
                .filteredOn(response -> response.plans().size() != 1
                        || !response.plans().get(0).keySet()
                                .equals(Set.of("remediationAction", "containFirst"))
                        || !(response.output("containFirst") instanceof Boolean))
                .as("threats without exactly one complete plan")
                .isEmpty();
    }

    @Test
    void shouldContainFirst_whenAccountIsCompromised() {
        List<Response> responses = respondTo(threat -> threat.type() == ThreatType.COMPROMISED_ACCOUNT);

        assertThat(responses).hasSize(SEVERITIES * CRITICALITIES)
                .filteredOn(response -> !response.containsFirst())
                .as("compromised accounts not contained first")
                .isEmpty();
    }

    @Test
    void shouldLeaveActionToAnalyst_whenThreatTypeIsOther() {
        List<Response> responses = respondTo(threat -> threat.type() == ThreatType.OTHER);

        assertThat(responses).hasSize(SEVERITIES * CRITICALITIES)
                .filteredOn(response -> response.plans().size() != 1
                        || response.output("remediationAction") != null)
                .as("other threats with an automated action")
                .isEmpty();
    }

    private static List<Response> respondTo(Predicate<Threat> ofInterest) {
        List<Response> responses = new ArrayList<>();
        for (Threat threat : everyThreat()) {
            if (ofInterest.test(threat)) {
                responses.add(new Response(threat, plan(threat).result().getResultList()));
            }
        }
        return responses;
    }

    private static List<Threat> everyThreat() {
        List<Threat> threats = new ArrayList<>();
        for (ThreatType type : ThreatType.values()) {
            for (Severity severity : Severity.values()) {
                for (Severity assetCriticality : Severity.values()) {
                    threats.add(new Threat(type, severity, assetCriticality));
                }
            }
        }
        return threats;
    }

    private static Evaluation plan(Threat threat) {
        return RESPONSE_PLAN.evaluate(Variables.createVariables()
                .putValue("threatType", threat.type().name())
                .putValue("severity", threat.severity().name())
                .putValue("assetCriticality", threat.assetCriticality().name()));
    }

    /** Unlike Map.of, holds the null action of a plan that leaves the action to the analyst. */
    private static Map<String, Object> planOf(String action, boolean containFirst) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("remediationAction", action);
        plan.put("containFirst", containFirst);
        return plan;
    }
}
