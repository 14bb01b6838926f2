package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.PREVIOUS_RISK_REVIEW;
import static io.threatflow.mitigation.MitigationProcess.REFUSAL_FOLLOW_UP;
import static io.threatflow.mitigation.MitigationProcess.RESIDUAL_RISK_ACCEPTED;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.mitigation.MitigationProcess.REVIEW_COMMENT;
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

    @Test
    void shouldStartTheNextReviewEmpty_andKeepWhatTheRefusalSaidInWords() {
        DelegateExecution execution = execution(Map.of(RESIDUAL_RISK_ACCEPTED.name(), false,
                REFUSAL_FOLLOW_UP.name(), "STRONGER_MEASURES", REVIEW_COMMENT.name(), "isolate it instead",
                REVIEWED_BY.name(), "mary"));

        delegate.execute(execution);

        assertThat(execution.getVariable(RESIDUAL_RISK_ACCEPTED.name())).isNull();
        assertThat(execution.getVariable(REFUSAL_FOLLOW_UP.name())).isNull();
        assertThat(execution.getVariable(REVIEW_COMMENT.name())).isNull();
        assertThat(PREVIOUS_RISK_REVIEW.from(execution))
                .isEqualTo("mary refused the residual risk and asked for stronger measures: isolate it instead");
    }
}
