package io.threatflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.threatflow.web.Problems;
import io.threatflow.web.RefusedValues;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * OCSF 1.x findings (Security, Vulnerability, Compliance and Detection Finding), one or an array of at most
 * {@code threatflow.intake.max-batch-size}. An array is stored in one transaction, every finding in its own savepoint,
 * and the cases of its new threats start after the commit. Every finding gets its own result: a bad one loses none of
 * the others, and each
 * result says exactly what became of its finding. A finding that fails on our side is rolled back alone and
 * answered as {@code failed}; the array then answers 207 and its {@code Idempotency-Key} is not kept, so that the
 * same array can be sent again. A finding with status Resolved is the source's word that a threat is gone: it
 * validates a case that waits for it.
 */
@RestController
@Tag(name = "OCSF findings", description = "Findings in the Open Cybersecurity Schema Framework")
class OcsfController {

    /**
     * @param status as the finding alone would have been answered: 201 created, 200 duplicate, 400 rejected (nothing
     *               stored: fix it), 500 failed (nothing stored: send it again)
     * @param result {@code created}, {@code duplicate}, {@code resolved} (the source says a waiting case's threat is
     *               gone), {@code ignored} (such a word nobody waits for), {@code rejected} or {@code failed}
     */
    record ItemResult(int index, int status, String result, String threatId, String processInstanceId, String detail,
                      List<Problems.FieldError> errors) {

        static ItemResult rejected(int index, String detail, List<Problems.FieldError> errors) {
            return new ItemResult(index, 400, REJECTED, null, null, detail, errors);
        }
    }

    record BatchResult(int created, int duplicates, int rejected, int failed, List<ItemResult> results) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OcsfController.class);

    private static final String REJECTED = "rejected";
    private static final String FAILED = "failed";

    private final OcsfFindingMapper mapper;
    private final ThreatIntake intake;
    private final IdempotentRequests idempotent;
    private final Validator validator;
    private final Clock clock;
    private final int maxBatchSize;
    private final long maxFindingBytes;

    OcsfController(OcsfFindingMapper mapper, ThreatIntake intake, IdempotentRequests idempotent, Validator validator,
                   Clock clock, @Value("${threatflow.intake.max-batch-size:1000}") int maxBatchSize,
                   @Value("${threatflow.intake.max-body-size:1MB}") DataSize maxFindingSize) {
        this.mapper = mapper;
        this.intake = intake;
        this.idempotent = idempotent;
        this.validator = validator;
        this.clock = clock;
        this.maxBatchSize = maxBatchSize;
        this.maxFindingBytes = maxFindingSize.toBytes();
    }

    @Operation(summary = "Report OCSF findings",
            description = "One finding (201 created, 200 duplicate, 400 rejected) or an array (one result each, with "
                    + "the status the finding alone would have had: 200, or 207 when a finding failed on our side and "
                    + "should be sent again).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
            @ExampleObject(name = "detection finding", value = """
                    {"class_uid": 2004, "severity_id": 4, "time": 1764230400000,
                     "finding_info": {"uid": "edr-alert-88", "title": "Cobalt Strike beacon"},
                     "device": {"hostname": "laptop-0042", "ip": "10.0.8.42"},
                     "malware": [{"name": "CobaltStrike", "classifications": ["Backdoor"]}],
                     "metadata": {"product": {"vendor_name": "Example", "name": "EDR"}}}"""))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "Array: one result per finding",
                            content = @Content(examples = @ExampleObject(value = """
                    {"created": 1, "duplicates": 0, "rejected": 1, "failed": 0, "results": [
                      {"index": 0, "status": 201, "result": "created", "threatId": "…",
                       "errors": []},
                      {"index": 1, "status": 400, "result": "rejected", "detail": "The finding names no asset",
                       "errors": [{"field": "device.hostname", "message": "is missing"}]}]}"""))),
                    @ApiResponse(responseCode = "207", description = "Array: a finding failed on our side (result "
                            + "failed, status 500) and was not stored; the others are as their results say. Send the "
                            + "array again: stored findings answer duplicate")})
    @PostMapping(path = "/api/findings/ocsf", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> report(@RequestBody JsonNode body, Principal principal,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (!body.isObject() && !body.isArray()) {
            throw new InvalidReportException("body", "must be an OCSF finding (a JSON object) or an array of them");
        }
        if (body.isArray() && body.size() > maxBatchSize) {
            ProblemDetail problem = Problems.withErrors(HttpStatus.PAYLOAD_TOO_LARGE, "Too many findings",
                    "An array holds at most " + maxBatchSize + " findings; this one holds " + body.size()
                            + ". Send it in parts.",
                    List.of(new Problems.FieldError("body", "holds more than " + maxBatchSize + " findings")));
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        // the path takes bodies up to the batch limit (web.BodySizeLimit); one finding alone is held to the limit of
        // every other report
        if (body.isObject() && body.toString().getBytes(StandardCharsets.UTF_8).length > maxFindingBytes) {
            ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "A single finding may be at most " + maxFindingBytes + " bytes");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return idempotent.handle(principal.getName(), idempotencyKey, body, () -> body.isArray()
                ? batch(body, principal.getName())
                : single(body, principal.getName()));
    }

    private ResponseEntity<?> single(JsonNode finding, String reportedBy) {
        ItemResult result = item(0, finding, reportedBy, false);
        return switch (result.result()) {
            case "created" -> ResponseEntity.created(URI.create("/api/threats/" + result.threatId())).body(result);
            case "duplicate", "resolved", "ignored" -> ResponseEntity.ok(result);
            default -> {
                ProblemDetail problem = Problems.withErrors(HttpStatus.BAD_REQUEST, "OCSF finding rejected",
                        result.detail(), result.errors());
                yield ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
        };
    }

    private ResponseEntity<BatchResult> batch(JsonNode findings, String reportedBy) {
        List<ItemResult> results = intake.inBatch(() -> {
            List<ItemResult> items = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                items.add(item(i, findings.get(i), reportedBy, true));
            }
            return items;
        });
        BatchResult batch = new BatchResult(count(results, "created"), count(results, "duplicate"),
                count(results, REJECTED), count(results, FAILED), results);
        return ResponseEntity.status(batch.failed() == 0 ? HttpStatus.OK : HttpStatus.MULTI_STATUS).body(batch);
    }

    /** @param inBatch whether a failure on our side is answered in the item (the others go on) or thrown */
    private ItemResult item(int index, JsonNode finding, String reportedBy, boolean inBatch) {
        OcsfMapping mapping = mapper.map(finding);
        if (mapping instanceof OcsfMapping.Rejected rejected) {
            return ItemResult.rejected(index, rejected.detail(), rejected.errors());
        }
        ThreatReport report = ((OcsfMapping.Mapped) mapping).report();
        Set<ConstraintViolation<ThreatReport>> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            List<Problems.FieldError> errors = violations.stream()
                    .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problems.FieldError::field)).toList();
            return ItemResult.rejected(index, "The finding maps to an invalid threat", errors);
        }
        try {
            OcsfMapping.Mapped mapped = (OcsfMapping.Mapped) mapping;
            ThreatIntake.Outcome outcome = mapped.resolvedBySource()
                    ? intake.resolvedBySource(mapped.toNewThreat(clock), reportedBy)
                    : intake.accept(mapped.toNewThreat(clock), reportedBy);
            boolean created = outcome.result() == ThreatIntake.Result.CREATED;
            return new ItemResult(index, created ? 201 : 200, outcome.result().name().toLowerCase(),
                    outcome.threatId(), outcome.processInstanceId(), detail(outcome), List.of());
        } catch (InvalidReportException e) {
            return ItemResult.rejected(index, e.field() + ": " + e.getMessage(),
                    List.of(new Problems.FieldError(e.field(), e.getMessage())));
        } catch (RuntimeException e) {
            if (RefusedValues.refusedByDatabase(e)) {
                return ItemResult.rejected(index, "A value of the finding does not fit the threat register",
                        List.of(new Problems.FieldError("[" + index + "]", "holds a value too long or out of range")));
            }
            if (!inBatch) {
                throw e;
            }
            String reference = java.util.UUID.randomUUID().toString();
            log.error("OCSF finding {} of a batch failed, reference {}; the others go on", index, reference, e);
            return new ItemResult(index, 500, FAILED, null, null,
                    "Not stored; send it again, or quote reference " + reference + " to your administrator", List.of());
        }
    }

    private static String detail(ThreatIntake.Outcome outcome) {
        return switch (outcome.result()) {
            case RESOLVED -> "The source reports the threat resolved: its case takes this as validation";
            case IGNORED -> outcome.threatId() == null
                    ? "The source reports resolved a threat that is not open: nothing to do"
                    : "The source reports the threat resolved, but its case does not wait for validation now: "
                            + "nothing changed";
            default -> null;
        };
    }

    private static int count(List<ItemResult> results, String result) {
        return (int) results.stream().filter(r -> r.result().equals(result)).count();
    }
}
