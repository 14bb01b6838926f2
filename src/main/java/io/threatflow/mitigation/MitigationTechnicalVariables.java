package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.CALLED_BY_CASE;
import static io.threatflow.mitigation.MitigationProcess.CASE_ID;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.RISK_REMINDER_DUE;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_DUE;

import io.threatflow.engine.TechnicalVariables;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mitigation's variables with no history: which case called it and whether one did (the call's history links
 * them), the measure counter and the review timers' due times (the risk register keeps the review date).
 */
@Configuration(proxyBeanMethods = false)
class MitigationTechnicalVariables {

    @Bean
    TechnicalVariables mitigationVariablesWithoutHistory() {
        return new TechnicalVariables(List.of(CASE_ID, CALLED_BY_CASE, MITIGATION_LEVEL, RISK_REVIEW_DUE,
                RISK_REMINDER_DUE));
    }
}
