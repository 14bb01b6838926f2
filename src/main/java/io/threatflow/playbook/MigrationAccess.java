package io.threatflow.playbook;

import io.threatflow.access.CurrentUser;
import io.threatflow.access.Groups;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who may see migration plans and move running cases to another playbook version: managers and administrators. */
@Component
public class MigrationAccess {

    static final List<String> MIGRATORS = List.of(Groups.MANAGERS, Groups.ADMINS);

    private final CurrentUser user;

    MigrationAccess(CurrentUser user) {
        this.user = user;
    }

    /** Refuses (403 problem) everybody else. */
    public void check() {
        user.requireAnyOf(MIGRATORS, "Moving cases to another playbook version");
    }
}
