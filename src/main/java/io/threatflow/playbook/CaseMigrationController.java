package io.threatflow.playbook;

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
@RestController
@RequestMapping("/api/playbooks/migrations")
class CaseMigrationController {

    private final CaseMigrations migrations;
    private final MigrationAccess access;

    CaseMigrationController(CaseMigrations migrations, MigrationAccess access) {
        this.migrations = migrations;
        this.access = access;
    }

    @GetMapping("/definitions")
    List<CaseMigrations.Version> definitions() {
        access.check();
        return migrations.versions();
    }

    @PostMapping("/plan")
    CaseMigrations.Plan plan(@RequestBody MigrationRequest request) {
        access.check();
        return migrations.plan(request);
    }

    @PostMapping
    ResponseEntity<Map<String, String>> migrate(@RequestBody MigrationRequest request) {
        access.check();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("batchId", migrations.migrate(request)));
    }

    @GetMapping("/{batchId}")
    CaseMigrations.Progress progress(@PathVariable String batchId) {
        access.check();
        return migrations.progress(batchId);
    }
}
