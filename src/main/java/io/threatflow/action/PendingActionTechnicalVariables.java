package io.threatflow.action;

import io.threatflow.engine.TechnicalVariables;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What steers a case waiting for an action's result: whether it waits, for which action and until when. */
@Configuration(proxyBeanMethods = false)
class PendingActionTechnicalVariables {

    @Bean
    TechnicalVariables pendingActionVariablesWithoutHistory() {
        return new TechnicalVariables(List.of(PendingActions.ACTION_PENDING, PendingActions.PENDING_ACTION_ID,
                PendingActions.ACTION_RESULT_DUE));
    }
}
