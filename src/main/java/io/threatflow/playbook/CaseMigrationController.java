package io.threatflow.playbook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/playbooks/migrations}: the versions cases run on, the plan to move them from one version to another,
 * and the batch that moves them (docs/playbooks.md#moving-running-cases-to-a-new-version). Managers and
 * administrators only.
 */
@Tag(name = "Playbook migrations", description = "Move running cases to another version of their process "
        + "(managers, administrators)")
@RestController
@RequestMapping("/api/playbooks/migrations")
class CaseMigrationController {

    private final CaseMigrations migrations;
    private final MigrationAccess access;

    CaseMigrationController(CaseMigrations migrations, MigrationAccess access) {
        this.migrations = migrations;
        this.access = access;
    }

    @Operation(summary = "The process versions the caller may read, newest first, with their running cases")
    @GetMapping("/definitions")
    List<CaseMigrations.Version> definitions() {
        access.check();
        return migrations.versions();
    }

    @Operation(summary = "The plan to move the running cases of the source version to the target version",
            description = "The engine's generated plan (equal ids, event triggers updated) with the chosen mappings, "
                    + "the elements with waiting cases it leaves unmapped, and the engine's validation problems.")
    @PostMapping("/plan")
    CaseMigrations.Plan plan(@RequestBody MigrationRequest request) {
        access.check();
        return migrations.plan(request);
    }

    @Operation(summary = "Move every running case of the source version as planned, in a batch",
            responses = @ApiResponse(responseCode = "202", description = "The batch's id, to follow its progress"))
    @PostMapping
    ResponseEntity<Map<String, String>> migrate(@RequestBody MigrationRequest request) {
        access.check();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("batchId", migrations.migrate(request)));
    }

    @Operation(summary = "How a migration batch is getting on")
    @GetMapping("/{batchId}")
    CaseMigrations.Progress progress(@PathVariable String batchId) {
        access.check();
        return migrations.progress(batchId);
    }
}
