package io.threatflow.threat;

import io.threatflow.engine.CasesDeleted;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the register in line with the engine when an administrator deleted a playbook version with its running
 * cases: each threat whose case is gone is recorded as such ({@link CaseDeletion}, for its timeline) and, unless
 * already closed, WITHDRAWN, so that no threat stays open without a case. A business key that names no threat
 * (another process) is left alone.
 */
@Component
public class CaseDeletions {

    private final ThreatService threats;
    private final ThreatRepository register;
    private final CaseDeletionRepository deletions;

    CaseDeletions(ThreatService threats, ThreatRepository register, CaseDeletionRepository deletions) {
        this.threats = threats;
        this.register = register;
        this.deletions = deletions;
    }

    @EventListener
    @Transactional
    void on(CasesDeleted deleted) {
        for (CasesDeleted.DeletedCase deletedCase : deleted.cases()) {
            if (deletedCase.businessKey() != null) {
                record(new CaseDeletion(deletedCase.businessKey(), deletedCase.processInstanceId(), deletedCase.process(),
                        deletedCase.version(), deletedCase.deploymentId(), deleted.deletedBy(), deleted.deletedAt()));
            }
        }
    }

    private void record(CaseDeletion deletion) {
        register.findById(deletion.threatId()).ifPresent(threat -> {
            deletions.insert(deletion);
            if (!threat.status().isClosed()) {
                threats.changeStatus(threat.id(), ThreatStatus.WITHDRAWN);
            }
        });
    }

    /** The threat's cases that were deleted with their playbook version, oldest first. */
    public List<CaseDeletion> forThreat(String threatId) {
        return deletions.forThreat(threatId);
    }
}
