package io.threatflow.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grows the history of a PostgreSQL database fast: every history row (ACT_HI_*, and the history byte arrays in
 * ACT_GE_BYTEARRAY) and every register row (threat, action_log) of a few real, completed cases is copied
 * {@code copies} times, each copy with its own ids and its times moved back by 90 seconds per copy, so the
 * copies spread over months as a real history does. What is copied was written by the real application, so
 * the rows, their sizes and the indexes they fill are those of real cases; only the ids and times differ.
 * The application must be stopped while this runs.
 */
final class HistoryClone {

    /** Columns ending in {@code id_} that name something shared by every copy (a definition, a user, an element). */
    private static final Set<String> SHARED_IDS = Set.of("deployment_id_", "user_id_", "group_id_", "tenant_id_",
            "act_id_", "activity_id_", "failed_activity_id_", "failed_act_id_", "start_act_id_", "end_act_id_",
            "start_user_id_", "assigner_id_", "clause_id_", "rule_id_", "job_definition_id_", "worker_id_", "org_id_");

    private HistoryClone() {
    }

    /** Copies the rows of the given root process instances; returns rows added per table. */
    static Map<String, Long> copy(Connection db, List<String> rootProcessInstanceIds, int copies) throws SQLException {
        String roots = rootProcessInstanceIds.stream().map(id -> "'" + id.replace("'", "''") + "'")
                .collect(Collectors.joining(","));
        Map<String, Long> added = new LinkedHashMap<>();
        for (String table : tables(db)) {
            List<String[]> columns = columns(db, table);
            if (columns.stream().noneMatch(c -> c[0].equals("root_proc_inst_id_"))) {
                continue;
            }
            String names = columns.stream().map(c -> c[0]).collect(Collectors.joining(", "));
            String values = columns.stream().map(HistoryClone::copied).collect(Collectors.joining(", "));
            try (Statement sql = db.createStatement()) {
                added.put(table, (long) sql.executeUpdate("insert into " + table + " (" + names + ") select " + values
                        + " from " + table + " cross join generate_series(1, " + copies + ") as copy(n)"
                        + " where root_proc_inst_id_ in (" + roots + ")"));
            }
        }
        try (Statement sql = db.createStatement()) {
            // a threat id is a UUID (36 characters): each copy gets one derived from the original and the copy
            added.put("threat", (long) sql.executeUpdate("insert into threat (" + threatColumns(db) + ") select "
                    + threatValues(db) + " from threat cross join generate_series(1, " + copies + ") as copy(n)"
                    + " where process_instance_id in (" + roots + ")"));
            added.put("action_log", (long) sql.executeUpdate("insert into action_log (threat_id, action, purpose, "
                    + "target, status, attempt, idempotency_key, case_id, detail, performed_at) select "
                    + "md5(a.threat_id || '-' || n)::uuid::text, a.action, a.purpose, a.target, a.status, a.attempt, "
                    + "a.idempotency_key || '-' || n, md5(a.case_id || '-' || n), a.detail, "
                    + "a.performed_at - n * interval '90 seconds' "
                    + "from action_log a join threat t on t.id = a.threat_id cross join generate_series(1, " + copies
                    + ") as copy(n) where t.process_instance_id in (" + roots + ")"));
            sql.execute("analyze");
        }
        return added;
    }

    private static String copied(String[] column) {
        String name = column[0];
        String type = column[1];
        if (name.endsWith("id_") && !name.endsWith("def_id_") && !SHARED_IDS.contains(name)
                || name.equals("business_key_")) {
            // derived from the original and the copy, so every table maps an id alike; 32 characters fit every column
            return "md5(" + name + " || '-' || n)";
        }
        if (type.startsWith("timestamp")) {
            return name + " - n * interval '90 seconds'";
        }
        return name;
    }

    private static String threatColumns(Connection db) throws SQLException {
        return columns(db, "threat").stream().map(c -> c[0]).collect(Collectors.joining(", "));
    }

    private static String threatValues(Connection db) throws SQLException {
        return columns(db, "threat").stream().map(c -> switch (c[0]) {
            case "id" -> "md5(id || '-' || n)::uuid::text";
            case "process_instance_id" -> "md5(process_instance_id || '-' || n)";
            case "source_ref" -> "source_ref || '-' || n";
            default -> c[1].startsWith("timestamp") ? c[0] + " - n * interval '90 seconds'" : c[0];
        }).collect(Collectors.joining(", "));
    }

    private static List<String> tables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select table_name from "
                + "information_schema.tables where table_schema = current_schema() and (table_name like 'act\\_hi\\_%' "
                + "or table_name = 'act_ge_bytearray') order by table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static List<String[]> columns(Connection db, String table) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select column_name, data_type "
                + "from information_schema.columns where table_schema = current_schema() and table_name = '" + table
                + "' order by ordinal_position")) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return columns;
    }
}
