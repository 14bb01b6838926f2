package io.threatflow.casefile;

import io.threatflow.playbook.PlaybookVersions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.threatflow.access.CurrentUser;
import io.threatflow.access.Groups;
import io.threatflow.action.ActionService;
import io.threatflow.threat.Severity;
import io.threatflow.threat.SlaStanding;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatFilter;
import io.threatflow.threat.ThreatPage;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import io.threatflow.threat.ThreatType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.threatflow.web.InvalidFieldException;
import io.threatflow.web.Problems;
import io.threatflow.web.TimeBounds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read side of {@code /api/threats}: find threats, and a threat's case file (status, step, actions, timeline).
 * For analysts, managers and administrators, as the cases are in the engine and in Cockpit; a modeler or a
 * monitoring account gets 403.
 */
@RestController
@Tag(name = "Threats", description = "Report threats and follow their cases")
@RequestMapping(path = "/api/threats", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseFileController {

    record Summary(String threatId, String title, String type, String severity, String status, boolean dryRun,
                   String asset, String cve, Integer port, String source, String sourceRef, Instant reportedAt) {
        static Summary of(Threat t) {
            return new Summary(t.id(), t.title(), t.type().name(), t.severity() == null ? null : t.severity().name(),
                    t.status().name(), t.dryRun(), t.assetName(), t.cve(), t.port(), t.source(), t.sourceRef(),
                    t.reportedAt());
        }
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }

    /** The last page a search may ask for: deeper paging is a scan, narrow the filters instead. */
    static final int MAX_PAGE = 10_000;

    private final ThreatService threats;
    private final ThreatSearch search;
    private final ActionService actions;
    private final CaseProgress progress;
    private final ThreatTimeline timeline;
    private final CurrentUser user;
    private final Clock clock;
    private final PlaybookVersions playbooks;

    CaseFileController(ThreatService threats, ThreatSearch search, ActionService actions, CaseProgress progress,
                       ThreatTimeline timeline, CurrentUser user, Clock clock, PlaybookVersions playbooks) {
        this.user = user;
        this.playbooks = playbooks;
        this.threats = threats;
        this.search = search;
        this.actions = actions;
        this.progress = progress;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Operation(summary = "Find threats", description = "Newest report first, finished cases included; every filter "
            + "is optional: status, severity, type, asset (host name), reportedSince, cve (a CVE id), q (words of the "
            + "title), sla (ON_TRACK, BREACHED or MET) and assignee (whose open task it is).",
            responses = @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
                    {"items": [{"threatId": "9f882c6b-fe9c-4d8b-8765-b665b3f022a8", "title": "Log4Shell on web-01",
                      "type": "VULNERABILITY", "severity": "HIGH", "status": "OPEN", "dryRun": false,
                      "asset": "web-01",
                      "cve": "CVE-2021-44228", "reportedAt": "2026-11-27T11:47:14Z"}],
                     "page": 0, "size": 20, "total": 1}"""))))
    @GetMapping
    Page search(@RequestParam(required = false) ThreatStatus status,
                @RequestParam(required = false) Severity severity,
                @RequestParam(required = false) ThreatType type,
                @RequestParam(required = false) String asset,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant reportedSince,
                @RequestParam(required = false) String cve,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) SlaStanding sla,
                @RequestParam(required = false) String assignee,
                @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        requireReader();
        if (reportedSince != null) {
            TimeBounds.refusal(reportedSince, clock).ifPresent(refusal -> {
                throw new InvalidFieldException(Problems.INVALID_REQUEST, "reportedSince", refusal);
            });
        }
        ThreatFilter filter = search.filter(new ThreatSearch.Criteria(status, severity, type, asset, reportedSince,
                cve, q, sla, assignee));
        ThreatPage found = threats.search(filter, page, size);
        return new Page(found.items().stream().map(Summary::of).toList(), found.page(), found.size(), found.total());
    }

    @Operation(summary = "A threat with its status, phase times, current step and action log")
    @GetMapping("/{threatId}")
    ThreatView get(@PathVariable String threatId) {
        requireReader();
        Threat threat = threats.get(threatId);
        return ThreatView.of(threat, threats.evidence(threatId),
                playbooks.versionOf(threat.processInstanceId()).orElse(null), progress.of(threat.processInstanceId()),
                actions.history(threatId));
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
        requireReader();
        return timeline.of(threatId);
    }

    private void requireReader() {
        user.requireAnyOf(Groups.CASE_READERS, "The threat register");
    }
}
