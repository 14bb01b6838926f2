package io.threatflow.connector;

import io.threatflow.engine.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * A technical failure of a connector's outside system: it could not be reached, did not answer in time, was
 * busy or rate limited, or refused ThreatFlow's credentials. The job retries with the same action key; when the
 * retries run out, the incident shows this message. Messages name the system, the call and its answer, and never
 * a secret or a token.
 */
public class ConnectorFailureException extends RuntimeException implements RetryAfter {

    private final transient Duration retryAfter;

    public ConnectorFailureException(String message) {
        this(message, null);
    }

    /** @param retryAfter how long the system asked ThreatFlow to wait (429, 503); null when it did not say */
    public ConnectorFailureException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The wait an answer asks for: {@code Retry-After} in seconds or as an HTTP date, or CrowdStrike's
     * {@code X-RateLimit-RetryAfter} epoch second; empty when it names none.
     */
    public static Optional<Duration> waitFrom(HttpHeaders headers, Instant now) {
        if (headers == null) {
            return Optional.empty();
        }
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            String value = retryAfter.strip();
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                return Optional.of(Duration.between(now, ZonedDateTime.parse(value,
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())).filter(wait -> !wait.isNegative());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        String epoch = headers.getFirst("X-RateLimit-RetryAfter");
        if (epoch != null && epoch.strip().matches("\\d{1,12}")) {
            return Optional.of(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(epoch.strip()))))
                    .filter(wait -> !wait.isNegative());
        }
        return Optional.empty();
    }

    /** The system answered {@code call} with an error status; {@code remoteMessage} is its own words, if any. */
    public static ConnectorFailureException answered(String system, String call, RestClientResponseException e,
                                                     String remoteMessage) {
        int status = e.getStatusCode().value();
        String meaning = switch (status) {
            case 401 -> ": it did not accept ThreatFlow's credentials (check the client id and secret)";
            case 403 -> ": ThreatFlow's API client lacks the permission for this call";
            case 429 -> ": rate limited" + retryAfterText(e.getResponseHeaders());
            default -> status >= 500 ? ": the service failed or is unavailable" : "";
        };
        return new ConnectorFailureException(system + " answered " + status + " to " + call + meaning
                + (remoteMessage == null || remoteMessage.isBlank() ? "" : " (" + remoteMessage + ")"),
                status == 429 || status == 503 ? waitFrom(e.getResponseHeaders(), Instant.now()).orElse(null) : null);
    }

    /** The system could not be reached or did not answer within the read timeout. */
    public static ConnectorFailureException unreachable(String system, String call, ResourceAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        return new ConnectorFailureException(system + " did not answer " + call + ": "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
    }

    /**
     * When to try again, as the answer says: {@code Retry-After} in seconds, or CrowdStrike's
     * {@code X-RateLimit-RetryAfter}, the epoch second from which calls are allowed again.
     */
    public static String retryAfterText(HttpHeaders headers) {
        if (headers == null) {
            return "";
        }
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            return ", retry after " + retryAfter.strip() + (retryAfter.strip().matches("\\d+") ? " s" : "");
        }
        String epoch = headers.getFirst("X-RateLimit-RetryAfter");
        if (epoch != null && epoch.strip().matches("\\d+")) {
            return ", retry after " + Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        }
        return "";
    }
}
