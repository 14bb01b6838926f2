package io.threatflow.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A user may read their own user record and change their profile and password, nothing more. Camunda grants a
 * new user ALL on their own record, which lets them delete themselves too; here a new user gets READ and UPDATE
 * ({@link AuthorizationDefaults}), and on start the users who hold ALL on their own record from before get the same.
 * Likewise the creator of a deployment gets READ on it, not READ and DELETE: deleting a version is for
 * administrators (DeploymentDeletionGuard).
 */
@Component
class OwnUserRecord extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(OwnUserRecord.class);

    static final Permission[] OWN_RECORD = {Permissions.READ, Permissions.UPDATE};
    /** What the creator of a deployment holds on it: deleting a version is for administrators (DeploymentDeletionGuard). */
    static final Permission[] OWN_DEPLOYMENT = {Permissions.READ};

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        int narrowed = 0;
        for (Authorization own : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.USER).list()) {
            if (own.getUserId() != null && own.getUserId().equals(own.getResourceId()) && own.isEveryPermissionGranted()) {
                own.setPermissions(OWN_RECORD);
                authorizations.saveAuthorization(own);
                narrowed++;
            }
        }
        if (narrowed > 0) {
            log.info("{} users may now only read and update their own user record, no longer delete it", narrowed);
        }
    }
}
