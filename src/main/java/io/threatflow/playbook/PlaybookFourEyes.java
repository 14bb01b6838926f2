package io.threatflow.playbook;

import io.threatflow.engine.FourEyes;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Four eyes on playbook changes: whoever proposed a change never reviews it (approve or refuse, claim or be given
 * the task), whatever groups they are in, administrators included. The engine enforces it (engine.CaseGuard).
 */
@Configuration(proxyBeanMethods = false)
class PlaybookFourEyes {

    @Bean
    FourEyes authorNeverReviews() {
        return new FourEyes(PlaybookChangeProcess.KEY, PlaybookChangeProcess.TASK_REVIEW, List.of(
                new FourEyes.NamedBy(PlaybookChangeProcess.PROPOSED_BY.name(), "proposed this change")));
    }
}
