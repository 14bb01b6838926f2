package io.threatflow.kpi;

import io.threatflow.access.CurrentUser;
import io.threatflow.access.Groups;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may read the threat KPIs, decided in one place for every surface that shows them ({@code /api/metrics}
 * and the Cockpit dashboard): managers and Camunda administrators.
 */
@Component
public class KpiReaders {

    static final List<String> GROUPS = List.of(Groups.MANAGERS, Groups.ADMINS);

    private final CurrentUser user;

    KpiReaders(CurrentUser user) {
        this.user = user;
    }

    public boolean mayRead() {
        return user.isInAnyOf(GROUPS);
    }

    /** Why a user who may not read them is refused, as a problem's detail. */
    public String refusal() {
        return "The threat KPIs are for members of " + String.join(" and ", GROUPS);
    }
}
