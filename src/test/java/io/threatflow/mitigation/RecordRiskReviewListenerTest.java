package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.RESIDUAL_RISK_ACCEPTED;
import static io.threatflow.mitigation.MitigationProcess.REFUSAL_FOLLOW_UP;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_DATE;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_OUTCOME;
import static io.threatflow.mitigation.MitigationProcess.SEVERITY;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.testing.FakeTask.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.threatflow.mitigation.MitigationProcess.RiskReviewOutcome;
import io.threatflow.threat.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

class RecordRiskReviewListenerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-10T09:00:00Z"), ZoneOffset.UTC);

    private final RiskAcceptanceHorizon horizon = mock(RiskAcceptanceHorizon.class);
    private final RiskAcceptanceRepository acceptances = mock(RiskAcceptanceRepository.class);
    private final RecordRiskReviewListener listener = new RecordRiskReviewListener(horizon, acceptances, CLOCK);

    @Test
    void shouldRecordAuthenticatedManager_asReviewer() {
        DelegateTask task = task(Map.of(), null, "mallory");

        listener.notify(task);

        assertThat(REVIEWED_BY.from(task)).isEqualTo("mallory");
    }

    @Test
    void shouldRecordAssignee_whenNobodyIsAuthenticated() {
        DelegateTask task = task(Map.of(), "mallory", null);

        listener.notify(task);

        assertThat(REVIEWED_BY.from(task)).isEqualTo("mallory");
    }

    @Test
    void shouldRefuseAndReinvestigate_whenReviewIsCompletedWithoutADecision() {
        DelegateTask task = task(Map.of(), null, "mallory");

        listener.notify(task);

        assertThat(RISK_REVIEW_OUTCOME.from(task)).isEqualTo(RiskReviewOutcome.REINVESTIGATE);
    }

    @Test
    void shouldAccept_whenResidualRiskIsAccepted_whateverTheFollowUpSays() {
        DelegateTask task = task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), true, REFUSAL_FOLLOW_UP.name(), "STRONGER_MEASURES",
                RISK_REVIEW_DATE.name(), "2027-03-31", SEVERITY.name(), "HIGH"), null, "mallory");

        listener.notify(task);

        assertThat(RISK_REVIEW_OUTCOME.from(task)).isEqualTo(RiskReviewOutcome.ACCEPTED);
        verify(horizon).check(Severity.HIGH, LocalDate.of(2027, 3, 31), LocalDate.of(2027, 1, 10));
        verifyNoInteractions(acceptances);
    }

    @Test
    void shouldRefuseAnAcceptance_withoutAReviewDateInTheFuture() {
        assertThatThrownBy(() -> listener.notify(task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), true), null, "mallory")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'riskReviewDate' is required to accept a residual risk");
        assertThatThrownBy(() -> listener.notify(task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), true,
                RISK_REVIEW_DATE.name(), "2027-01-10"), null, "mallory")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'riskReviewDate' must be in the future, not 2027-01-10");
        verifyNoInteractions(horizon);
    }

    @Test
    void shouldRefuseAnAcceptance_beyondTheHorizon_andRecordNothing() {
        doThrow(new BadUserRequestException("'riskReviewDate' may be at most 30 days ahead")).when(horizon)
                .check(any(), any(), any());
        DelegateTask task = task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), true, RISK_REVIEW_DATE.name(), "2027-03-31",
                SEVERITY.name(), "CRITICAL"), null, "mallory");
        when(task.getTaskDefinitionKey()).thenReturn(MitigationProcess.TASK_REVIEW_ACCEPTED_RISK);

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("riskReviewDate");
        assertThat(task.getVariables()).doesNotContainKey(RISK_REVIEW_OUTCOME.name());
        verifyNoInteractions(acceptances);
    }

    @Test
    void shouldEndTheAcceptance_whenAnAcceptedRiskIsReviewed() {
        DelegateTask renewed = task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), true, RISK_REVIEW_DATE.name(), "2027-03-31",
                THREAT_ID.name(), "threat-1"), null, "mallory");
        when(renewed.getTaskDefinitionKey()).thenReturn(MitigationProcess.TASK_REVIEW_ACCEPTED_RISK);
        DelegateTask sentBack = task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), false, THREAT_ID.name(), "threat-2"),
                null, "mallory");
        when(sentBack.getTaskDefinitionKey()).thenReturn(MitigationProcess.TASK_REVIEW_ACCEPTED_RISK);

        listener.notify(renewed);
        listener.notify(sentBack);

        verify(horizon).check(Severity.MEDIUM, LocalDate.of(2027, 3, 31), LocalDate.of(2027, 1, 10));
        verify(acceptances).end("threat-1", RiskAcceptance.Ended.RENEWED, CLOCK.instant());
        verify(acceptances).end("threat-2", RiskAcceptance.Ended.SENT_BACK, CLOCK.instant());
        assertThat(RISK_REVIEW_OUTCOME.from(sentBack)).isEqualTo(RiskReviewOutcome.REINVESTIGATE);
    }

    @Test
    void shouldFollowTheManagersChoice_whenResidualRiskIsRefused() {
        DelegateTask task = task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), false, REFUSAL_FOLLOW_UP.name(), "STRONGER_MEASURES"),
                null, "mallory");

        listener.notify(task);

        assertThat(RISK_REVIEW_OUTCOME.from(task)).isEqualTo(RiskReviewOutcome.STRONGER_MEASURES);
    }

    @Test
    void shouldRefuseAnAnswerThatIsNotOnTheForm() {
        assertThatThrownBy(() -> listener.notify(task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), "accepted"), null, "mallory")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'residualRiskAccepted' must be true or false, not 'accepted'");
        assertThatThrownBy(() -> listener.notify(task(Map.of(REFUSAL_FOLLOW_UP.name(), "IGNORE"), null, "mallory")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'refusalFollowUp' must be one of [STRONGER_MEASURES, REINVESTIGATE], not 'IGNORE'");
    }
}
