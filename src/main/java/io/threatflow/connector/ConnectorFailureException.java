package io.threatflow.connector;

import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * A technical failure of a connector's outside system: it could not be reached, did not answer in time, was
 * busy or rate limited, or refused ThreatFlow's credentials. The job retries with the same action key; when the
 * retries run out, the incident shows this message. Messages name the system, the call and its answer, and never
 * a secret or a token.
 */
public class ConnectorFailureException extends RuntimeException {

    public ConnectorFailureException(String message) {
        super(message);
    }

    /** The system answered {@code call} with an error status; {@code remoteMessage} is its own words, if any. */
    public static ConnectorFailureException answered(String system, String call, RestClientResponseException e,
                                                     String remoteMessage) {
        int status = e.getStatusCode().value();
        String meaning = switch (status) {
            case 401 -> ": it did not accept ThreatFlow's credentials (check the client id and secret)";
            case 403 -> ": ThreatFlow's API client lacks the permission for this call";
            case 429 -> ": rate limited" + retryAfter(e.getResponseHeaders());
            default -> status >= 500 ? ": the service failed or is unavailable" : "";
        };
        return new ConnectorFailureException(system + " answered " + status + " to " + call + meaning
                + (remoteMessage == null || remoteMessage.isBlank() ? "" : " (" + remoteMessage + ")"));
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
    static String retryAfter(HttpHeaders headers) {
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
