package io.threatflow.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When a case is due to be triaged, contained and resolved. {@code containDue} is null where the policy sets
 * no containment service level (LOW).
 */
public record DueTimes(Instant triageDue, Instant containDue, Instant resolveDue) {

    public DueTimes {
        Objects.requireNonNull(triageDue, "triageDue");
        Objects.requireNonNull(resolveDue, "resolveDue");
    }

    /**
     * The due times of a case reported at {@code reportedAt}, from the durations of the decision
     * {@code sla-policy} (ISO-8601 in days, hours and minutes; a blank containment duration means none).
     */
    public static DueTimes after(Instant reportedAt, String triageWithin, String containWithin, String resolveWithin) {
        return new DueTimes(reportedAt.plus(duration("triageWithin", triageWithin)),
                containWithin == null || containWithin.isBlank() ? null
                        : reportedAt.plus(duration("containWithin", containWithin)),
                reportedAt.plus(duration("resolveWithin", resolveWithin)));
    }

    /**
     * These due times after the severity was re-assessed: triage is done by then, and a due time that has
     * passed stands (its breach happened); the containment and resolution due times still ahead take the
     * new policy's values.
     */
    public DueTimes reassessed(DueTimes policy, Instant now) {
        return new DueTimes(triageDue,
                containDue != null && !containDue.isAfter(now) ? containDue : policy.containDue(),
                resolveDue.isAfter(now) ? policy.resolveDue() : resolveDue);
    }

    public DueTimes withResolveDue(Instant newResolveDue) {
        return new DueTimes(triageDue, containDue, newResolveDue);
    }

    private static Duration duration(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the decision sla-policy gave no '" + name + "'");
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' from the decision sla-policy must be an ISO-8601 "
                    + "duration in days, hours and minutes like PT15M or P3D, not '" + value + "'", e);
        }
    }
}
