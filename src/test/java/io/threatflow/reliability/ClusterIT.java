package io.threatflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.AppNode;
import io.threatflow.testing.PatchCases;
import io.threatflow.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the packaged application share one PostgreSQL database (profile {@code postgres}); threats are
 * reported to and worked on both, and the job executors of both run the cases. Every case completes exactly
 * once, every action is applied once, and no incident appears. It prints what it saw (time, jobs per node,
 * optimistic locking exceptions) and asserts nothing about time.
 */
class ClusterIT {

    static final int THREATS = 200;
    static final int WORKERS = 6;
    static final Duration DEADLINE = Duration.ofMinutes(4);

    private final List<AppNode> nodes = new ArrayList<>();
    private final List<ApiClient> analysts = new ArrayList<>();

    @Test
    void shouldCompleteEveryCaseExactlyOnce_whenTwoNodesShareTheWork() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.createFresh()) {
            try {
                // one after the other: the first creates the schema, the demo users and the demo assets
                nodes.add(node("node-1", database).start());
                nodes.add(node("node-2", database).start());
                nodes.forEach(node -> analysts.add(new ApiClient(node.http(), "analyst")));
                walkAndCheck(database);
            } finally {
                nodes.forEach(AppNode::stop);
            }
        }
    }

    private void walkAndCheck(PostgresDatabase database) throws Exception {
        long started = System.nanoTime();
        List<String> threatIds = onAllWorkers(IntStream.range(0, THREATS).boxed().toList(), this::walk);
        Duration walked = Duration.ofNanos(System.nanoTime() - started);

        ApiClient admin = new ApiClient(nodes.get(0).http(), "admin");
        onAllWorkers(threatIds, threatId -> {
            PatchCases.assertEliminatedOnce(admin, threatId);
            return threatId;
        });
        long incidents = PatchCases.count(admin, "/engine-rest/incident/count");
        long failedJobRuns = PatchCases.count(admin, "/engine-rest/history/job-log/count?failureLog=true"
                + "&processDefinitionKey=" + PatchCases.PROCESS);
        long jobsLeft = PatchCases.count(admin, "/engine-rest/job/count?processDefinitionKey=" + PatchCases.PROCESS);

        // an orderly stop writes each node's job executor metrics to the database
        nodes.forEach(AppNode::stop);
        Map<String, Long> jobsPerNode = perNode(database,
                "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and process_def_key_ = '"
                        + PatchCases.PROCESS + "' group by hostname_");
        Map<String, Long> lockConflicts = perNode(database, "select reporter_, sum(value_) from act_ru_meter_log"
                + " where name_ = 'job-acquired-failure' group by reporter_");
        Map<String, Long> oles = new TreeMap<>();
        nodes.forEach(node -> oles.put(node.name(), node.countInLog("OptimisticLockingException")));

        System.out.printf("%n==== ClusterIT: %d threats walked to ELIMINATED through 2 nodes in %d s (%d workers)%n"
                        + "     jobs executed per node %s; failed job runs %d; jobs left %d; incidents %d%n"
                        + "     log lines with OptimisticLockingException per node %s%n"
                        + "     jobs a node tried to lock but another locked first, per node %s ====%n%n",
                threatIds.size(), walked.toSeconds(), WORKERS, jobsPerNode, failedJobRuns, jobsLeft, incidents, oles,
                lockConflicts);

        assertThat(incidents).as("incidents").isZero();
        assertThat(jobsLeft).as("jobs left after every case closed").isZero();
        assertThat(jobsPerNode).as("jobs executed per node").containsOnlyKeys("node-1", "node-2")
                .allSatisfy((node, jobs) -> assertThat(jobs).as(node).isPositive());
        assertThat(jobsPerNode.values().stream().mapToLong(Long::longValue).sum())
                .as("jobs executed: 6 asynchronous steps per case, each once").isEqualTo(6L * THREATS);
    }

    /**
     * Walks one case, alternating the nodes: reported to one, triaged on the other, investigated on the first,
     * closure confirmed on the second.
     */
    private String walk(int n) {
        ApiClient first = analysts.get(n % 2);
        ApiClient second = analysts.get((n + 1) % 2);
        String threatId = first.report(PatchCases.report("cluster", n));
        PatchCases.triage(second, threatId);
        PatchCases.investigate(first, PatchCases.awaitInvestigation(first, threatId));
        PatchCases.confirmClosure(second, threatId);
        first.awaitClosed(threatId, "ELIMINATED");
        return threatId;
    }

    /** Runs the work on a small pool, each item within the overall deadline; the first failure fails the test. */
    private static <T> List<String> onAllWorkers(List<T> items, Function<T, String> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<String>> futures = items.stream().map(item -> pool.submit(() -> work.apply(item))).toList();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                try {
                    results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                } catch (TimeoutException e) {
                    throw new AssertionError("not done within " + DEADLINE + ": " + results.size() + " of "
                            + items.size(), e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A figure per node from the database: the history's job log and the metrics record the engine hostname. */
    private static Map<String, Long> perNode(PostgresDatabase database, String query) throws Exception {
        Map<String, Long> perNode = new TreeMap<>();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                perNode.put(rows.getString(1), rows.getLong(2));
            }
        }
        return perNode;
    }

    private static AppNode node(String name, PostgresDatabase database) {
        // the job log and the metrics name the node that wrote them
        return AppNode.onPostgres(name, database).property("camunda.bpm.generic-properties.properties.hostname", name);
    }
}
