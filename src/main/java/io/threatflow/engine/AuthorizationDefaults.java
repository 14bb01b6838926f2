package io.threatflow.engine;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The authorizations the engine writes by itself when something is created.
 *
 * <ul>
 *   <li>A new user may read their own record and change their profile and password ({@link OwnUserRecord}); Camunda
 *       would grant ALL, deleting themselves included.</li>
 *   <li>A task of a process gets no authorization rows of its own: not for its candidate groups, candidate users,
 *       assignee or owner. Who may see and work the tasks of a process is granted once per process definition
 *       (access.GroupAuthorizations), and {@link CaseGuard} lets only the task's candidates and assignee work it.
 *       Camunda would write a row per candidate group and per assignee of every task, and every Tasklist query
 *       joins them: with a backlog of thousands of open threats, the analyst's queue slowed with it.</li>
 *   <li>The creator of a deployment may read it, not delete it (Camunda would grant ALL).</li>
 *   <li>A task created by hand in Tasklist (no process) keeps Camunda's rows: nothing else grants it.</li>
 * </ul>
 */
@Component
class AuthorizationDefaults extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newUser(User user) {
            return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, Resources.USER,
                    user.getId(), OwnUserRecord.OWN_RECORD)};
        }

        /** The creator reads their deployment; deleting a version is for administrators (DeploymentDeletionGuard). */
        @Override
        public AuthorizationEntity[] newDeployment(Deployment deployment) {
            var user = Context.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
            String creator = user == null ? null : user.getUserId();
            return creator == null ? null : new AuthorizationEntity[] {createGrantAuthorization(creator, null,
                    Resources.DEPLOYMENT, deployment.getId(), OwnUserRecord.OWN_DEPLOYMENT)};
        }

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return ofProcess(task) ? null : super.newTaskAssignee(task, oldAssignee, newAssignee);
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return ofProcess(task) ? null : super.newTaskOwner(task, oldOwner, newOwner);
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return ofProcess(task) ? null : super.newTaskUserIdentityLink(task, userId, type);
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return ofProcess(task) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
        }

        private static boolean ofProcess(Task task) {
            return task.getProcessDefinitionId() != null;
        }
    }
}
