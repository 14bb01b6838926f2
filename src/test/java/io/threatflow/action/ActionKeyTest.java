package io.threatflow.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The string form of each kind of key is what earlier releases stored in {@code action_log.idempotency_key}: a
 * job that runs again after an upgrade must find the key its first run logged, so these strings never change.
 */
class ActionKeyTest {

    @Test
    void shouldRenderEradicationKey_asStoredBefore() {
        ActionKey key = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, "remediation-1", 2, 3);

        assertThat(key.value()).isEqualTo("threat-1/ERADICATION/CLOSE_PORT/case-remediation-1/round-2/attempt-3");
        assertThat(key).isEqualTo(new ActionKey("threat-1", ActionPurpose.ERADICATION, ActionType.CLOSE_PORT,
                "remediation-1", "round-2/attempt-3"));
    }

    @Test
    void shouldRenderMeasureKey_asStoredBefore() {
        assertThat(ActionKey.measure("threat-1", ActionPurpose.CONTAINMENT, ActionType.ISOLATE_HOST, "remediation-1",
                "process-instance-1", "CONTAINMENT", 1).value())
                .isEqualTo("threat-1/CONTAINMENT/ISOLATE_HOST/case-remediation-1/mitigation-process-instance-1/"
                        + "containment-level-1");
        assertThat(ActionKey.measure("threat-1", ActionPurpose.MITIGATION, ActionType.RAISE_MONITORING,
                "remediation-1", "process-instance-1", "LONG_TERM", 3).value())
                .isEqualTo("threat-1/MITIGATION/RAISE_MONITORING/case-remediation-1/mitigation-process-instance-1/"
                        + "long_term-level-3");
    }

    @Test
    void shouldRenderMeasureKey_whateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(ActionKey.measure("threat-1", ActionPurpose.MITIGATION, ActionType.DISABLE_ACCOUNT, "c-1",
                    "m-1", "LONG_TERM_ISOLATION", 1).occasion())
                    .isEqualTo("mitigation-m-1/long_term_isolation-level-1");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shouldRenderLiftKey_forTheReversalOfTheMeasure_asStoredBefore() {
        ActionRecord isolation = new ActionRecord(8L, "threat-1", ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT,
                "legacy-hr-01", ActionStatus.VERIFIED, 1,
                "threat-1/CONTAINMENT/ISOLATE_HOST/case-remediation-1/mitigation-m-1/containment-level-1",
                "remediation-1", "detail", Instant.parse("2025-06-01T10:00:00Z"), null);

        assertThat(ActionKey.lift(isolation, "remediation-1").value())
                .isEqualTo("threat-1/LIFT_CONTAINMENT/RECONNECT_HOST/case-remediation-1/lift-8");
    }

    @Test
    void shouldRefuseLiftKey_forAnActionWithoutReversal() {
        ActionRecord monitoring = new ActionRecord(9L, "threat-1", ActionType.RAISE_MONITORING,
                ActionPurpose.CONTAINMENT, "legacy-hr-01", ActionStatus.VERIFIED, 1, "k", "remediation-1", "detail",
                Instant.parse("2025-06-01T10:00:00Z"), null);

        assertThatThrownBy(() -> ActionKey.lift(monitoring, "remediation-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RAISE_MONITORING");
    }

    @Test
    void shouldRenderNotificationKey_asStoredBefore() {
        assertThat(ActionKey.notification("threat-1", "remediation-1").value())
                .isEqualTo("threat-1/NOTIFICATION/NOTIFY_STAKEHOLDERS/case-remediation-1/response-planned");
    }

    @Test
    void shouldRenderItsValue_asItsStringForm() {
        ActionKey key = ActionKey.notification("threat-1", "remediation-1");

        assertThat(key).hasToString(key.value());
    }

    @Test
    void shouldGiveALaterCaseOtherKeys_thanAnEarlierCaseForTheSameThreat() {
        ActionKey earlier = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, "remediation-1", 1, 1);
        ActionKey later = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, "remediation-2", 1, 1);

        assertThat(later).isNotEqualTo(earlier);
        assertThat(later.value()).isNotEqualTo(earlier.value());
    }

    @Test
    void shouldRequireACase() {
        assertThatThrownBy(() -> ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, null, 1, 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("caseId");
    }
}
