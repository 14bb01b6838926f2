package io.threatflow.connector.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.Text;
import io.threatflow.action.ActionStatus;
import io.threatflow.action.PendingActions;
import io.threatflow.action.PendingActions.ActionNotPendingException;
import io.threatflow.action.PendingActions.UnknownActionException;
import io.threatflow.web.Problems;
import io.threatflow.web.Problems.FieldError;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/actions/{actionId}/result}: the result of an action the webhook's receiver accepted for later
 * (202). Not a user's call: the receiver signs it with the webhook secret as it verifies ThreatFlow's requests
 * (Standard Webhooks), so a result with a wrong or old signature, for an action ThreatFlow never asked for, or
 * that contradicts a result recorded before is refused with a problem and changes nothing.
 */
@RestController
class ActionResultController {

    static final String PATH = "/api/actions/{actionId}/result";
    /** How far a result's timestamp may be from now: the replay window the Standard Webhooks spec suggests. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final int MAX_DETAIL = 1000;
    private static final String TITLE = "Invalid action result";
    private static final Set<String> FIELDS = Set.of("status", "detail");
    private static final Set<ActionStatus> RESULTS = Set.of(ActionStatus.APPLIED, ActionStatus.REJECTED,
            ActionStatus.FAILED);
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Control characters other than tab and line breaks, which the detail is put on one line without. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
    private static final Logger log = LoggerFactory.getLogger(ActionResultController.class);

    private final WebhookSettings settings;
    private final PendingActions pending;
    private final ObjectMapper json;
    private final Clock clock;

    ActionResultController(WebhookSettings settings, PendingActions pending, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.pending = pending;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = PATH, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> result(@PathVariable String actionId,
                             @RequestHeader(name = WebhookSignature.ID, required = false) String messageId,
                             @RequestHeader(name = WebhookSignature.TIMESTAMP, required = false) String timestamp,
                             @RequestHeader(name = WebhookSignature.SIGNATURE, required = false) String signature,
                             @RequestBody(required = false) String body) {
        if (settings.url() == null || settings.secret() == null) {
            return problem(HttpStatus.NOT_FOUND, "No webhook connector is configured, so no action waits for a "
                    + "posted result");
        }
        List<FieldError> missing = new ArrayList<>();
        requireHeader(missing, WebhookSignature.ID, messageId);
        requireHeader(missing, WebhookSignature.TIMESTAMP, timestamp);
        requireHeader(missing, WebhookSignature.SIGNATURE, signature);
        if (!missing.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.withErrors(HttpStatus.UNAUTHORIZED, "Unsigned action result",
                            "The result is not signed as the Standard Webhooks specification says", missing));
        }
        String content = body == null ? "" : body;
        if (!WebhookSignature.of(settings.secret()).verifies(messageId, timestamp, content, signature, clock.instant(),
                TOLERANCE)) {
            log.warn("Refused a result for action {}: its signature does not verify", Text.oneLine(actionId, 64));
            return problem(HttpStatus.UNAUTHORIZED, "The signature does not verify: signed with another secret, "
                    + "changed on the way, or timestamped more than " + TOLERANCE.toMinutes() + " minutes from now");
        }
        if (!UUID.matcher(actionId).matches()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.invalidField(TITLE, "actionId", "must be the actionId ThreatFlow sent, a UUID"));
        }
        Result result;
        try {
            result = parse(content);
        } catch (InvalidResult e) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.invalidFields(TITLE, e.errors));
        }
        try {
            PendingActions.Outcome outcome = pending.accept(actionId, result.status(), result.detail());
            return ResponseEntity.ok(Map.of("actionId", actionId, "status", result.status().name(),
                    "recorded", outcome == PendingActions.Outcome.RECORDED));
        } catch (UnknownActionException e) {
            return problem(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (ActionNotPendingException e) {
            return problem(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private static void requireHeader(List<FieldError> missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.add(new FieldError(name, "the header is required"));
        }
    }

    private record Result(ActionStatus status, String detail) {
    }

    private static final class InvalidResult extends Exception {
        private final transient List<FieldError> errors;

        InvalidResult(List<FieldError> errors) {
            super(errors.toString(), null, false, false);
            this.errors = errors;
        }
    }

    private Result parse(String content) throws InvalidResult {
        JsonNode node;
        try {
            node = json.readTree(content);
        } catch (IOException e) {
            throw new InvalidResult(List.of(new FieldError("body", "is not JSON")));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidResult(List.of(new FieldError("body", "must be a JSON object with status and detail")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(Text.oneLine(name, 64), "is not a field of a result; expected status and "
                        + "detail"));
            }
        }
        ActionStatus status = null;
        JsonNode statusNode = node.get("status");
        if (statusNode == null || !statusNode.isTextual()) {
            errors.add(new FieldError("status", "is required: APPLIED, REJECTED or FAILED"));
        } else {
            status = RESULTS.stream().filter(s -> s.name().equals(statusNode.asText())).findFirst().orElse(null);
            if (status == null) {
                errors.add(new FieldError("status", "must be APPLIED, REJECTED or FAILED"));
            }
        }
        JsonNode detailNode = node.get("detail");
        String detail = null;
        if (detailNode != null && !detailNode.isNull()) {
            if (!detailNode.isTextual()) {
                errors.add(new FieldError("detail", "must be text"));
            } else if (detailNode.asText().length() > MAX_DETAIL) {
                errors.add(new FieldError("detail", "must be at most " + MAX_DETAIL + " characters"));
            } else if (CONTROL.matcher(detailNode.asText()).find()) {
                errors.add(new FieldError("detail", "must not contain control characters"));
            } else {
                detail = Text.oneLine(detailNode.asText(), MAX_DETAIL);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidResult(errors);
        }
        return new Result(status, detail);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, null, detail));
    }
}
