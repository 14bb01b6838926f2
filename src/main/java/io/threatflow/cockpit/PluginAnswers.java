package io.threatflow.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.threatflow.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Answers of the plugin API, written with Spring's ObjectMapper; failures as the same RFC 9457 problem details
 * as everywhere in ThreatFlow's APIs ({@link Problems}), never a stack trace.
 */
final class PluginAnswers {

    static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper json;

    PluginAnswers(ObjectMapper json) {
        this.json = json;
    }

    Response ok(Object body) {
        return Response.ok(write(body), MediaType.APPLICATION_JSON_TYPE).build();
    }

    Response accepted(Object body) {
        return Response.status(Response.Status.ACCEPTED).entity(write(body)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    Response problem(Response.Status status, String title, String detail) {
        return problem(Problems.of(HttpStatus.valueOf(status.getStatusCode()), title, detail));
    }

    Response fieldProblem(String field, String message) {
        return problem(Problems.invalidField(Problems.INVALID_REQUEST, field, message));
    }

    Response notAllowed(String detail) {
        return problem(Problems.notAllowed(detail));
    }

    /** The security filter lets only logged-in sessions through; this guards against a changed filter chain. */
    Response unauthenticated() {
        return problem(Response.Status.UNAUTHORIZED, "Authentication required", "Log in to Cockpit first");
    }

    private Response problem(ProblemDetail problem) {
        return Response.status(problem.getStatus()).type(PROBLEM_JSON).entity(write(Problems.asJson(problem))).build();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer as JSON", e);
        }
    }
}
