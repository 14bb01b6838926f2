package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.*;

import io.threatflow.access.Groups;
import io.threatflow.action.NotificationPort;
import io.threatflow.action.NotificationPort.Audience;
import io.threatflow.action.NotificationPort.Notification;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RemindRiskReview}: the review date of an accepted risk is near ({@code threatflow.risk.reminder-before});
 * tells the managers through the notification port (and so the notification outbox) which risk comes back when.
 */
@Component("remindRiskReview")
class RemindRiskReviewDelegate implements JavaDelegate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final NotificationPort notifications;

    RemindRiskReviewDelegate(NotificationPort notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String due = DAY.format(RISK_REVIEW_DUE.from(execution).toInstant());
        notifications.send(new Notification(THREAT_ID.from(execution), Audience.groups(Groups.MANAGERS),
                "Accepted risk due for review on " + due + ": " + THREAT_TITLE.from(execution, THREAT_ID.from(execution)),
                ("The residual risk of '%s' on %s (%s) was accepted by %s until %s. On that date ThreatFlow re-checks "
                        + "the threat: if it is gone the case closes as eliminated, otherwise a manager reviews the risk "
                        + "again (accept until a new date, or send the threat back to remediation).")
                        .formatted(THREAT_TITLE.from(execution, "the threat"), ASSET_NAME.from(execution, "its asset"),
                                SEVERITY.optionalFrom(execution).map(Enum::name).orElse("severity unknown"),
                                REVIEWED_BY.from(execution, "a manager"), due)));
    }
}
