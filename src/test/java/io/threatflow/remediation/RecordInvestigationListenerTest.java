package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ELIMINABLE;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATED_BY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeTask.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.threatflow.threat.Phase;
import io.threatflow.threat.ThreatService;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

class RecordInvestigationListenerTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final RecordInvestigationListener listener = new RecordInvestigationListener(threats);

    @Test
    void shouldRecordInvestigator_andMarkInvestigated() {
        DelegateTask task = task(Map.of(THREAT_ID.name(), "threat-1"), "bob", "alice");

        listener.notify(task);

        assertThat(INVESTIGATED_BY.from(task)).isEqualTo("alice");
        verify(threats).markPhase("threat-1", Phase.INVESTIGATED);
    }

    @Test
    void shouldSetEliminable_whenInvestigationIsCompletedWithoutIt() {
        DelegateTask task = task(Map.of(THREAT_ID.name(), "threat-1"), "bob", "alice");

        listener.notify(task);

        assertThat(RemediationProcess.INVESTIGATION_OUTCOME.from(task))
                .isEqualTo(RemediationProcess.InvestigationOutcome.ELIMINABLE);
    }

    @Test
    void shouldKeepTheAnalystsAnswer_onEliminable() {
        DelegateTask task = task(Map.of(THREAT_ID.name(), "threat-1", ELIMINABLE.name(), false), "bob", "alice");

        listener.notify(task);

        assertThat(RemediationProcess.INVESTIGATION_OUTCOME.from(task))
                .isEqualTo(RemediationProcess.InvestigationOutcome.NOT_ELIMINABLE);
    }

    @Test
    void shouldRefuseAnAnswerOnEliminableThatIsNotYesOrNo() {
        assertThatThrownBy(() -> listener.notify(
                task(Map.of(THREAT_ID.name(), "threat-1", ELIMINABLE.name(), 1), "bob", "alice")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'eliminable' must be true or false, not '1'");
    }
}
