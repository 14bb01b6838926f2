package io.threatflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of every failure ThreatFlow's HTTP surfaces answer with: RFC 9457 problem details, and for bad
 * input a detail and an {@code errors} list that name each offending field. Spring MVC controllers return these
 * through {@code ApiProblems}; the Cockpit plugin's JAX-RS resources write {@link #asJson} of the same.
 */
public final class Problems {

    public static final String NOT_ALLOWED = "Not allowed";
    public static final String INVALID_REQUEST = "Invalid request";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A field and what is wrong with its value. */
    public record FieldError(String field, String message) {
    }

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail notAllowed(String detail) {
        return of(HttpStatus.FORBIDDEN, NOT_ALLOWED, detail);
    }

    public static ProblemDetail invalidField(String title, String field, String message) {
        return invalidFields(title, List.of(new FieldError(field, message)));
    }

    /** 400: the detail lists every "field: message", the {@code errors} property has them one by one. */
    public static ProblemDetail invalidFields(String title, List<FieldError> errors) {
        return withErrors(HttpStatus.BAD_REQUEST, title, errors.stream()
                .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")), errors);
    }

    /** A problem with the fields that caused it in its {@code errors} property. */
    public static ProblemDetail withErrors(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(status, title, detail);
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return problem;
    }

    /**
     * Answers with the problem, as {@code application/problem+json} whatever the request accepts: for a filter or an
     * error page that answers before or after Spring MVC.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), asJson(problem));
    }

    /** The problem as its JSON members, in the order Spring writes them, for a writer other than Spring MVC. */
    public static Map<String, Object> asJson(ProblemDetail problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            json.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            json.putAll(problem.getProperties());
        }
        return json;
    }
}
