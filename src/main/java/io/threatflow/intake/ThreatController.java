package io.threatflow.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Threats", description = "Report threats and follow their cases")
@RequestMapping(path = "/api/threats", produces = MediaType.APPLICATION_JSON_VALUE)
class ThreatController {

    /** @param result {@code created} (a new case) or {@code duplicate} (correlated to the open case) */
    record Reported(String result, String threatId, String processInstanceId) {
        static Reported of(ThreatIntake.Outcome outcome) {
            return new Reported(outcome.result().name().toLowerCase(), outcome.threatId(), outcome.processInstanceId());
        }
    }


    private final ThreatIntake intake;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    ThreatController(ThreatIntake intake, IdempotentRequests idempotent, Clock clock) {
        this.intake = intake;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    @Operation(summary = "Report a threat",
            description = "Registers the threat and opens its remediation case right after the answer (the case id "
                    + "then shows in GET /api/threats/{id} as processInstanceId), or correlates the report to the "
                    + "open threat (same source + sourceRef, or same asset + type + CVE/port). 503 with Retry-After "
                    + "when the node is at its intake limit: nothing was stored, send it again later.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "vulnerability", value = """
                            {"title": "Log4Shell on web-01", "type": "VULNERABILITY", "asset": "web-01",
                             "cve": "CVE-2021-44228", "severity": "MEDIUM", "source": "scanner",
                             "sourceRef": "finding-4711", "detectedAt": "2026-11-27T08:15:00Z"}"""),
                    @ExampleObject(name = "exposed service", value = """
                            {"title": "RDP open to the internet", "type": "EXPOSED_SERVICE",
                             "asset": "legacy-hr-01", "port": 3389, "severity": "HIGH"}""")})),
            responses = {
                    @ApiResponse(responseCode = "201", description = "A new threat, stored; its case starts after "
                            + "the answer", content = @Content(examples = @ExampleObject(value = """
                            {"result": "created", "threatId": "9f882c6b-fe9c-4d8b-8765-b665b3f022a8"}"""))),
                    @ApiResponse(responseCode = "200", description = "The threat is open already: correlated",
                            content = @Content(examples = @ExampleObject(value = """
                            {"result": "duplicate", "threatId": "9f882c6b-fe9c-4d8b-8765-b665b3f022a8",
                             "processInstanceId": "49beab46-ea58-11f1-8841-02fc00000001"}"""))),
                    @ApiResponse(responseCode = "400", description = "Invalid report", content = @Content(
                            mediaType = "application/problem+json", examples = @ExampleObject(value = """
                            {"type": "about:blank", "title": "Invalid threat report", "status": 400,
                             "detail": "port: must be less than or equal to 65535",
                             "errors": [{"field": "port", "message": "must be less than or equal to 65535"}]}"""))),
                    @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
                    @ApiResponse(responseCode = "413", description = "Body over the configured limit"),
                    @ApiResponse(responseCode = "415", description = "Not application/json"),
                    @ApiResponse(responseCode = "503", description = "Intake at its limit: nothing stored, send it "
                            + "again after Retry-After seconds")})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> report(@Valid @RequestBody ThreatReport report, Principal principal,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var threat = report.toNewThreat(clock);
        return idempotent.handle(principal.getName(), idempotencyKey, report, () -> {
            ThreatIntake.Outcome outcome = intake.accept(threat, principal.getName());
            Reported body = Reported.of(outcome);
            return outcome.result() == ThreatIntake.Result.CREATED
                    ? ResponseEntity.created(URI.create("/api/threats/" + outcome.threatId())).body(body)
                    : ResponseEntity.status(HttpStatus.OK).body(body);
        });
    }
}
