package io.threatflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.AppNode;
import io.threatflow.testing.PatchCases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application on an H2 file database is killed (SIGKILL) while eradication and validation jobs
 * run, and started again on the same database: every case still ends ELIMINATED, with each action applied
 * once and no incident.
 */
class CrashRecoveryIT {

    static final int THREATS = 20;
    /** Jobs a killed node had locked are picked up again after this; Camunda's default is 5 minutes. */
    static final Duration LOCK_TIME = Duration.ofSeconds(10);

    @Test
    void shouldEliminateEveryThreatOnce_whenNodeIsKilledWhileJobsRun(@TempDir Path data) throws Exception {
        // the options of the shipped default URL (application.yaml) on a database of this test's own:
        // WRITE_DELAY=0, or H2 acknowledges a commit up to 500 ms before it reaches the file and a SIGKILL
        // loses it (without it, 9 of 10 investigations answered 204 were gone after the restart)
        String database = "jdbc:h2:file:" + data.resolve("threatflow") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        long started = System.nanoTime();
        List<String> threatIds;

        try (AppNode node = node("crash-before-kill", database).start()) {
            ApiClient analyst = new ApiClient(node.http(), "analyst");
            threatIds = IntStream.range(0, THREATS).mapToObj(n -> analyst.report(PatchCases.report("crash", n))).toList();
            threatIds.forEach(threatId -> PatchCases.triage(analyst, threatId));
            List<String> investigations = threatIds.stream().map(id -> PatchCases.awaitInvestigation(analyst, id)).toList();

            // all investigations at once, so that eradication, validation and lifting jobs pile up
            ExecutorService analysts = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> submitted = investigations.stream()
                        .<Future<?>>map(task -> analysts.submit(() -> PatchCases.investigate(analyst, task))).toList();
                for (Future<?> submission : submitted) {
                    submission.get(60, TimeUnit.SECONDS);
                }
            } finally {
                analysts.shutdownNow();
            }
            node.kill();
        }

        try (AppNode node = node("crash-after-restart", database).start()) {
            ApiClient analyst = new ApiClient(node.http(), "analyst");
            ApiClient admin = new ApiClient(node.http(), "admin");
            assertThat(PatchCases.count(admin, "/engine-rest/task/count?taskDefinitionKey=Task_InvestigateThreat"))
                    .as("investigations answered before the kill and lost by it").isZero();
            threatIds.forEach(threatId -> PatchCases.confirmClosure(analyst, threatId));
            threatIds.forEach(threatId -> analyst.awaitClosed(threatId, "ELIMINATED"));

            threatIds.forEach(threatId -> PatchCases.assertEliminatedOnce(admin, threatId));
            assertThat(PatchCases.count(admin, "/engine-rest/incident/count")).as("incidents").isZero();
            String jobLog = "/engine-rest/history/job-log/count?processDefinitionKey=" + PatchCases.PROCESS;
            long afterRestart = PatchCases.count(admin, jobLog + "&successLog=true&hostname=" + node.name());
            long failures = PatchCases.count(admin, jobLog + "&failureLog=true");
            System.out.printf("%n==== CrashRecoveryIT: %d threats, %d jobs completed after the restart, %d failed job "
                            + "runs, %d s ====%n%n", THREATS, afterRestart, failures,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            assertThat(afterRestart).as("jobs left for the restarted node: the kill came while jobs were in flight")
                    .isPositive();
        }
    }

    private static AppNode node(String name, String database) {
        return new AppNode(name)
                .env("THREATFLOW_DEMO_PASSWORD", ApiClient.PASSWORD)
                .property("spring.datasource.url", database)
                .property("camunda.bpm.generic-properties.properties.hostname", name)
                .property("camunda.bpm.job-execution.lock-time-in-millis", LOCK_TIME.toMillis())
                // a job that meets H2's lock timeout under the restart's backlog is tried again within the test's
                // waits, not after the shipped minute
                .property("threatflow.jobs.retry-cycle", "R5/PT2S")
                .property("camunda.bpm.job-execution.wait-time-in-millis", 200)
                .property("camunda.bpm.job-execution.max-wait", 1000);
    }
}
