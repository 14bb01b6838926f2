package io.threatflow.mitigation;

import io.threatflow.threat.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The residual risks that managers accepted and that have not been reviewed again: what {@code GET /api/risks} and
 * the Cockpit page 'Accepted risks' list, and what the overdue-review KPI counts. An acceptance is overdue from the
 * start (UTC) of its review date until it is reviewed again, and expiring soon {@code threatflow.risk.expiring-within}
 * before.
 */
@Service
public class RiskRegister {

    public enum State {
        ACTIVE, EXPIRING_SOON, OVERDUE;

        /** A state as a query names it: any case, {@code -} or {@code _}; empty when it names none. */
        public static Optional<State> parse(String value) {
            String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(values()).filter(state -> state.name().equals(name)).findFirst();
        }
    }

    /** One accepted risk as people read it. */
    public record AcceptedRisk(String threatId, String title, String assetName, Severity severity, String acceptedBy,
                               String comment, Instant acceptedAt, LocalDate reviewDate, State state) {
    }

    private final RiskAcceptanceRepository acceptances;
    private final RiskSettings settings;
    private final Clock clock;

    RiskRegister(RiskAcceptanceRepository acceptances, RiskSettings settings, Clock clock) {
        this.acceptances = acceptances;
        this.settings = settings;
        this.clock = clock;
    }

    /** The open acceptances in {@code state} (all when null), the soonest review first. */
    public List<AcceptedRisk> list(State state) {
        Instant now = clock.instant();
        return acceptances.open().stream()
                .map(open -> new AcceptedRisk(open.acceptance().threatId(), open.title(), open.assetName(),
                        open.severity(), open.acceptance().acceptedBy(), open.acceptance().comment(),
                        open.acceptance().acceptedAt(), open.acceptance().reviewDate(),
                        state(open.acceptance().reviewDate(), now)))
                .filter(risk -> state == null || risk.state() == state)
                .toList();
    }

    /** How many accepted risks are past their review date and not reviewed again. */
    public long overdue() {
        return acceptances.overdue(LocalDate.now(clock));
    }

    State state(LocalDate reviewDate, Instant now) {
        Instant due = ReviewDates.due(reviewDate);
        if (!now.isBefore(due)) {
            return State.OVERDUE;
        }
        return now.plus(settings.expiringWithin()).isBefore(due) ? State.ACTIVE : State.EXPIRING_SOON;
    }
}
