package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.INVESTIGATED_BY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import io.threatflow.engine.Actors;
import io.threatflow.engine.AsEngine;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When {@code Task_ApproveEradication} is created: four eyes. The user who investigated the threat loses the
 * right to work this task, even when they are a manager too, so the engine itself refuses their approval
 * (403) in Tasklist and over the API. The revocation goes with the task.
 */
@Component("excludeInvestigator")
class ExcludeInvestigatorListener implements TaskListener {

    private final AsEngine asEngine;

    ExcludeInvestigatorListener(AsEngine asEngine) {
        this.asEngine = asEngine;
    }

    @Override
    public void notify(DelegateTask task) {
        String investigator = INVESTIGATED_BY.from(task, null);
        if (investigator == null || Actors.UNKNOWN.equals(investigator)) {
            return;
        }
        AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
        Authorization revoke = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
        revoke.setUserId(investigator);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(task.getId());
        revoke.removePermission(Permissions.UPDATE);
        revoke.removePermission(TaskPermissions.TASK_WORK);
        revoke.removePermission(TaskPermissions.TASK_ASSIGN);
        // whoever's action created the task (an analyst) may not manage authorizations; the process may
        asEngine.run(() -> authorizations.saveAuthorization(revoke));
    }
}
