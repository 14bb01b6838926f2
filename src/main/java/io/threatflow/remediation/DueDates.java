package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.CONTAIN_DUE;
import static io.threatflow.remediation.RemediationProcess.RESOLVE_DUE;
import static io.threatflow.remediation.RemediationProcess.TRIAGE_DUE;

import io.threatflow.Text;
import io.threatflow.sla.DueTimes;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The case's due times as the process variables {@code triageDue}, {@code containDue}, {@code resolveDue}. */
final class DueDates {

    private DueDates() {
    }

    /** The due times the case holds, if they were determined. */
    static Optional<DueTimes> from(VariableScope scope) {
        return TRIAGE_DUE.optionalFrom(scope).map(triage -> new DueTimes(triage.toInstant(),
                CONTAIN_DUE.optionalFrom(scope).map(Date::toInstant).orElse(null),
                RESOLVE_DUE.from(scope).toInstant()));
    }

    /** Sets all three; {@code containDue} is set to null rather than left out, so expressions can test it. */
    static void set(VariableScope scope, DueTimes due) {
        TRIAGE_DUE.set(scope, Date.from(due.triageDue()));
        CONTAIN_DUE.set(scope, date(due.containDue()));
        RESOLVE_DUE.set(scope, Date.from(due.resolveDue()));
        RemediationProcess.DUE_TIMES.set(scope, inWords(due));
    }

    /** The due times as the forms show them: ISO dates and times in UTC, one a line. */
    static String inWords(DueTimes due) {
        return "Triage by " + Text.utc(due.triageDue()) + "\n"
                + (due.containDue() == null ? "Contain: no containment due time for this severity"
                : "Contain by " + Text.utc(due.containDue())) + "\n"
                + "Resolve by " + Text.utc(due.resolveDue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
