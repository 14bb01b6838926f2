package io.threatflow.intake;

import io.threatflow.action.ActionService;
import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatFilter;
import io.threatflow.threat.ThreatPage;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import io.threatflow.threat.ThreatType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    record Summary(String threatId, String title, String type, String severity, String status, String asset,
                   String cve, Integer port, String source, String sourceRef, Instant reportedAt) {
        static Summary of(Threat t) {
            return new Summary(t.id(), t.title(), t.type().name(), t.severity() == null ? null : t.severity().name(),
                    t.status().name(), t.assetName(), t.cve(), t.port(), t.source(), t.sourceRef(), t.reportedAt());
        }
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }

    private final ThreatIntake intake;
    private final IdempotentRequests idempotent;
    private final ThreatService threats;
    private final ActionService actions;
    private final CaseProgress progress;
    private final ThreatTimeline timeline;

    ThreatController(ThreatIntake intake, IdempotentRequests idempotent, ThreatService threats, ActionService actions,
                     CaseProgress progress, ThreatTimeline timeline) {
        this.intake = intake;
        this.idempotent = idempotent;
        this.threats = threats;
        this.actions = actions;
        this.progress = progress;
        this.timeline = timeline;
    }

    @Operation(summary = "Report a threat",
            description = "Opens a remediation case, or correlates the report to the open case of the same threat "
                    + "(same source + sourceRef, or same asset + type + CVE/port).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "vulnerability", value = """
                            {"title": "Log4Shell on web-01", "type": "VULNERABILITY", "asset": "web-01",
                             "cve": "CVE-2021-44228", "severity": "MEDIUM", "source": "scanner",
                             "sourceRef": "finding-4711", "detectedAt": "2026-11-27T08:15:00Z"}"""),
                    @ExampleObject(name = "exposed service", value = """
                            {"title": "RDP open to the internet", "type": "EXPOSED_SERVICE",
                             "asset": "legacy-hr-01", "port": 3389, "severity": "HIGH"}""")})),
            responses = {
                    @ApiResponse(responseCode = "201", description = "A new case", content = @Content(examples =
                    @ExampleObject(value = """
                            {"result": "created", "threatId": "9f882c6b-fe9c-4d8b-8765-b665b3f022a8",
                             "processInstanceId": "49beab46-ea58-11f1-8841-02fc00000001"}"""))),
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
                    @ApiResponse(responseCode = "415", description = "Not application/json")})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> report(@Valid @RequestBody ThreatReport report, Principal principal,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var threat = report.toNewThreat();
        return idempotent.handle(principal.getName(), idempotencyKey, report, () -> {
            ThreatIntake.Outcome outcome = intake.report(threat, principal.getName());
            Reported body = Reported.of(outcome);
            return outcome.result() == ThreatIntake.Result.CREATED
                    ? ResponseEntity.created(URI.create("/api/threats/" + outcome.threatId())).body(body)
                    : ResponseEntity.status(HttpStatus.OK).body(body);
        });
    }

    @Operation(summary = "Find threats", description = "Newest report first; every filter is optional.",
            responses = @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
                    {"items": [{"threatId": "9f882c6b-fe9c-4d8b-8765-b665b3f022a8", "title": "Log4Shell on web-01",
                      "type": "VULNERABILITY", "severity": "HIGH", "status": "OPEN", "asset": "web-01",
                      "cve": "CVE-2021-44228", "reportedAt": "2026-11-27T11:47:14Z"}],
                     "page": 0, "size": 20, "total": 1}"""))))
    @GetMapping
    Page search(@RequestParam(required = false) ThreatStatus status,
                @RequestParam(required = false) Severity severity,
                @RequestParam(required = false) ThreatType type,
                @RequestParam(required = false) String asset,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant reportedSince,
                @RequestParam(defaultValue = "0") @Min(0) int page,
                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        ThreatPage found = threats.search(new ThreatFilter(status, severity, type, asset, reportedSince), page, size);
        return new Page(found.items().stream().map(Summary::of).toList(), found.page(), found.size(), found.total());
    }

    @Operation(summary = "A threat with its status, phase times, current step and action log")
    @GetMapping("/{threatId}")
    ThreatView get(@PathVariable String threatId) {
        Threat threat = threats.get(threatId);
        return ThreatView.of(threat, progress.of(threat.processInstanceId()), actions.history(threatId));
    }

    @Operation(summary = "Everything that happened to a threat",
            description = "Every step and task of its cases (engine history), every action and every sighting, "
                    + "in order, each with its actor.",
            responses = @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
                    [{"at": "2026-11-27T11:47:14Z", "kind": "REPORTED", "step": "IDENTIFY", "name": "Threat reported",
                      "actor": "analyst", "detail": "source scanner"},
                     {"at": "2026-11-27T11:47:15Z", "kind": "TASK", "step": "IDENTIFY", "name": "Triage threat",
                      "element": "Task_TriageThreat", "actor": "analyst", "detail": "done at 2026-11-27T11:48:43Z"},
                     {"at": "2026-11-27T11:48:47Z", "kind": "ACTION", "name": "PATCH_SOFTWARE (ERADICATION)",
                      "actor": "threatflow", "detail": "APPLIED on web-01: vendor fix installed"}]"""))))
    @GetMapping("/{threatId}/timeline")
    List<ThreatTimeline.Entry> timeline(@PathVariable String threatId) {
        return timeline.of(threatId);
    }
}
