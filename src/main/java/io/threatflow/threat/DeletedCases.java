package io.threatflow.threat;

import io.threatflow.engine.CasesDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the register in line with the engine when an administrator deleted a playbook version with its running
 * cases: each threat whose case is gone is recorded as such and, unless already closed, WITHDRAWN, so that no threat
 * stays open without a case. A business key that names no threat (another process) is left alone.
 */
@Component
class DeletedCases {

    private final ThreatService threats;

    DeletedCases(ThreatService threats) {
        this.threats = threats;
    }

    @EventListener
    void on(CasesDeleted deleted) {
        for (CasesDeleted.DeletedCase deletedCase : deleted.cases()) {
            if (deletedCase.businessKey() != null) {
                threats.recordCaseDeleted(new CaseDeletion(deletedCase.businessKey(), deletedCase.processInstanceId(),
                        deletedCase.process(), deletedCase.version(), deletedCase.deploymentId(), deleted.deletedBy(),
                        deleted.deletedAt()));
            }
        }
    }
}
