package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.engine.Actors;
import io.threatflow.engine.FormAnswers;
import io.threatflow.remediation.RemediationProcess.OverdueDecision;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_DecideOnOverdueThreat}: checks the manager's decision before the case acts
 * on it, and writes it as {@code overdueDecisionTaken}, which the gateway 'Decision?' reads. A refusal fails the
 * completion, so Tasklist shows the message and the task stays open.
 */
@Component("recordOverdueDecision")
class RecordOverdueDecisionListener implements TaskListener {

    /** Camunda user and group ids. */
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*");

    private static final Pattern UTC_MINUTE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    private final Clock clock;

    RecordOverdueDecisionListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        OverdueDecision decision = FormAnswers.choice(task, OVERDUE_DECISION.name(), OverdueDecision.class, null);
        switch (decision) {
            case EXTEND -> EXTENDED_RESOLVE_DUE.set(task, Date.from(newResolveDue(NEW_RESOLVE_DUE.optionalFrom(task)
                    .orElse(null))));
            case REASSIGN -> checkReassignment(blankToNull(REASSIGN_ASSIGNEE.optionalFrom(task).orElse(null)),
                    blankToNull(REASSIGN_GROUP.optionalFrom(task).orElse(null)));
            case MITIGATE -> { }
        }
        OVERDUE_DECIDED_BY.set(task, Actors.completing(task));
        OVERDUE_DECISION_TAKEN.set(task, decision);
    }

    private Instant newResolveDue(Object value) {
        Instant due;
        if (value instanceof Date date) {
            due = date.toInstant();
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                String trimmed = text.trim();
                // the form's field takes "2027-03-31 17:00", in UTC; an API client may send a full ISO timestamp
                due = UTC_MINUTE.matcher(trimmed).matches()
                        ? LocalDateTime.parse(trimmed.replace(' ', 'T')).toInstant(ZoneOffset.UTC)
                        : OffsetDateTime.parse(trimmed).toInstant();
            } catch (DateTimeParseException e) {
                throw new ProcessEngineException("'" + NEW_RESOLVE_DUE.name()
                        + "' must be a date and time in UTC like 2027-03-31 17:00, not '" + text + "'");
            }
        } else {
            throw new ProcessEngineException("'" + NEW_RESOLVE_DUE.name() + "' is required to extend the due date");
        }
        if (!due.isAfter(clock.instant())) {
            throw new ProcessEngineException("'" + NEW_RESOLVE_DUE.name() + "' must be in the future, not " + due);
        }
        return due;
    }

    private static void checkReassignment(String assignee, String group) {
        if (assignee == null && group == null) {
            throw new ProcessEngineException("'" + REASSIGN_ASSIGNEE.name() + "' or '" + REASSIGN_GROUP.name()
                    + "' is required to reassign the open tasks");
        }
        checkId(REASSIGN_ASSIGNEE.name(), assignee);
        checkId(REASSIGN_GROUP.name(), group);
    }

    private static void checkId(String field, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            throw new ProcessEngineException("'" + field + "' must be a user or group id of letters, digits and "
                    + "dashes, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
