package io.threatflow.playbook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.threatflow.access.CurrentUser;
import io.threatflow.access.Groups;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The playbook's versions and the proposed changes with their review, for managers, modelers and administrators.
 * A change is proposed by deploying through {@code /engine-rest/deployment/create} (Camunda Modeler), not here.
 */
@RestController
@Tag(name = "Playbooks", description = "Playbook versions and the review of changes")
@RequestMapping(path = "/api/playbooks", produces = MediaType.APPLICATION_JSON_VALUE)
class PlaybookController {

    static final List<String> READERS = List.of(Groups.MANAGERS, Groups.MODELERS, Groups.ADMINS);

    private final PlaybookVersions versions;
    private final PlaybookChangeStore changes;
    private final CurrentUser user;

    PlaybookController(PlaybookVersions versions, PlaybookChangeStore changes, CurrentUser user) {
        this.versions = versions;
        this.changes = changes;
        this.user = user;
    }

    @Operation(summary = "Every playbook version, newest (current) first, with who proposed and approved it and its cases")
    @GetMapping("/versions")
    List<PlaybookVersions.Version> versions() {
        requireReader();
        return versions.list();
    }

    @Operation(summary = "Every proposed change, newest first: pending, deployed or refused with the reviewer's reason")
    @GetMapping("/changes")
    List<PlaybookChange> changes() {
        requireReader();
        return changes.all();
    }

    @Operation(summary = "One proposed change: its status, what changed, who reviewed it and why")
    @GetMapping("/changes/{changeId}")
    PlaybookChange change(@PathVariable String changeId) {
        requireReader();
        return changes.find(changeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No playbook change with id '" + changeId + "'"));
    }

    private void requireReader() {
        user.requireAnyOf(READERS, "Playbook versions and changes");
    }
}
