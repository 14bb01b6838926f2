package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.sla.DueTimes;
import io.threatflow.sla.SlaRegister;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the flows out of {@code Task_DetermineServiceLevels} and {@code Task_ReassessServiceLevels} (decision
 * {@code sla-policy}; a task's end listener would run before its output mapping): turns the policy's durations into due times from the threat's report time and keeps
 * them in the register and in the case. After triage the due times that have passed stand and the others
 * follow the triaged severity.
 */
@Component("recordServiceLevels")
class RecordServiceLevelsListener implements ExecutionListener {

    private final ThreatService threats;
    private final SlaRegister register;
    private final Clock clock;

    RecordServiceLevelsListener(ThreatService threats, SlaRegister register, Clock clock) {
        this.threats = threats;
        this.register = register;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        DueTimes policy = DueTimes.after(threat.reportedAt(), TRIAGE_WITHIN.from(execution),
                CONTAIN_WITHIN.from(execution, null), RESOLVE_WITHIN.from(execution));
        DueTimes due = DueDates.from(execution).map(held -> held.reassessed(policy, clock.instant())).orElse(policy);
        register.recordDueTimes(threat.id(), due);
        DueDates.set(execution, due);
    }
}
