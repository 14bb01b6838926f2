package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.sla.DueTimes;
import io.threatflow.sla.SlaRegister;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ExtendResolution}: a manager gave the overdue case more time. The new resolution due date
 * (checked by {@link RecordOverdueDecisionListener}) goes to the register and to {@code resolveDue}, which
 * the timer that follows and the case's later tasks read.
 */
@Component("extendResolution")
class ExtendResolutionDelegate implements JavaDelegate {

    private final SlaRegister register;

    ExtendResolutionDelegate(SlaRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DueTimes extended = DueDates.from(execution)
                .orElseThrow(() -> new ProcessEngineException("the case has no due times to extend"))
                .withResolveDue(EXTENDED_RESOLVE_DUE.from(execution).toInstant());
        register.recordDueTimes(THREAT_ID.from(execution), extended);
        DueDates.set(execution, extended);
    }
}
