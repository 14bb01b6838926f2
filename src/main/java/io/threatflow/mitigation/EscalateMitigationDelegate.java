package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateMitigation}: the manager refused the residual risk and asked for stronger measures;
 * the next selection runs at a higher level.
 */
@Component("escalateMitigation")
class EscalateMitigationDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        MITIGATION_LEVEL.set(execution, MITIGATION_LEVEL.from(execution, 1) + 1);
    }
}
