package io.threatflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.threatflow.web.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * OCSF 1.x findings (Security, Vulnerability, Compliance and Detection Finding), one or an array. In an
 * array every finding gets its own result, in its own transaction: a bad one loses none of the others. A finding
 * with status Resolved is the source's word that a threat is gone: it validates a case that waits for it.
 */
@RestController
@Tag(name = "OCSF findings", description = "Findings in the Open Cybersecurity Schema Framework")
class OcsfController {

    /** @param result {@code created}, {@code duplicate} or {@code rejected} */
    record ItemResult(int index, String result, String threatId, String processInstanceId, String detail,
                      List<Problems.FieldError> errors) {
    }

    record BatchResult(int created, int duplicates, int rejected, List<ItemResult> results) {
    }

    private final OcsfFindingMapper mapper;
    private final ThreatIntake intake;
    private final IdempotentRequests idempotent;
    private final Validator validator;

    OcsfController(OcsfFindingMapper mapper, ThreatIntake intake, IdempotentRequests idempotent, Validator validator) {
        this.mapper = mapper;
        this.intake = intake;
        this.idempotent = idempotent;
        this.validator = validator;
    }

    @Operation(summary = "Report OCSF findings",
            description = "One finding (201 created, 200 duplicate, 400 rejected) or an array (200, one result each).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
            @ExampleObject(name = "detection finding", value = """
                    {"class_uid": 2004, "severity_id": 4, "time": 1764230400000,
                     "finding_info": {"uid": "edr-alert-88", "title": "Cobalt Strike beacon"},
                     "device": {"hostname": "laptop-0042", "ip": "10.0.8.42"},
                     "malware": [{"name": "CobaltStrike", "classifications": ["Backdoor"]}],
                     "metadata": {"product": {"vendor_name": "Example", "name": "EDR"}}}"""))),
            responses = @ApiResponse(responseCode = "200", description = "Array: one result per finding",
                    content = @Content(examples = @ExampleObject(value = """
                    {"created": 1, "duplicates": 0, "rejected": 1, "results": [
                      {"index": 0, "result": "created", "threatId": "…", "processInstanceId": "…", "errors": []},
                      {"index": 1, "result": "rejected", "detail": "The finding names no asset",
                       "errors": [{"field": "device.hostname", "message": "is missing"}]}]}"""))))
    @PostMapping(path = "/api/findings/ocsf", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> report(@RequestBody JsonNode body, Principal principal,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (!body.isObject() && !body.isArray()) {
            throw new InvalidReportException("body", "must be an OCSF finding (a JSON object) or an array of them");
        }
        return idempotent.handle(principal.getName(), idempotencyKey, body, () -> body.isArray()
                ? ResponseEntity.ok(batch(body, principal.getName()))
                : single(body, principal.getName()));
    }

    private ResponseEntity<?> single(JsonNode finding, String reportedBy) {
        ItemResult result = item(0, finding, reportedBy);
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

    private BatchResult batch(JsonNode findings, String reportedBy) {
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            results.add(item(i, findings.get(i), reportedBy));
        }
        return new BatchResult(count(results, "created"), count(results, "duplicate"), count(results, "rejected"),
                results);
    }

    private ItemResult item(int index, JsonNode finding, String reportedBy) {
        OcsfMapping mapping = mapper.map(finding);
        if (mapping instanceof OcsfMapping.Rejected rejected) {
            return new ItemResult(index, "rejected", null, null, rejected.detail(), rejected.errors());
        }
        ThreatReport report = ((OcsfMapping.Mapped) mapping).report();
        Set<ConstraintViolation<ThreatReport>> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            List<Problems.FieldError> errors = violations.stream()
                    .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problems.FieldError::field)).toList();
            return new ItemResult(index, "rejected", null, null, "The finding maps to an invalid threat", errors);
        }
        try {
            boolean resolved = ((OcsfMapping.Mapped) mapping).resolvedBySource();
            ThreatIntake.Outcome outcome = resolved ? intake.resolvedBySource(report.toNewThreat(), reportedBy)
                    : intake.report(report.toNewThreat(), reportedBy);
            return new ItemResult(index, outcome.result().name().toLowerCase(), outcome.threatId(),
                    outcome.processInstanceId(), detail(outcome), List.of());
        } catch (InvalidReportException e) {
            return new ItemResult(index, "rejected", null, null, e.field() + ": " + e.getMessage(),
                    List.of(new Problems.FieldError(e.field(), e.getMessage())));
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
