package io.threatflow.action;

import io.threatflow.action.NotificationPort.Audience;
import io.threatflow.action.NotificationPort.Notification;
import io.threatflow.engine.ProcessVariable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The boundary timer on a receive task that waits for an action's result fired: tells the managers which system
 * has not answered for how long, so that someone chases it. The case goes on waiting; a manager who gives up on
 * the action decides on the overdue threat (mitigate) as with any other stuck case.
 */
@Component("escalateStalledAction")
class EscalateStalledActionDelegate implements JavaDelegate {

    /** The Camunda group of the SOC managers ({@code access.Groups.MANAGERS}, which this package may not import). */
    static final String MANAGERS = "managers";
    private static final ProcessVariable<String> THREAT_ID = ProcessVariable.of("threatId", String.class);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PendingActions pending;
    private final NotificationPort notifications;

    EscalateStalledActionDelegate(PendingActions pending, NotificationPort notifications) {
        this.pending = pending;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String actionId = PendingActions.PENDING_ACTION_ID.from(execution);
        ActionRecord action = pending.find(actionId).orElseThrow(() -> new IllegalStateException(
                "the case waits for the result of action " + actionId + ", which the action log does not hold"));
        notifications.send(new Notification(THREAT_ID.from(execution), Audience.groups(MANAGERS),
                "No result yet: " + action.action().label() + " on " + action.target(),
                ("Requested at %s and accepted for later; no result has been posted since. What the system said: %s. "
                        + "The case waits for the result (action id %s). Chase the system's owners, or decide on the "
                        + "threat when it is overdue.").formatted(AT.format(action.performedAt()), action.detail(),
                        actionId)));
    }
}
