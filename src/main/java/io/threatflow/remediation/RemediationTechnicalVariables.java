package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.CONTAIN_DUE;
import static io.threatflow.remediation.RemediationProcess.CONTAIN_WITHIN;
import static io.threatflow.remediation.RemediationProcess.EPSS_POC_THRESHOLD;
import static io.threatflow.remediation.RemediationProcess.ERADICATION_ATTEMPT;
import static io.threatflow.remediation.RemediationProcess.EXTENDED_RESOLVE_DUE;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATION_ROUND;
import static io.threatflow.remediation.RemediationProcess.OVERDUE_TASK;
import static io.threatflow.remediation.RemediationProcess.RESOLVE_DUE;
import static io.threatflow.remediation.RemediationProcess.RESOLVE_WITHIN;
import static io.threatflow.remediation.RemediationProcess.RETRIES_LEFT;
import static io.threatflow.remediation.RemediationProcess.SOURCE_WORD_DUE;
import static io.threatflow.remediation.RemediationProcess.TRIAGE_DUE;
import static io.threatflow.remediation.RemediationProcess.TRIAGE_WITHIN;

import io.threatflow.engine.TechnicalVariables;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The remediation case's variables with no history: the service levels and due times (the SLA register and the
 * decision sla-policy's history keep them), the timers' due times, counters of rounds and attempts and the
 * EPSS threshold copied from the settings (the severity decision's history keeps it as an input).
 */
@Configuration(proxyBeanMethods = false)
class RemediationTechnicalVariables {

    @Bean
    TechnicalVariables remediationVariablesWithoutHistory() {
        return new TechnicalVariables(List.of(TRIAGE_WITHIN, CONTAIN_WITHIN, RESOLVE_WITHIN, TRIAGE_DUE, CONTAIN_DUE,
                RESOLVE_DUE, EXTENDED_RESOLVE_DUE, SOURCE_WORD_DUE, OVERDUE_TASK, INVESTIGATION_ROUND,
                ERADICATION_ATTEMPT, RETRIES_LEFT, EPSS_POC_THRESHOLD));
    }
}
