package io.threatflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.action.ActionType;
import io.threatflow.decision.DecisionTableUnderTest.Evaluation;
import io.threatflow.threat.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/approval-policy.dmn, hit policy FIRST. */
class ApprovalPolicyDecisionTest {

    private static final DecisionTableUnderTest APPROVAL_POLICY = DecisionTableUnderTest.load("approval-policy");

    /** The actions a case may propose or a containment may apply, and none: the analyst's choice left open. */
    private static final List<ActionType> ACTIONS = new ArrayList<>(List.of(ActionType.values()));

    static {
        ACTIONS.add(null);
    }

    record Case(ActionType action, Severity assetCriticality, boolean knownExploited, Severity severity,
                Integer otherOpenThreats) {
    }

    record Answer(Case of, List<Map<String, Object>> results) {

        boolean requiresApproval() {
            return results.size() == 1 && Boolean.TRUE.equals(results.get(0).get("approvalRequired"));
        }
    }

    @ParameterizedTest(name = "{0} on a {1} asset, KEV {2}, severity {3}, {4} other open -> {6} by {5}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # action          | asset    | KEV   | severity | others | first matching rule  | approval
            UPGRADE_OS        | LOW      | true  | CRITICAL | 0      | Rule_ApprovalPolicy01 | true
            null              | LOW      | false | LOW      | 0      | Rule_ApprovalPolicy02 | true
            PATCH_SOFTWARE    | CRITICAL | true  | CRITICAL | 0      | Rule_ApprovalPolicy03 | true
            CLOSE_PORT        | HIGH     | true  | CRITICAL | 0      | Rule_ApprovalPolicy04 | true
            ISOLATE_HOST      | CRITICAL | false | HIGH     | null   | Rule_ApprovalPolicy05 | true
            DISABLE_ACCOUNT   | HIGH     | false | LOW      | null   | Rule_ApprovalPolicy06 | true
            REMOVE_MALWARE    | HIGH     | true  | CRITICAL | 5      | Rule_ApprovalPolicy07 | false
            RESET_CREDENTIALS | HIGH     | false | HIGH     | 3      | Rule_ApprovalPolicy08 | true
            PATCH_SOFTWARE    | HIGH     | false | HIGH     | 2      | Rule_ApprovalPolicy09 | false
            ISOLATE_HOST      | HIGH     | true  | CRITICAL | null   | Rule_ApprovalPolicy09 | false
            DISABLE_ACCOUNT   | MEDIUM   | false | HIGH     | null   | Rule_ApprovalPolicy09 | false
            """)
    void shouldDecideApproval_byFirstMatchingRule(ActionType action, Severity assetCriticality, boolean knownExploited,
                                                  Severity severity, Integer otherOpenThreats, String rule,
                                                  boolean approvalRequired) {
        Evaluation evaluation = decide(new Case(action, assetCriticality, knownExploited, severity, otherOpenThreats));

        assertThat(evaluation.matchedRules()).containsExactly(rule);
        assertThat(evaluation.result().getSingleResult().getEntryMap())
                .containsEntry("approvalRequired", approvalRequired)
                .hasEntrySatisfying("approvalReason", reason -> assertThat((String) reason).isNotBlank());
    }

    @Test
    void shouldGiveOneAnswerWithAReason_forEveryCase() {
        assertThat(answersTo(c -> true))
                .filteredOn(answer -> answer.results().size() != 1
                        || !(answer.results().get(0).get("approvalRequired") instanceof Boolean)
                        || !(answer.results().get(0).get("approvalReason") instanceof String reason)
                        || reason.isBlank())
                .as("cases without exactly one answer and a reason a manager can read")
                .isEmpty();
    }

    @Test
    void shouldRequireApproval_forEveryOsUpgrade() {
        assertThat(answersTo(c -> c.action() == ActionType.UPGRADE_OS))
                .filteredOn(answer -> !answer.requiresApproval()).as("OS upgrades without approval").isEmpty();
    }

    @Test
    void shouldRequireApproval_forEveryEradicationOnACriticalAsset() {
        assertThat(answersTo(c -> c.assetCriticality() == Severity.CRITICAL && eradication(c.action())))
                .filteredOn(answer -> !answer.requiresApproval())
                .as("eradications on a CRITICAL asset without approval").isEmpty();
    }

    @Test
    void shouldRequireApproval_toIsolateACriticalServerOrDisableAPrivilegedAccount() {
        assertThat(answersTo(c -> c.action() == ActionType.ISOLATE_HOST && c.assetCriticality() == Severity.CRITICAL
                || c.action() == ActionType.DISABLE_ACCOUNT && c.assetCriticality().compareTo(Severity.HIGH) >= 0))
                .filteredOn(answer -> !answer.requiresApproval())
                .as("containment of a CRITICAL server or a privileged account without approval").isEmpty();
    }

    private static boolean eradication(ActionType action) {
        return action == ActionType.PATCH_SOFTWARE || action == ActionType.UPGRADE_OS
                || action == ActionType.CLOSE_PORT || action == ActionType.REMOVE_MALWARE
                || action == ActionType.RESET_CREDENTIALS;
    }

    private static List<Answer> answersTo(Predicate<Case> ofInterest) {
        List<Answer> answers = new ArrayList<>();
        for (ActionType action : ACTIONS) {
            for (Severity asset : Severity.values()) {
                for (boolean kev : new boolean[] {false, true}) {
                    for (Severity severity : Severity.values()) {
                        for (Integer others : new Integer[] {null, 0, 3}) {
                            Case c = new Case(action, asset, kev, severity, others);
                            if (ofInterest.test(c)) {
                                answers.add(new Answer(c, decide(c).result().getResultList()));
                            }
                        }
                    }
                }
            }
        }
        return answers;
    }

    private static Evaluation decide(Case c) {
        return APPROVAL_POLICY.evaluate(Variables.createVariables()
                .putValue("action", c.action() == null ? null : c.action().name())
                .putValue("assetCriticality", c.assetCriticality().name())
                .putValue("knownExploited", c.knownExploited())
                .putValue("severity", c.severity().name())
                .putValue("otherOpenThreats", c.otherOpenThreats()));
    }
}
