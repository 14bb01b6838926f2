package io.threatflow.access;

import java.util.List;
import java.util.Map;

/** The groups that ThreatFlow's processes and authorizations name. */
public final class Groups {

    public static final String ANALYSTS = "analysts";
    public static final String MANAGERS = "managers";
    public static final String MODELERS = "modelers";
    public static final String ADMINS = "camunda-admin";
    /** Machine users that scrape /actuator/prometheus; the group holds no engine permission. */
    public static final String MONITORING = "monitoring";

    /**
     * Who works threat cases and may read them, with the register and the inventory behind them: not the modelers,
     * not the monitoring accounts.
     */
    public static final List<String> CASE_READERS = List.of(ANALYSTS, MANAGERS, ADMINS);

    static final Map<String, String> ALL = Map.of(
            ANALYSTS, "Security analysts", MANAGERS, "SOC managers", MODELERS, "Process modelers",
            ADMINS, "Camunda administrators", MONITORING, "Metrics scrapers");

    private Groups() {
    }
}
