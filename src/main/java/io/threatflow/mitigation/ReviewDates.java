package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_DATE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.BadUserRequestException;

/** The review date of an accepted risk as a manager gives it: a day after today, due at its start in UTC. */
final class ReviewDates {

    private ReviewDates() {
    }

    /** @throws BadUserRequestException naming {@code riskReviewDate} when it is missing, no date, or not in the future */
    static LocalDate parse(Object value, Clock clock) {
        String text = value == null ? null : String.valueOf(value);
        if (text == null || text.isBlank()) {
            throw new BadUserRequestException("'" + RISK_REVIEW_DATE.name() + "' is required to accept a residual risk");
        }
        LocalDate date;
        try {
            date = parseDate(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("'" + RISK_REVIEW_DATE.name() + "' must be a date like 2027-03-31, not '"
                    + text + "'");
        }
        if (!date.isAfter(LocalDate.now(clock))) {
            throw new BadUserRequestException("'" + RISK_REVIEW_DATE.name() + "' must be in the future, not " + date);
        }
        return date;
    }

    /** When the review of a risk accepted until {@code date} is due: the start of that day, UTC. */
    static Instant due(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A date as the Tasklist date field sends it, or a full timestamp from an API client. */
    private static LocalDate parseDate(String value) {
        return value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
    }
}
