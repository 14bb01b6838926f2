package io.threatflow.benchmark;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.AppNode;
import io.threatflow.testing.PatchCases;
import io.threatflow.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What a growing history costs, on PostgreSQL: intake latency at a fixed rate and the time of the query Tasklist
 * runs for an analyst's queue (the "Analyst tasks" filter: a page of 15 tasks in HAL with the count), first with
 * an almost empty history, then with {@code benchmark.history.cases} (default 100,000) completed cases in it.
 * The completed cases are real ones driven through the API, copied in bulk by {@link HistoryClone} while the
 * node is stopped. The task query is timed with the same open tasks in both phases: after the first intake run,
 * before the second. Asserts nothing about time; writes its section of target/benchmark/results.json.
 *
 * <p>System properties: benchmark.history.cases (100000), benchmark.history.templates (20 real cases),
 * benchmark.history.rate (200 requests/s), benchmark.history.seconds (30), benchmark.history.queries (30, after 5
 * not counted).
 * <p>Opt-in, as it takes about ten minutes: {@code mvn -Pbenchmark verify -Dbenchmark.history=true}.
 */
@EnabledIfSystemProperty(named = "benchmark.history", matches = "true")
class HistoryGrowthBenchmarkIT {

    private final int historyCases = Integer.getInteger("benchmark.history.cases", 100_000);
    private final int templates = Integer.getInteger("benchmark.history.templates", 20);
    private final int rate = Integer.getInteger("benchmark.history.rate", 200);
    private final int seconds = Integer.getInteger("benchmark.history.seconds", 30);
    private final int queries = Integer.getInteger("benchmark.history.queries", 30);
    private final AtomicInteger reports = new AtomicInteger();

    @Test
    void measureIntakeAndTasklistAsHistoryGrows() throws Exception {
        PostgresDatabase.dropAll(CaseThroughputPostgresBenchmark.PREFIX);
        Map<String, Object> figures = new LinkedHashMap<>();
        try (PostgresDatabase database = PostgresDatabase.createFresh(CaseThroughputPostgresBenchmark.PREFIX)) {
            Map<String, Object> empty = new LinkedHashMap<>();
            List<String> roots;
            try (AppNode node = AppNode.onPostgres("history-empty", database).start()) {
                roots = driveTemplateCases(node);
                empty.put("history", history(database));
                empty.put("intake", intake(node).figures());
                empty.put("tasklistQuery", taskQueries(node));
            }
            figures.put("emptyHistory", empty);

            long cloneStart = System.nanoTime();
            int copies = Math.max(0, (historyCases - templates + templates - 1) / templates);
            Map<String, Long> added;
            try (Connection db = database.connect()) {
                added = HistoryClone.copy(db, roots, copies);
            }
            Map<String, Object> growth = new LinkedHashMap<>();
            growth.put("copiesOfEachTemplateCase", copies);
            growth.put("rowsAdded", added);
            growth.put("seconds", BenchmarkResults.round((System.nanoTime() - cloneStart) / 1e9));
            figures.put("historyGrowth", growth);

            Map<String, Object> full = new LinkedHashMap<>();
            long launched = System.nanoTime();
            try (AppNode node = AppNode.onPostgres("history-full", database).start()) {
                full.put("startupSecondsToHealthy", BenchmarkResults.round((System.nanoTime() - launched) / 1e9));
                full.put("history", history(database));
                full.put("tasklistQuery", taskQueries(node));
                full.put("intake", intake(node).figures());
            }
            figures.put("fullHistory", full);
        }
        Map<String, Object> conditions = BenchmarkResults.postgresConditions();
        conditions.put("nodeJvmOptions", "-Xmx512m");
        conditions.put("intake", rate + " requests/s for " + seconds + " s after a 10 s warm-up, open loop");
        conditions.put("tasklistQuery", queries + " times, one after another, " + AnalystQueue.DEFINITION);
        figures.put("conditions", conditions);
        BenchmarkResults.merge("historyGrowth-postgresql", Map.of(), figures);
        System.out.println("\n=== ThreatFlow as history grows (PostgreSQL) ===\n" + summary(figures));
    }


    /** Real cases, each to its end (ELIMINATED); returns their process instance ids. */
    private List<String> driveTemplateCases(AppNode node) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int n = 0; n < templates; n++) {
                int number = n;
                done.add(clients.submit(() -> {
                    ApiClient analyst = new ApiClient(node.http(), "analyst");
                    String threatId = PatchCases.driveToElimination(analyst, "history", number);
                    return String.valueOf(analyst.threat(threatId).get("processInstanceId"));
                }));
            }
            List<String> roots = new ArrayList<>();
            for (Future<String> each : done) {
                roots.add(each.get());
            }
            return roots;
        } finally {
            clients.shutdownNow();
        }
    }

    private OpenLoopLoad.Result intake(AppNode node) throws InterruptedException {
        OpenLoopLoad load = new OpenLoopLoad(node.baseUrl(), "analyst", ApiClient.PASSWORD, Duration.ofSeconds(10));
        load.run(rate, 10, n -> body(reports.getAndIncrement()));
        return load.run(rate, seconds, n -> body(reports.getAndIncrement()));
    }

    private static String body(int n) {
        return String.format("{\"title\":\"History load %d\",\"type\":\"VULNERABILITY\",\"asset\":\"%s\","
                + "\"cve\":\"CVE-2096-%06d\",\"severity\":\"MEDIUM\",\"source\":\"benchmark-history\","
                + "\"sourceRef\":\"history-%d\"}", n, n % 2 == 0 ? "web-01" : "laptop-0042", 100_000 + n, n);
    }

    private Map<String, Object> taskQueries(AppNode node) throws Exception {
        return new AnalystQueue(node.baseUrl()).measure(queries);
    }

    private static Map<String, Object> history(PostgresDatabase database) throws Exception {
        Map<String, Object> h = new LinkedHashMap<>();
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            h.put("completedCases", single(sql, "select count(*) from act_hi_procinst where end_time_ is not null "
                    + "and proc_def_key_ = 'threat-remediation'"));
            h.put("activityInstanceRows", single(sql, "select count(*) from act_hi_actinst"));
            h.put("variableRows", single(sql, "select count(*) from act_hi_varinst") + single(sql, "select count(*) from act_hi_detail"));
            h.put("databaseMb", single(sql, "select pg_database_size(current_database())") / (1024 * 1024));
        }
        return h;
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static String summary(Map<String, Object> figures) {
        StringBuilder out = new StringBuilder();
        String row = "%-36s %16s %16s%n";
        out.append(String.format(row, "", "empty history", "full history"));
        Map<String, Object> empty = (Map<String, Object>) figures.get("emptyHistory");
        Map<String, Object> full = (Map<String, Object>) figures.get("fullHistory");
        for (String part : List.of("history", "intake", "tasklistQuery")) {
            Map<String, Object> a = (Map<String, Object>) empty.get(part);
            Map<String, Object> b = (Map<String, Object>) full.get(part);
            for (String key : a.keySet()) {
                if (a.get(key) instanceof Number || b.get(key) instanceof Number) {
                    out.append(String.format(row, part + " " + key, a.get(key), b.get(key)));
                }
            }
        }
        out.append("history growth: ").append(figures.get("historyGrowth")).append('\n');
        return out.toString();
    }
}
