package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.*;

import io.threatflow.engine.Actors;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordRiskAcceptance}: records who accepted which residual risk until when, and closes the
 * threat as mitigated.
 */
@Component("recordRiskAcceptance")
class RecordRiskAcceptanceDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final RiskAcceptanceRepository acceptances;
    private final Clock clock;

    RecordRiskAcceptanceDelegate(ThreatService threats, RiskAcceptanceRepository acceptances, Clock clock) {
        this.threats = threats;
        this.acceptances = acceptances;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String threatId = THREAT_ID.from(execution);
        LocalDate reviewDate = reviewDate(RISK_REVIEW_DATE.optionalFrom(execution).orElse(null));
        acceptances.insert(new RiskAcceptance(threatId, REVIEWED_BY.from(execution, Actors.UNKNOWN), reviewDate,
                MITIGATION_SUMMARY.from(execution, null), REVIEW_COMMENT.from(execution, null), clock.instant()));
        threats.changeStatus(threatId, ThreatStatus.MITIGATED);
        MITIGATION_OUTCOME.set(execution, Outcome.RISK_ACCEPTED.name());
    }

    private LocalDate reviewDate(String value) {
        if (value == null || value.isBlank()) {
            throw new ProcessEngineException("'" + RISK_REVIEW_DATE.name() + "' is required to accept a residual risk");
        }
        try {
            LocalDate date = parseDate(value.trim());
            if (!date.isAfter(LocalDate.now(clock))) {
                throw new ProcessEngineException("'" + RISK_REVIEW_DATE.name() + "' must be in the future, not " + date);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new ProcessEngineException("'" + RISK_REVIEW_DATE.name() + "' must be a date like 2027-03-31, not '"
                    + value + "'");
        }
    }

    /** A date as the Tasklist date field sends it, or a full timestamp from an API client. */
    private static LocalDate parseDate(String value) {
        return value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
    }
}
