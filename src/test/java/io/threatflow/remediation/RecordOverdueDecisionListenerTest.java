package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static io.threatflow.testing.FakeTask.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

class RecordOverdueDecisionListenerTest {

    private static final Instant NOW = Instant.parse("2026-03-09T10:00:00Z");
    private final RecordOverdueDecisionListener listener =
            new RecordOverdueDecisionListener(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldKeepNewDueDateAndDecider_whenExtendingIntoTheFuture() {
        DelegateTask task = task(Map.of(OVERDUE_DECISION.name(), "EXTEND", NEW_RESOLVE_DUE.name(),
                "2026-03-12T10:00+01:00"), null, "manager");

        listener.notify(task);

        assertThat(EXTENDED_RESOLVE_DUE.from(task)).isEqualTo(Date.from(Instant.parse("2026-03-12T09:00:00Z")));
        assertThat(OVERDUE_DECIDED_BY.from(task)).isEqualTo("manager");
    }

    @Test
    void shouldTakeTheFormsDateAndTime_inUtc() {
        DelegateTask task = task(Map.of(OVERDUE_DECISION.name(), "EXTEND", NEW_RESOLVE_DUE.name(), "2026-03-12 10:00"),
                null, "manager");

        listener.notify(task);

        assertThat(EXTENDED_RESOLVE_DUE.from(task)).isEqualTo(Date.from(Instant.parse("2026-03-12T10:00:00Z")));
    }

    @Test
    void shouldRefuse_whenExtensionIsMissingPastOrMalformed() {
        assertThatThrownBy(() -> listener.notify(task(Map.of(OVERDUE_DECISION.name(), "EXTEND"), null, null)))
                .isInstanceOf(ProcessEngineException.class).hasMessage("'newResolveDue' is required to extend the due date");
        assertThatThrownBy(() -> listener.notify(task(Map.of(OVERDUE_DECISION.name(), "EXTEND",
                NEW_RESOLVE_DUE.name(), "2026-03-09T09:59:00Z"), null, null)))
                .hasMessage("'newResolveDue' must be in the future, not 2026-03-09T09:59:00Z");
        assertThatThrownBy(() -> listener.notify(task(Map.of(OVERDUE_DECISION.name(), "EXTEND",
                NEW_RESOLVE_DUE.name(), "next week"), null, null)))
                .hasMessage("'newResolveDue' must be a date and time in UTC like 2027-03-31 17:00, not 'next week'");
    }

    @Test
    void shouldRefuse_whenReassigningToNobodyOrToAnInvalidId() {
        assertThatThrownBy(() -> listener.notify(task(Map.of(OVERDUE_DECISION.name(), "REASSIGN",
                REASSIGN_ASSIGNEE.name(), " "), null, null)))
                .hasMessage("'reassignAssignee' or 'reassignGroup' is required to reassign the open tasks");
        assertThatThrownBy(() -> listener.notify(task(Map.of(OVERDUE_DECISION.name(), "REASSIGN",
                REASSIGN_GROUP.name(), "<script>"), null, null)))
                .hasMessageContaining("'reassignGroup' must be a user or group id");
    }

    @Test
    void shouldRefuse_whenDecisionIsUnknown_andAcceptMitigate() {
        assertThatThrownBy(() -> listener.notify(task(Map.of(OVERDUE_DECISION.name(), "IGNORE"), null, null)))
                .hasMessage("'overdueDecision' must be one of [EXTEND, REASSIGN, MITIGATE], not 'IGNORE'");
        DelegateTask mitigate = task(Map.of(OVERDUE_DECISION.name(), "MITIGATE"), "boss", null);
        listener.notify(mitigate);
        assertThat(OVERDUE_DECIDED_BY.from(mitigate)).isEqualTo("boss");
        assertThat(OVERDUE_DECISION_TAKEN.from(mitigate)).isEqualTo(RemediationProcess.OverdueDecision.MITIGATE);
        assertThatThrownBy(() -> listener.notify(task(Map.of(), null, null)))
                .hasMessage("'overdueDecision' is required: one of [EXTEND, REASSIGN, MITIGATE]");
    }
}
