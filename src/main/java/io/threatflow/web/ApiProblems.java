package io.threatflow.web;

import io.threatflow.threat.ThreatNotFoundException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Every /api error as RFC 9457 problem details ({@link Problems}) that name the offending field. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

    private static final String INVALID_REPORT = "Invalid threat report";
    private static final String UNREADABLE = "Unreadable request body";

    @ExceptionHandler(ThreatNotFoundException.class)
    ProblemDetail notFound(ThreatNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Threat not found", e.getMessage());
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return Problems.invalidField(e.title(), e.field(), e.getMessage());
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        return Problems.notAllowed(e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problems.FieldError(f.getField(), String.valueOf(f.getDefaultMessage()))).toList();
        ProblemDetail problem = Problems.invalidFields(INVALID_REPORT, errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() != null ? e.getPropertyName()
                : e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m ? m.getName() : "parameter";
        Class<?> type = e.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                : "has the wrong format" + (type == null ? "" : " (expected " + type.getSimpleName() + ")");
        return fieldProblem(e, headers, request, Problems.INVALID_REQUEST, field, message);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Problems.FieldError(
                        String.valueOf(result.getMethodParameter().getParameterName()),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = Problems.invalidFields(Problems.INVALID_REQUEST, errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The engine refused the caller (e.g. a modeler reporting a threat, which needs CREATE_INSTANCE). */
    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ProblemDetail forbidden(org.camunda.bpm.engine.AuthorizationException e) {
        return Problems.notAllowed("user '" + e.getUserId() + "' may not do this: " + e.getMessage());
    }

    /** A header Spring reads late and its firewall refuses; {@code RequestGuard} checks them all up front already. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return Problems.invalidField("Request refused", "headers", "hold characters that are not allowed");
    }

    /** Never a stack trace: anything unforeseen is logged here with a reference the caller can quote. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String reference = java.util.UUID.randomUUID().toString();
        if (RefusedValues.refusedByDatabase(e)) {
            // a bound missing at the edge: the caller's value, so a 400, and a WARN so that the bound gets added
            log.warn("A value the database refused, reference {}: {}", reference, org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).toString());
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                    "A value is too long or out of range; quote reference " + reference + " to your administrator");
            problem.setProperty("reference", reference);
            return problem;
        }
        log.error("Unexpected error, reference {}", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error; quote reference " + reference + " to your administrator");
        problem.setProperty("reference", reference);
        return problem;
    }

    private ResponseEntity<Object> fieldProblem(Exception e, HttpHeaders headers, WebRequest request, String title,
                                                String field, String message) {
        ProblemDetail problem = Problems.invalidField(title, field, message);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** What is wrong with the value of a field that could not be read, in the words of JSON, not of Java. */
    private static String unreadable(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request; its fields are " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        if (target == String.class) {
            return "must be a JSON string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        return "has the wrong type or format";
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            return fieldProblem(e, headers, request, UNREADABLE, field, unreadable(mapping));
        }
        String detail = e.getCause() instanceof JsonMappingException
                ? "must be a JSON object with the report's fields" : "is missing or not valid JSON";
        return fieldProblem(e, headers, request, UNREADABLE, "body", detail);
    }
}
