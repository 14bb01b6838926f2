package io.threatflow.intake;

import io.threatflow.action.ActionService;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/threats", produces = MediaType.APPLICATION_JSON_VALUE)
class ThreatController {

    record Created(String threatId, String processInstanceId) {
    }

    private final ThreatIntake intake;
    private final ThreatService threats;
    private final ActionService actions;
    private final CaseProgress progress;

    ThreatController(ThreatIntake intake, ThreatService threats, ActionService actions, CaseProgress progress) {
        this.intake = intake;
        this.threats = threats;
        this.actions = actions;
        this.progress = progress;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> report(@Valid @RequestBody ThreatReport report) {
        ThreatIntake.Opened opened = intake.report(report);
        return ResponseEntity.created(URI.create("/api/threats/" + opened.threatId()))
                .body(new Created(opened.threatId(), opened.processInstanceId()));
    }

    @GetMapping("/{threatId}")
    ThreatView get(@PathVariable String threatId) {
        Threat threat = threats.get(threatId);
        return ThreatView.of(threat, progress.of(threat.processInstanceId()), actions.history(threatId));
    }
}
