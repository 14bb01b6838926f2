package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.*;

import io.threatflow.engine.Actors;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordRiskAcceptance} and {@code Task_RenewRiskAcceptance}: records who accepted which residual risk
 * until when, and closes the threat as mitigated (a renewal finds it closed so already). Sets when the review is
 * due ({@code riskReviewDue}, the start of the review date in UTC) and when the managers are reminded
 * ({@code riskReminderDue}, {@code threatflow.risk.reminder-before} earlier, not before now).
 */
@Component("recordRiskAcceptance")
class RecordRiskAcceptanceDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final RiskAcceptanceRepository acceptances;
    private final RiskSettings settings;
    private final Clock clock;

    RecordRiskAcceptanceDelegate(ThreatService threats, RiskAcceptanceRepository acceptances, RiskSettings settings,
                                 Clock clock) {
        this.threats = threats;
        this.acceptances = acceptances;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String threatId = THREAT_ID.from(execution);
        LocalDate reviewDate = ReviewDates.parse(RISK_REVIEW_DATE.optionalFrom(execution).orElse(null), clock);
        Instant now = clock.instant();
        acceptances.insert(new RiskAcceptance(threatId, REVIEWED_BY.from(execution, Actors.UNKNOWN), reviewDate,
                MITIGATION_SUMMARY.from(execution, null), REVIEW_COMMENT.from(execution, null), now));
        if (!TASK_RENEW_RISK_ACCEPTANCE.equals(execution.getCurrentActivityId())) {
            threats.changeStatus(threatId, ThreatStatus.MITIGATED);
        }
        Instant due = ReviewDates.due(reviewDate);
        Instant remind = due.minus(settings.reminderBefore());
        RISK_REVIEW_DUE.set(execution, Date.from(due));
        RISK_REMINDER_DUE.set(execution, Date.from(remind.isBefore(now) ? now : remind));
        MITIGATION_OUTCOME.set(execution, Outcome.RISK_ACCEPTED.name());
    }
}
