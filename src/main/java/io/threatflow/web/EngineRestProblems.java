package io.threatflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.threatflow.engine.CommandRefusedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.xml.sax.SAXException;

/**
 * Every failure of {@code /engine-rest} as a problem, in place of Camunda's handlers, which answer 500 for much that is
 * the caller's doing (a BPMN with a DOCTYPE, {@code submit-form} on an unknown task, a value too long for its column)
 * and put the cause's message in the body, SQL statement included. The status follows Camunda's rules, refined by
 * the cause a resource wrapped; a 4xx keeps Camunda's message (it tells the caller what to fix) and is logged at
 * DEBUG; a 5xx says nothing of its cause and is logged at ERROR under a reference the caller can quote. The body
 * keeps Camunda's {@code message} (and {@code code}) members, which Camunda Modeler and other clients read. A user's
 * command that the case rules refuse ({@link CommandRefusedException}) is a 400 naming each refused field, or a 403.
 * The webapps' API (Tasklist, Cockpit) keeps Camunda's handlers: Tasklist shows the refusal's {@code message}.
 */
class EngineRestProblems implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

    /** How Camunda words a {@link NullValueException} about something that is not there. */
    private static final Pattern NOT_FOUND = Pattern.compile("(?i)^cannot find\\b|\\bnot found\\b|^no .+ found\\b");

    static final String FIELDS_REFUSED = "Fields not on the form";

    @Override
    public Response toResponse(Throwable e) {
        if (wrapped(e) instanceof CommandRefusedException refused) {
            return refusal(refused);
        }
        Throwable cause = wrapped(e);
        HttpStatus status = status(e, cause);
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            String reference = UUID.randomUUID().toString();
            log.error("Engine REST API failed, reference {}", reference, e);
            problem = Problems.of(status, status.getReasonPhrase(),
                    "Unexpected error; quote reference " + reference + " to your administrator");
            problem.setProperty("reference", reference);
        } else {
            log.debug("Engine REST API refused a request: {}", e.toString());
            problem = Problems.of(status, status.getReasonPhrase(), detail(e, cause));
        }
        Map<String, Object> json = Problems.asJson(problem);
        json.put("message", problem.getDetail());
        if (cause instanceof ProcessEngineException engine && engine.getCode() != 0) {
            json.put("code", engine.getCode());
        }
        return Response.status(status.value()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE).entity(json).build();
    }

    private static Response refusal(CommandRefusedException refused) {
        log.debug("Engine REST API refused a command by the case rules: {}", refused.getMessage());
        ProblemDetail problem = refused.fields().isEmpty() ? Problems.notAllowed(refused.getMessage())
                : Problems.withErrors(HttpStatus.BAD_REQUEST, FIELDS_REFUSED, refused.getMessage(),
                refused.fields().stream().map(f -> new Problems.FieldError(f.field(), f.reason())).toList());
        Map<String, Object> json = Problems.asJson(problem);
        json.put("message", problem.getDetail());
        return Response.status(problem.getStatus()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE).entity(json).build();
    }

    /** The engine's exception behind a resource's {@link RestException}, which hides its kind behind a 500. */
    private static Throwable wrapped(Throwable e) {
        return e instanceof RestException && e.getCause() != null ? e.getCause() : e;
    }

    private static HttpStatus status(Throwable e, Throwable cause) {
        if (e instanceof WebApplicationException web) {
            HttpStatus known = HttpStatus.resolve(web.getResponse().getStatus());
            return known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        }
        if (e instanceof RestException rest && rest.getStatus() != null && rest.getStatus().getStatusCode() < 500) {
            return HttpStatus.valueOf(rest.getStatus().getStatusCode());
        }
        if (refusedAnswer(cause) != null) {
            return HttpStatus.BAD_REQUEST;
        }
        if (cause instanceof NullValueException) {
            return NOT_FOUND.matcher(String.valueOf(cause.getMessage())).find() ? HttpStatus.NOT_FOUND
                    : HttpStatus.BAD_REQUEST;
        }
        if (cause instanceof JsonProcessingException || causedBy(cause, SAXException.class)
                || RefusedValues.refusedByDatabase(cause)) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.valueOf(ExceptionHandlerHelper.getInstance().getStatus(cause).getStatusCode());
    }

    /**
     * A completion listener's refusal of a form answer ({@code engine.FormAnswers}, a review date beyond its
     * horizon): the engine wraps what a task listener throws, which would otherwise read as a 500.
     */
    private static BadUserRequestException refusedAnswer(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BadUserRequestException refused) {
                return refused;
            }
        }
        return null;
    }

    /** The caller's mistake in words that name no class, statement or parser feature. */
    private static String detail(Throwable e, Throwable cause) {
        if (!(cause instanceof BadUserRequestException) && refusedAnswer(cause) != null) {
            return refusedAnswer(cause).getMessage();
        }
        if (causedBy(cause, SAXException.class)) {
            return "A resource is not XML the engine accepts: a DOCTYPE, an external entity or malformed XML";
        }
        if (RefusedValues.refusedByDatabase(cause)) {
            return "A value is too long or out of range for the engine's database (text variables hold at most "
                    + "4000 characters)";
        }
        if (cause instanceof JsonProcessingException json) {
            return "The body is not the JSON this call takes: " + json.getOriginalMessage();
        }
        return String.valueOf(e.getMessage());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
