package io.threatflow.access;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with no users, when demo users are enabled: one user per role. The password comes from
 * THREATFLOW_DEMO_PASSWORD; without one a random password is generated and printed once, so no well-known
 * password ever guards the application.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "threatflow.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final Map<String, String> USER_GROUPS = Map.of(
            "analyst", Groups.ANALYSTS, "manager", Groups.MANAGERS, "modeler", Groups.MODELERS, "admin", Groups.ADMINS);

    private final IdentityService identity;
    private final String configuredPassword;

    DemoUsers(IdentityService identity, @Value("${threatflow.demo.password:}") String configuredPassword) {
        this.identity = identity;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.createUserQuery().count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? IdentitySetup.Passwords.generate() : configuredPassword;
        USER_GROUPS.forEach((userId, groupId) -> {
            User user = identity.newUser(userId);
            user.setFirstName(Character.toUpperCase(userId.charAt(0)) + userId.substring(1));
            user.setLastName("(demo)");
            user.setEmail(userId + "@threatflow.invalid");
            user.setPassword(password);
            identity.saveUser(user);
            identity.createMembership(userId, groupId);
        });
        if (generated) {
            IdentitySetup.Passwords.announce(log, "ThreatFlow demo users created: "
                    + USER_GROUPS.keySet().stream().sorted().toList(), password, "THREATFLOW_DEMO_PASSWORD");
        } else {
            log.info("ThreatFlow demo users {} created with the password from THREATFLOW_DEMO_PASSWORD",
                    USER_GROUPS.keySet().stream().sorted().toList());
        }
    }
}
