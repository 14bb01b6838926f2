package io.threatflow.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The times ThreatFlow takes from outside (when a threat was detected, a KPI window): from 1970 to one day ahead of
 * now, which leaves room for a sender's clock that runs ahead. Anything else is a mistake (seconds read as
 * milliseconds, a year 999999999) that would age and sort cases wrongly, or overflow the arithmetic and the
 * database's timestamps, so it is refused rather than stored.
 */
public final class TimeBounds {

    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Duration AHEAD = Duration.ofDays(1);

    private TimeBounds() {
    }

    /** Why the time is not accepted, or empty when it is. */
    public static Optional<String> refusal(Instant time, Clock clock) {
        Instant latest = clock.instant().plus(AHEAD).truncatedTo(ChronoUnit.SECONDS);
        if (time.isBefore(EARLIEST) || time.isAfter(latest)) {
            return Optional.of("must be between " + EARLIEST + " and " + latest + " (one day from now)");
        }
        return Optional.empty();
    }
}
