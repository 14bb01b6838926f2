package io.threatflow.access;

import java.util.Map;

/** The groups that ThreatFlow's processes and authorizations name. */
public final class Groups {

    public static final String ANALYSTS = "analysts";
    public static final String MANAGERS = "managers";
    public static final String MODELERS = "modelers";
    public static final String ADMINS = "camunda-admin";

    static final Map<String, String> ALL = Map.of(
            ANALYSTS, "Security analysts", MANAGERS, "SOC managers", MODELERS, "Process modelers",
            ADMINS, "Camunda administrators");

    private Groups() {
    }
}
