package io.threatflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rules a DMN change adds, removes and changes, as the reviewer reads them. */
class DmnRuleDiffTest {

    private final String before = PlaybookBundleTest.slaPolicy();

    @Test
    void shouldDescribeAChangedRule_beforeAndAfter() {
        String after = before.replace("\"PT15M\"", "\"PT30M\"");

        assertThat(DmnRuleDiff.describe("sla-policy.dmn", bytes(before), bytes(after))).singleElement().asString()
                .startsWith("decision sla-policy, rule Rule_SlaPolicy01 changed: \"CRITICAL\" → \"PT15M\", \"PT1H\", \"PT24H\"")
                .contains("becomes \"CRITICAL\" → \"PT30M\", \"PT1H\", \"PT24H\"");
    }

    @Test
    void shouldDescribeAddedAndRemovedRules() {
        String after = before.replace("Rule_SlaPolicy01", "Rule_SlaPolicyCritical");

        assertThat(DmnRuleDiff.describe("sla-policy.dmn", bytes(before), bytes(after))).containsExactly(
                "decision sla-policy, rule Rule_SlaPolicyCritical added: \"CRITICAL\" → \"PT15M\", \"PT1H\", \"PT24H\""
                        + " (Critical: triage within 15 minutes, contain within an hour, resolve within a day)",
                "decision sla-policy, rule Rule_SlaPolicy01 removed: \"CRITICAL\" → \"PT15M\", \"PT1H\", \"PT24H\""
                        + " (Critical: triage within 15 minutes, contain within an hour, resolve within a day)");
    }

    @Test
    void shouldSayNothing_whenNoRuleChanged() {
        assertThat(DmnRuleDiff.describe("sla-policy.dmn", bytes(before), bytes(before))).isEmpty();
    }

    @Test
    void shouldNameANewDecision() {
        assertThat(DmnRuleDiff.describe("sla-policy.dmn", null, bytes(before)))
                .containsExactly("decision sla-policy is new, with 4 rules");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
