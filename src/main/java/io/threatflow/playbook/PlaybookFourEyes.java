package io.threatflow.playbook;

import io.threatflow.engine.FourEyes;
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
        return FourEyes.authorNeverChecks(PlaybookChangeProcess.KEY, PlaybookChangeProcess.PROPOSED_BY.name(),
                PlaybookChangeProcess.TASK_REVIEW);
    }
}
