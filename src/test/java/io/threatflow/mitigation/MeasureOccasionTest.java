package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.CASE_ID;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionType;
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
                new MeasureOccasion(ActionPurpose.CONTAINMENT, "remediation-1", "process-instance-1", "CONTAINMENT", 1));
        assertThat(occasion.keyFor("threat-1", ActionType.ISOLATE_HOST).value()).isEqualTo(
                "threat-1/CONTAINMENT/ISOLATE_HOST/case-remediation-1/mitigation-process-instance-1/containment-level-1");
    }

    @Test
    void shouldBeMitigation_withLevelInKey_whenModeIsLongTerm() {
        MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                MITIGATION_MODE.name(), "LONG_TERM", MITIGATION_LEVEL.name(), 3)));

        assertThat(occasion).isEqualTo(
                new MeasureOccasion(ActionPurpose.MITIGATION, "remediation-1", "process-instance-1", "LONG_TERM", 3));
        assertThat(occasion.keyFor("threat-1", ActionType.RAISE_MONITORING).value()).isEqualTo(
                "threat-1/MITIGATION/RAISE_MONITORING/case-remediation-1/mitigation-process-instance-1/long_term-level-3");
    }

    @Test
    void shouldDefaultToLevelOne_whenLevelIsNotSet() {
        MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                MITIGATION_MODE.name(), "LONG_TERM")));

        assertThat(isolationKey(occasion))
                .isEqualTo("threat-1/MITIGATION/ISOLATE_HOST/case-remediation-1/mitigation-process-instance-1/long_term-level-1");
    }

    @Test
    void shouldGiveALaterCaseOtherKey_forTheSameModeAndLevel() {
        MeasureOccasion earlier = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                MITIGATION_MODE.name(), "CONTAINMENT", MITIGATION_LEVEL.name(), 1)));
        MeasureOccasion later = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-2",
                MITIGATION_MODE.name(), "CONTAINMENT", MITIGATION_LEVEL.name(), 1)));

        assertThat(isolationKey(later))
                .isEqualTo("threat-1/CONTAINMENT/ISOLATE_HOST/case-remediation-2/mitigation-process-instance-1/containment-level-1")
                .isNotEqualTo(isolationKey(earlier));
    }

    @Test
    void shouldGiveASecondMitigationOfTheSameCaseOtherKey_afterReinvestigation() {
        Map<String, Object> variables = Map.of(CASE_ID.name(), "remediation-1", MITIGATION_MODE.name(), "LONG_TERM",
                MITIGATION_LEVEL.name(), 1);
        MeasureOccasion first = MeasureOccasion.of(execution(variables, "threat-1", "mitigation-a"));
        MeasureOccasion second = MeasureOccasion.of(execution(variables, "threat-1", "mitigation-b"));

        assertThat(isolationKey(second))
                .isEqualTo("threat-1/MITIGATION/ISOLATE_HOST/case-remediation-1/mitigation-mitigation-b/long_term-level-1")
                .isNotEqualTo(isolationKey(first));
    }

    @Test
    void shouldKeepKey_whateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(CASE_ID.name(), "remediation-1",
                    MITIGATION_MODE.name(), "CONTAINMENT", MITIGATION_LEVEL.name(), 1)));

            assertThat(isolationKey(occasion))
                    .isEqualTo("threat-1/CONTAINMENT/ISOLATE_HOST/case-remediation-1/mitigation-process-instance-1/containment-level-1");
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

    private static String isolationKey(MeasureOccasion occasion) {
        return occasion.keyFor("threat-1", ActionType.ISOLATE_HOST).value();
    }
}
