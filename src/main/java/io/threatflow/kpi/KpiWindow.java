package io.threatflow.kpi;

import io.threatflow.web.TimeBounds;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The half-open time window {@code [from, to)} the KPIs are computed for. */
record KpiWindow(Instant from, Instant to) {

    /** A year, leap day included: long enough for an annual report, short enough to stay one bounded query. */
    static final Duration LONGEST = Duration.ofDays(366);

    /** @throws InvalidKpiWindowException naming {@code from} when the window is empty or longer than 366 days */
    static KpiWindow of(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new InvalidKpiWindowException(from == null ? "from" : "to", "is required");
        }
        if (!from.isBefore(to)) {
            throw new InvalidKpiWindowException("from", "must be before to (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new InvalidKpiWindowException("from", "must be at most 366 days before to (" + to + ")");
        }
        return new KpiWindow(from, to);
    }

    /**
     * An ISO-8601 instant ({@code 2026-11-01T00:00:00Z}, an offset instead of Z allowed) or a date
     * ({@code 2026-11-01}, meaning its start in UTC), within {@link TimeBounds}.
     */
    static Instant parse(String field, String value, Clock clock) {
        Instant instant = parse(field, value);
        TimeBounds.refusal(instant, clock).ifPresent(refusal -> {
            throw new InvalidKpiWindowException(field, refusal);
        });
        return instant;
    }

    private static Instant parse(String field, String value) {
        String text = value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notADate) {
                throw new InvalidKpiWindowException(field,
                        "must be an ISO-8601 instant (2026-11-01T00:00:00Z) or date (2026-11-01), not '" + value + "'");
            }
        }
    }

    boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }
}
