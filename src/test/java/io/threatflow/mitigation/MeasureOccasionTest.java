package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threatflow.action.ActionPurpose;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class MeasureOccasionTest {

    @Test
    void shouldBeContainment_whenModeIsContainment() {
        MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(MITIGATION_MODE.name(), "CONTAINMENT",
                MITIGATION_LEVEL.name(), 1)));

        assertThat(occasion).isEqualTo(new MeasureOccasion(ActionPurpose.CONTAINMENT, "containment-level-1"));
    }

    @Test
    void shouldBeMitigation_withLevelInKey_whenModeIsLongTerm() {
        MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(MITIGATION_MODE.name(), "LONG_TERM",
                MITIGATION_LEVEL.name(), 3)));

        assertThat(occasion).isEqualTo(new MeasureOccasion(ActionPurpose.MITIGATION, "long_term-level-3"));
    }

    @Test
    void shouldDefaultToLevelOne_whenLevelIsNotSet() {
        MeasureOccasion occasion = MeasureOccasion.of(execution(Map.of(MITIGATION_MODE.name(), "LONG_TERM")));

        assertThat(occasion.key()).isEqualTo("long_term-level-1");
    }

    @Test
    void shouldFailNamingMode_whenModeIsNotSet() {
        assertThatThrownBy(() -> MeasureOccasion.of(execution(Map.of(MITIGATION_LEVEL.name(), 1))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("'mitigationMode'");
    }
}
