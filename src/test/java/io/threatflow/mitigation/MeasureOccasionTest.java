package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.CASE_ID;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threatflow.action.ActionPurpose;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class MeasureOccasionTest {

    @Test
    void shouldBeContainment_whenModeIsContainment() {
        MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                MITIGATION_MODE.name(), "CONTAINMENT", MITIGATION_LEVEL.name(), 1)));

        assertThat(occasion).isEqualTo(
                new MeasureOccasion(ActionPurpose.CONTAINMENT, "case-remediation-1/mitigation-process-instance-1/containment-level-1"));
    }

    @Test
    void shouldBeMitigation_withLevelInKey_whenModeIsLongTerm() {
        MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                MITIGATION_MODE.name(), "LONG_TERM", MITIGATION_LEVEL.name(), 3)));

        assertThat(occasion).isEqualTo(
                new MeasureOccasion(ActionPurpose.MITIGATION, "case-remediation-1/mitigation-process-instance-1/long_term-level-3"));
    }

    @Test
    void shouldDefaultToLevelOne_whenLevelIsNotSet() {
        MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                MITIGATION_MODE.name(), "LONG_TERM")));

        assertThat(occasion.key()).isEqualTo("case-remediation-1/mitigation-process-instance-1/long_term-level-1");
    }

    @Test
    void shouldGiveALaterCaseOtherKey_forTheSameModeAndLevel() {
        MeasureOccasion earlier = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                MITIGATION_MODE.name(), "CONTAINMENT", MITIGATION_LEVEL.name(), 1)));
        MeasureOccasion later = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-2",
                MITIGATION_MODE.name(), "CONTAINMENT", MITIGATION_LEVEL.name(), 1)));

        assertThat(later.key()).isEqualTo("case-remediation-2/mitigation-process-instance-1/containment-level-1").isNotEqualTo(earlier.key());
    }

    @Test
    void shouldGiveASecondMitigationOfTheSameCaseOtherKey_afterReinvestigation() {
        Map<String, Object> variables = Map.of(CASE_ID.name(), "remediation-1", MITIGATION_MODE.name(), "LONG_TERM",
                MITIGATION_LEVEL.name(), 1);
        MeasureOccasion first = MeasureOccasion.of(execution(variables, "threat-1", "mitigation-a"));
        MeasureOccasion second = MeasureOccasion.of(execution(variables, "threat-1", "mitigation-b"));

        assertThat(second.key()).isEqualTo("case-remediation-1/mitigation-mitigation-b/long_term-level-1")
                .isNotEqualTo(first.key());
    }

    @Test
    void shouldKeepKey_whateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                    MITIGATION_MODE.name(), "CONTAINMENT", MITIGATION_LEVEL.name(), 1)));

            assertThat(occasion.key()).isEqualTo("case-remediation-1/mitigation-process-instance-1/containment-level-1");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shouldFailNamingMode_whenModeIsNotSet() {
        assertThatThrownBy(() -> MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                MITIGATION_LEVEL.name(), 1))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("'mitigationMode'");
    }

    @Test
    void shouldFailNamingCaseId_whenCaseIsNotSet() {
        assertThatThrownBy(() -> MeasureOccasion.of(execution(Map.of(MITIGATION_MODE.name(), "CONTAINMENT",
                MITIGATION_LEVEL.name(), 1))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("'caseId'");
    }
}
