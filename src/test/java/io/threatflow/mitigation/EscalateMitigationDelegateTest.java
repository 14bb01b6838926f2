package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class EscalateMitigationDelegateTest {

    private final EscalateMitigationDelegate delegate = new EscalateMitigationDelegate();

    @Test
    void shouldRaiseLevelByOne() {
        DelegateExecution execution = execution(Map.of(MITIGATION_LEVEL.name(), 2));

        delegate.execute(execution);

        assertThat(MITIGATION_LEVEL.from(execution)).isEqualTo(3);
    }

    @Test
    void shouldRaiseToLevelTwo_whenNoLevelIsSet() {
        DelegateExecution execution = execution(Map.of());

        delegate.execute(execution);

        assertThat(MITIGATION_LEVEL.from(execution)).isEqualTo(2);
    }
}
