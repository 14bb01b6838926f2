package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_OUTCOME;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_SUMMARY;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.mitigation.MitigationProcess.REVIEW_COMMENT;
import static io.threatflow.mitigation.MitigationProcess.RISK_REMINDER_DUE;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_DATE;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_DUE;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordRiskAcceptanceDelegateTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private final ThreatService threats = mock(ThreatService.class);
    private final RiskAcceptanceRepository acceptances = mock(RiskAcceptanceRepository.class);
    private final RecordRiskAcceptanceDelegate delegate =
            new RecordRiskAcceptanceDelegate(threats, acceptances, new RiskSettings(null, null),
                    Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldRecordAcceptance_closeThreatAsMitigated_andReportOutcome() {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1",
                RISK_REVIEW_DATE.name(), "2026-03-31", REVIEWED_BY.name(), "mallory",
                MITIGATION_SUMMARY.name(), "RAISE_MONITORING on legacy-hr-01: VERIFIED (raised)",
                REVIEW_COMMENT.name(), "replacement ordered"));

        delegate.execute(execution);

        verify(acceptances).insert(new RiskAcceptance("threat-1", "mallory", LocalDate.of(2026, 3, 31),
                "RAISE_MONITORING on legacy-hr-01: VERIFIED (raised)", "replacement ordered", NOW));
        verify(threats).changeStatus("threat-1", ThreatStatus.MITIGATED);
        assertThat(MITIGATION_OUTCOME.from(execution)).isEqualTo("RISK_ACCEPTED");
        assertThat(RISK_REVIEW_DUE.from(execution)).isEqualTo(Date.from(Instant.parse("2026-03-31T00:00:00Z")));
        assertThat(RISK_REMINDER_DUE.from(execution)).isEqualTo(Date.from(Instant.parse("2026-03-24T00:00:00Z")));
    }

    @Test
    void shouldRemindAtOnce_whenTheReviewDateIsCloserThanTheReminder() {
        DelegateExecution execution = reviewOn("2025-06-03");

        delegate.execute(execution);

        assertThat(RISK_REVIEW_DUE.from(execution)).isEqualTo(Date.from(Instant.parse("2025-06-03T00:00:00Z")));
        assertThat(RISK_REMINDER_DUE.from(execution)).isEqualTo(Date.from(NOW));
    }

    @Test
    void shouldReadDatePart_whenReviewDateComesWithTime() {
        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1",
                RISK_REVIEW_DATE.name(), " 2025-06-02T00:00:00Z ")));

        verify(acceptances).insert(new RiskAcceptance("threat-1", "unknown", LocalDate.of(2025, 6, 2), null, null,
                NOW));
    }

    @Test
    void shouldReadDatePart_whenReviewDateIsATimestampWithOffset() {
        delegate.execute(reviewOn("2027-03-31T10:00:00+02:00"));

        verify(acceptances).insert(new RiskAcceptance("threat-1", "unknown", LocalDate.of(2027, 3, 31), null, null,
                NOW));
        verify(threats).changeStatus("threat-1", ThreatStatus.MITIGATED);
    }

    @Test
    void shouldNameRiskReviewDate_whenItIsMissing() {
        assertRejected(execution(Map.of(THREAT_ID.name(), "threat-1")),
                "'riskReviewDate' is required to accept a residual risk");
    }

    @Test
    void shouldNameRiskReviewDate_whenItIsBlank() {
        assertRejected(reviewOn("  "), "'riskReviewDate' is required to accept a residual risk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"next spring", "31.03.2027", "2027-3-31", "2027-02-30", "2027-03-311", "2027-03-31x",
            "2027-03-31 10:00", "2027-03-31T10:00:00", "2027-03-31T25:00:00Z"})
    void shouldNameRiskReviewDate_whenItIsNoDate(String value) {
        assertRejected(reviewOn(value), "'riskReviewDate' must be a date like 2027-03-31, not '" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-06-01", "2025-05-31", "2020-01-01"})
    void shouldNameRiskReviewDate_whenItIsNotInTheFuture(String value) {
        assertRejected(reviewOn(value), "'riskReviewDate' must be in the future, not " + value);
    }

    private static DelegateExecution reviewOn(String value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(THREAT_ID.name(), "threat-1");
        variables.put(RISK_REVIEW_DATE.name(), value);
        return execution(variables);
    }

    private void assertRejected(DelegateExecution execution, String message) {
        assertThatThrownBy(() -> delegate.execute(execution))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage(message);
        verifyNoInteractions(acceptances, threats);
        assertThat(execution.getVariables()).doesNotContainKey(MITIGATION_OUTCOME.name());
    }
}
