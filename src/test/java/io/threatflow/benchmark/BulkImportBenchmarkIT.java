package io.threatflow.benchmark;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.AppNode;
import io.threatflow.testing.PostgresDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A scan import on PostgreSQL: the analysts' queue (Tasklist's "Analyst tasks" filter, page plus count) with
 * {@code benchmark.bulk.before} (100) open triage tasks; then {@code benchmark.bulk.findings} (10,000) OCSF findings
 * posted in arrays of {@code benchmark.bulk.batch} (1,000), one after another, timed from the first request until every
 * case waits at triage, with the queue polled meanwhile; then the queue again with all those tasks open. Asserts
 * nothing about time; writes {@code tasklistQueryRatio}, {@code bulkImport10kSeconds} and
 * {@code queueP99MsDuringImport} with their conditions to target/benchmark/results.json.
 *
 * <p>System properties: benchmark.bulk.before (100), benchmark.bulk.findings (10000), benchmark.bulk.batch (1000),
 * benchmark.bulk.queries (30, after 5 not counted), benchmark.drain.limit.seconds (600; -1 when not done by then).
 */
class BulkImportBenchmarkIT {

    /** Its own databases: leftovers of an earlier run of this benchmark are dropped, nobody else's. */
    private static final String PREFIX = "threatflow_bulkbench_";

    /** A scan's findings spread over its hosts, as a network scan finds them. */
    private static final int HOSTS = 200;

    private final int before = Integer.getInteger("benchmark.bulk.before", 100);
    private final int findings = Integer.getInteger("benchmark.bulk.findings", 10_000);
    private final int batchSize = Integer.getInteger("benchmark.bulk.batch", 1000);
    private final int queries = Integer.getInteger("benchmark.bulk.queries", 30);
    private final int drainLimitSeconds = Integer.getInteger("benchmark.drain.limit.seconds", 600);

    @Test
    void measureBulkImportAndQueueAsTheBacklogGrows() throws Exception {
        PostgresDatabase.dropAll(PREFIX);
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> headlines = new LinkedHashMap<>();
        try (PostgresDatabase database = PostgresDatabase.createFresh(PREFIX);
             AppNode node = AppNode.onPostgres("bulk-import", database).start()) {
            AnalystQueue queue = new AnalystQueue(node.baseUrl());
            Statistics statistics = new Statistics(database);
            long waiting = queue.poll().open();
            ApiClient analyst = new ApiClient(node.http(), "analyst");
            for (int n = 0; n < before; n++) {
                analyst.post("/api/threats", Map.of("title", "Backlog flaw " + n, "type", "VULNERABILITY",
                        "asset", n % 2 == 0 ? "web-01" : "laptop-0042", "cve", String.format("CVE-2095-%06d", 100_000 + n),
                        "severity", "MEDIUM", "source", "benchmark-backlog", "sourceRef", "backlog-" + n));
            }
            waiting = queue.awaitOpen(drainLimitSeconds, waiting + before) < 0 ? queue.poll().open() : waiting + before;
            statistics.refresh();
            Map<String, Object> small = queue.measure(queries);
            figures.put("queueBefore", small);

            List<Long> duringImport = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean importing = new AtomicBoolean(true);
            ExecutorService poller = Executors.newSingleThreadExecutor();
            Future<?> polling = poller.submit(() -> {
                AnalystQueue own = new AnalystQueue(node.baseUrl());
                while (importing.get()) {
                    duringImport.add(own.poll().micros());
                    Thread.sleep(200);
                }
                return null;
            });
            statistics.startEvery(Duration.ofSeconds(15));
            long start = System.nanoTime();
            List<Double> batchSeconds = new ArrayList<>();
            long created = 0;
            Map<Integer, Integer> statuses = new LinkedHashMap<>();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("analyst:" + ApiClient.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            for (int first = 0; first < findings; first += batchSize) {
                StringBuilder body = new StringBuilder("[");
                for (int n = first; n < Math.min(findings, first + batchSize); n++) {
                    body.append(n == first ? "" : ",").append(finding(n));
                }
                body.append(']');
                long sent = System.nanoTime();
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
                                + "/api/findings/ocsf")).timeout(Duration.ofMinutes(5)).header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                batchSeconds.add(BenchmarkResults.round((System.nanoTime() - sent) / 1e9));
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"created\"\\s*:\\s*(\\d+)")
                        .matcher(answer.body());
                if (count.find()) {
                    created += Long.parseLong(count.group(1));
                }
            }
            double answered = BenchmarkResults.round((System.nanoTime() - start) / 1e9);
            double drained = queue.awaitOpen(drainLimitSeconds, waiting + created);
            double total = drained < 0 ? -1 : BenchmarkResults.round((System.nanoTime() - start) / 1e9);
            importing.set(false);
            polling.get();
            poller.shutdown();
            statistics.stop();
            statistics.refresh();

            Map<String, Object> bulk = new LinkedHashMap<>();
            bulk.put("findings", findings);
            bulk.put("batchSize", batchSize);
            bulk.put("created", created);
            bulk.put("answersByStatus", statuses);
            bulk.put("secondsUntilLastAnswer", answered);
            bulk.put("batchAnswerSeconds", batchSeconds);
            bulk.put("secondsUntilEveryCaseWaitsAtTriage", total);
            bulk.put("definition", "from the first request until the analysts' queue count holds every created case "
                    + "(polled every 250 ms); -1: not within " + drainLimitSeconds + " s");
            Map<String, Object> polled = new LinkedHashMap<>();
            polled.put("polls", duringImport.size());
            polled.putAll(AnalystQueue.percentiles(duringImport));
            polled.put("definition", "page plus count, one after another with 200 ms between, from the first request "
                    + "until every case waited at triage");
            bulk.put("queueDuringImport", polled);
            figures.put("bulkImport", bulk);

            Map<String, Object> large = queue.measure(queries);
            figures.put("queueAfter", large);

            double ratio = BenchmarkResults.round(((Number) large.get("p50Ms")).doubleValue()
                    / ((Number) small.get("p50Ms")).doubleValue());
            headlines.put("tasklistQueryRatio", ratio);
            headlines.put("bulkImport10kSeconds", total);
            headlines.put("queueP99MsDuringImport", polled.get("p99Ms"));
        }
        Map<String, Object> conditions = BenchmarkResults.postgresConditions();
        conditions.put("findings", findings + " OCSF Vulnerability Findings, each a distinct CVE on one of " + HOSTS + " hosts (unknown to the inventory, so registered as unmanaged), "
                + "in arrays of " + batchSize + " posted one after another as user analyst");
        conditions.put("tasklistQuery", queries + " times, one after another, " + AnalystQueue.DEFINITION);
        conditions.put("tasklistQueryRatio", "p50 with the import's tasks open over p50 with " + before + " open");
        conditions.put("statistics", STATISTICS);
        figures.put("conditions", conditions);
        BenchmarkResults.merge("bulkImport-postgresql", headlines, figures);
        System.out.println("\n=== ThreatFlow scan import (PostgreSQL) ===\n" + headlines + "\n" + figures);
    }

    private static final String STATISTICS = "PostgreSQL keeps its planner statistics by autovacuum; where the "
            + "server runs with autovacuum off (as this machine's does), the benchmark runs ANALYZE every 15 s during the "
            + "import and before each queue measurement, as autovacuum would. Without it the queue plans on the "
            + "statistics of empty tables: a nested loop that took 10 s per page at 10,100 open tasks.";

    /** Stands in for autovacuum's ANALYZE when the server has autovacuum off; does nothing where it is on. */
    private static final class Statistics {
        private final PostgresDatabase database;
        private final boolean needed;
        private ScheduledExecutorService analyzer;

        Statistics(PostgresDatabase database) throws SQLException {
            this.database = database;
            try (Connection connection = database.connect(); Statement sql = connection.createStatement();
                 ResultSet autovacuum = sql.executeQuery("show autovacuum")) {
                this.needed = autovacuum.next() && "off".equals(autovacuum.getString(1));
            }
        }

        void refresh() throws SQLException {
            if (needed) {
                try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
                    sql.execute("analyze");
                }
            }
        }

        void startEvery(Duration period) {
            if (!needed) {
                return;
            }
            analyzer = Executors.newSingleThreadScheduledExecutor();
            analyzer.scheduleWithFixedDelay(() -> {
                try {
                    refresh();
                } catch (SQLException e) {
                    throw new IllegalStateException("ANALYZE failed", e);
                }
            }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }

        void stop() {
            if (analyzer != null) {
                analyzer.shutdownNow();
            }
        }
    }

    private static String finding(int n) {
        return String.format("{\"class_uid\": 2002, \"severity_id\": 3, \"finding_info\": {\"uid\": \"scan-%d\", "
                + "\"title\": \"Scan finding %d\"}, \"device\": {\"hostname\": \"%s\"}, \"vulnerabilities\": "
                + "[{\"cve\": {\"uid\": \"CVE-2094-%06d\"}}], \"metadata\": {\"product\": {\"name\": \"Scanner\"}}}",
                n, n, String.format("scan-host-%03d.corp", n % HOSTS), 100_000 + n);
    }
}
