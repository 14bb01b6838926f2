package io.threatflow.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Answers of the plugin API, written with Spring's ObjectMapper; failures as RFC 9457 problem details that
 * name the field, as everywhere in ThreatFlow's APIs, never a stack trace.
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

    Response problem(Response.Status status, String title, String detail) {
        return Response.status(status).type(PROBLEM_JSON).entity(write(body(status, title, detail))).build();
    }

    Response fieldProblem(String field, String message) {
        Map<String, Object> body = body(Response.Status.BAD_REQUEST, "Invalid request", field + ": " + message);
        body.put("errors", List.of(Map.of("field", field, "message", message)));
        return Response.status(Response.Status.BAD_REQUEST).type(PROBLEM_JSON).entity(write(body)).build();
    }

    /** The security filter lets only logged-in sessions through; this guards against a changed filter chain. */
    Response unauthenticated() {
        return problem(Response.Status.UNAUTHORIZED, "Authentication required", "Log in to Cockpit first");
    }

    static boolean isIn(Authentication user, String... groups) {
        return user.getGroupIds() != null && List.of(groups).stream().anyMatch(user.getGroupIds()::contains);
    }

    private static Map<String, Object> body(Response.Status status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getStatusCode());
        body.put("detail", detail);
        return body;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer as JSON", e);
        }
    }
}
