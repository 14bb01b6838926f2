package io.threatflow.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Problems written by the security filters, before any controller: refused logins and requests. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      String detail) throws IOException {
        write(json, request, response, Problems.of(status, null, detail));
    }

    /** 429: the account is throttled after wrong passwords ({@link LoginThrottle}); try again after Retry-After. */
    static void throttled(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = LoginThrottle.retryAfterSeconds(wait);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(json, request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Account throttled",
                "Too many failed logins for this account: it is throttled, not locked. Try again in " + seconds
                        + " s; until then no password is checked."));
    }

    private static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                              ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
