package io.threatflow.remediation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import io.threatflow.engine.FourEyes;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Four eyes on eradication: whoever investigated a threat (completed {@code Task_InvestigateThreat} in its case)
 * never approves or rejects its eradication ({@code Task_ApproveEradication}), whatever groups they are in. The
 * engine enforces it for every path (engine.CaseGuard). Earlier versions revoked the investigator's rights on
 * each approval task instead, and a revocation makes the engine check revocations in every authorized query;
 * those still open are removed on start.
 */
@Configuration(proxyBeanMethods = false)
class EradicationFourEyes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EradicationFourEyes.class);

    private final TaskService tasks;
    private final AuthorizationService authorizations;

    EradicationFourEyes(TaskService tasks, AuthorizationService authorizations) {
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Bean
    FourEyes investigatorNeverApproves() {
        return FourEyes.between(RemediationProcess.KEY, RemediationProcess.TASK_INVESTIGATE_THREAT,
                RemediationProcess.TASK_APPROVE_ERADICATION, "investigated this threat");
    }

    @Override
    public void run(ApplicationArguments args) {
        int removed = 0;
        for (Task approval : tasks.createTaskQuery().processDefinitionKey(RemediationProcess.KEY)
                .taskDefinitionKey(RemediationProcess.TASK_APPROVE_ERADICATION).list()) {
            for (Authorization revoke : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_REVOKE)
                    .resourceType(Resources.TASK).resourceId(approval.getId()).list()) {
                authorizations.deleteAuthorization(revoke.getId());
                removed++;
            }
        }
        if (removed > 0) {
            log.info("Removed {} revocations on approval tasks: four eyes is enforced at completion", removed);
        }
    }
}
