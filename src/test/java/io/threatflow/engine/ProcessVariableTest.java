package io.threatflow.engine;

import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

    enum Level { LOW, HIGH }

    private static final ProcessVariable<Level> LEVEL = ProcessVariable.ofEnum("level", Level.class);
    private static final ProcessVariable<Level> TYPED_LEVEL = ProcessVariable.ofEnumIgnoringCase("typedLevel", Level.class);
    private static final ProcessVariable<List<String>> NAMES = ProcessVariable.ofList("names", String.class);

    private final DelegateExecution execution = execution(Map.of());

    @Test
    void shouldStoreEnumAsItsName_andReadItBackAsTheConstant() {
        LEVEL.set(execution, Level.HIGH);

        assertThat(execution.getVariable("level")).isEqualTo("HIGH");
        assertThat(LEVEL.from(execution)).isSameAs(Level.HIGH);
        assertThat(LEVEL.putIn(Variables.createVariables(), Level.LOW)).containsEntry("level", "LOW");
    }

    @Test
    void shouldReadWholeNumbersThatFit_andRefuseOthersRatherThanWrapOrCut() {
        ProcessVariable<Integer> port = ProcessVariable.of("port", Integer.class);

        assertThat(port.from(execution(Map.of("port", 443L)))).isEqualTo(443);
        assertThat(port.from(execution(Map.of("port", 443.0)))).isEqualTo(443);
        for (Object wrong : List.of(4294967376L, 80.5, Long.MAX_VALUE, Double.NaN)) {
            assertThatThrownBy(() -> port.from(execution(Map.of("port", wrong)))).as("%s", wrong)
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("port");
        }
    }

    @Test
    void shouldStoreAndReadNull_asNotSet() {
        LEVEL.set(execution, null);
        NAMES.set(execution, null);

        assertThat(execution.getVariables()).containsEntry("level", null).containsEntry("names", null);
        assertThat(LEVEL.optionalFrom(execution)).isEmpty();
        assertThat(LEVEL.from(execution, Level.LOW)).isEqualTo(Level.LOW);
        assertThat(NAMES.optionalFrom(execution)).isEmpty();
        assertThatThrownBy(() -> LEVEL.from(execution))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("process variable 'level' is not set");
    }

    @Test
    void shouldNameVariableAndConstants_whenStoredNameIsNotExactlyAConstant() {
        for (String stored : List.of("MEDIUM", "high", " HIGH", "")) {
            assertThatThrownBy(() -> LEVEL.from(execution(Map.of("level", stored))))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessage("'level' must be one of [LOW, HIGH], not '" + stored + "'");
        }
    }

    @Test
    void shouldNameVariable_whenStoredValueIsNoString() {
        assertThatThrownBy(() -> LEVEL.from(execution(Map.of("level", 2L))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("process variable 'level' is a Long, expected String (a name of Level)");
    }

    @Test
    void shouldReadTypedEnum_ignoringCaseAndBlanks_andBlankAsNotSet() {
        assertThat(TYPED_LEVEL.from(execution(Map.of("typedLevel", " high ")))).isSameAs(Level.HIGH);
        assertThat(TYPED_LEVEL.optionalFrom(execution(Map.of("typedLevel", "  ")))).isEmpty();
        assertThatThrownBy(() -> TYPED_LEVEL.from(execution(Map.of("typedLevel", "urgent"))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("'typedLevel' must be one of [LOW, HIGH], not 'urgent'");

        TYPED_LEVEL.set(execution, Level.LOW);
        assertThat(execution.getVariable("typedLevel")).isEqualTo("LOW");
    }

    @Test
    void shouldStoreListAsArrayList_asADecisionsCollectedResultIs_andReadItBack() {
        NAMES.set(execution, List.of("RAISE_MONITORING", "ISOLATE_HOST"));

        assertThat(execution.getVariable("names")).isExactlyInstanceOf(ArrayList.class);
        assertThat(NAMES.from(execution)).containsExactly("RAISE_MONITORING", "ISOLATE_HOST");
    }

    @Test
    void shouldReadListUnmodifiable_soThatNoChangeSlipsIntoTheEngineUnwritten() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("names", new ArrayList<>(List.of("RAISE_MONITORING")));

        List<String> names = NAMES.from(execution(variables));

        assertThatThrownBy(() -> names.add("ISOLATE_HOST")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldNameVariable_whenStoredListHoldsAnotherType_orIsNoList() {
        assertThatThrownBy(() -> NAMES.from(execution(Map.of("names", List.of("RAISE_MONITORING", 7)))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("process variable 'names' holds a Integer, expected only String");
        assertThatThrownBy(() -> NAMES.from(execution(Map.of("names", "RAISE_MONITORING"))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("process variable 'names' is a String, expected List of String");
    }
}
