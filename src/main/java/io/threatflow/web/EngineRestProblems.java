package io.threatflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.engine.CommandRefusedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * A user's engine command that the case rules refuse ({@link CommandRefusedException}), answered on
 * {@code /engine-rest} as a problem: 400 naming each refused field, or 403. Camunda's own mappers would answer
 * 403 with Camunda's JSON, which is what the webapps' API (Tasklist, Cockpit) still answers: Tasklist shows its
 * {@code message}. The mapper is for this exception alone, so Jersey prefers it over Camunda's.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    static final String FIELDS_REFUSED = "Fields not on the form";

    @Bean
    ResourceConfigCustomizer caseRuleProblems(ObjectMapper json) {
        return config -> config.register(new RefusalMapper(json));
    }

    static final class RefusalMapper implements ExceptionMapper<CommandRefusedException> {

        private final ObjectMapper json;

        RefusalMapper(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public Response toResponse(CommandRefusedException refused) {
            ProblemDetail problem = refused.fields().isEmpty() ? Problems.notAllowed(refused.getMessage())
                    : Problems.withErrors(HttpStatus.BAD_REQUEST, FIELDS_REFUSED, refused.getMessage(),
                    refused.fields().stream().map(f -> new Problems.FieldError(f.field(), f.reason())).toList());
            try {
                return Response.status(problem.getStatus()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .entity(json.writeValueAsString(Problems.asJson(problem))).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the problem as JSON", e);
            }
        }
    }
}
