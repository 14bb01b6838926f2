package io.threatflow.benchmark;

import io.threatflow.intake.ThreatIntake;
import io.threatflow.remediation.RemediationProcess;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Case throughput of the real application against the engine's own baseline, in one JVM, one engine, one
 * database: N threats of a realistic mix are reported through {@link ThreatIntake} and every
 * user task is answered as soon as it appears ({@link TaskPlayers}); then N instances of a trivial process
 * (start, one async no-op service task, end) run on the same engine. Measures, asserts nothing about time;
 * writes its section of target/benchmark/results.json. Runs only with {@code mvn -Pbenchmark verify}, once per
 * database ({@link CaseThroughputH2Benchmark}, {@link CaseThroughputPostgresBenchmark}); each run closes its
 * application context, so the two never compete for the cores.
 *
 * <p>SQL statements are counted by a wrapper around the DataSource ({@link SqlStatementCounter}); each concrete
 * benchmark imports {@link CountSqlStatements} (a nested configuration of an abstract base is not picked up).
 *
 * <p>System properties: benchmark.cases (1,000 on H2 and 500 on PostgreSQL, so that the whole benchmark fits in 25
 * minutes; 2,000 on both in the first round), benchmark.baseline.instances (10 x cases), benchmark.warmup.cases
 * (300; rounds of app and baseline are repeated until benchmark.warmup.seconds (30) have passed),
 * benchmark.concurrency (50 cases in flight), benchmark.players (4 task-completing threads),
 * benchmark.stall.seconds (120 without a case ending aborts the run).
 */
@SpringBootTest
@DirtiesContext
abstract class CaseThroughput {

    static final String BASELINE_KEY = "benchmark-baseline";

    private final int cases = Integer.getInteger("benchmark.cases", defaultCases());
    private final int warmupCases = Integer.getInteger("benchmark.warmup.cases", 300);
    private final int warmupSeconds = Integer.getInteger("benchmark.warmup.seconds", 30);
    // the trivial baseline runs far faster: more instances give it a measuring window as long as the app's
    private final int baselineInstances = Integer.getInteger("benchmark.baseline.instances", 10 * cases);
    private final int concurrency = Integer.getInteger("benchmark.concurrency", 50);
    private final int players = Integer.getInteger("benchmark.players", 4);
    private final int stallSeconds = Integer.getInteger("benchmark.stall.seconds", 120);

    @Autowired
    ThreatIntake intake;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    JdbcTemplate jdbc;

    private TaskPlayers taskPlayers;

    record Started(String processInstanceId, long startedAtMillis) {
    }

    record Phase(String name, int instances, long startMillis, long endMillis, Map<String, Long> before,
                 Map<String, Long> after, List<Long> latenciesMillis, long userTasks, long sqlStatements,
                 Map<String, Long> outcomes, Map<String, Long> tasksByKey, Map<String, Object> database) {

        double seconds() {
            return (endMillis - startMillis) / 1000.0;
        }

        long delta(String table) {
            return after.get(table) - before.get(table);
        }
    }

    /** "h2-mem" or "postgresql": the section of results.json and the heading of the table. */
    abstract String database();

    /** Cases when benchmark.cases is not set; a constant, as this is called while the object is built. */
    int defaultCases() {
        return 1000;
    }

    /** The top-level key of results.json that takes this database's ratio. */
    abstract String ratioKey();

    @Test
    void measureCaseThroughputAgainstEngineBaseline() throws Exception {
        long runStart = System.nanoTime();
        String loadAtStart = BenchmarkResults.loadAverage();
        deployBaseline();
        Map<String, Object> warmup = new LinkedHashMap<>();
        Phase app;
        Phase baseline;
        try (TaskPlayers players = new TaskPlayers(tasks, this.players)) {
            taskPlayers = players;
            long warmupStart = System.nanoTime();
            int warmupRounds = 0;
            int warmedCases = 0;
            do {
                int offset = warmedCases;
                runPhase("warmup-app", RemediationProcess.KEY, warmupCases, n -> report("warmup", offset + n));
                runPhase("warmup-baseline", BASELINE_KEY, warmupCases, n -> startBaseline());
                warmedCases += warmupCases;
                warmupRounds++;
            } while (System.nanoTime() - warmupStart < warmupSeconds * 1_000_000_000L);
            warmup.put("casesPerRound", warmupCases);
            warmup.put("rounds", warmupRounds);
            warmup.put("appCases", warmedCases);
            warmup.put("baselineInstances", warmedCases);
            warmup.put("minimumSeconds", warmupSeconds);
            warmup.put("actualSeconds", BenchmarkResults.round((System.nanoTime() - warmupStart) / 1e9));

            app = runPhase("app", RemediationProcess.KEY, cases, n -> report("measured", n));
            baseline = runPhase("baseline", BASELINE_KEY, baselineInstances, n -> startBaseline());
        }
        double totalSeconds = (System.nanoTime() - runStart) / 1e9;

        Map<String, Object> appFigures = figures(app);
        Map<String, Object> baselineFigures = figures(baseline);
        double ratio = (double) appFigures.get("flowNodeInstancesPerSecond")
                / (double) baselineFigures.get("flowNodeInstancesPerSecond");

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("benchmark", "case-throughput");
        results.put("timestamp", Instant.now().toString());
        results.put("flowNodeRatio", BenchmarkResults.round(ratio));
        Map<String, Object> conditions = conditions(warmup);
        conditions.put("loadAverageAtStart", loadAtStart);
        conditions.put("loadAverageAtEnd", BenchmarkResults.loadAverage());
        results.put("conditions", conditions);
        results.put("app", appFigures);
        results.put("baseline", baselineFigures);
        results.put("benchmarkSeconds", BenchmarkResults.round(totalSeconds));
        BenchmarkResults.merge("caseThroughput-" + database(), Map.of(ratioKey(), BenchmarkResults.round(ratio)), results);
        print(appFigures, baselineFigures, ratio, BenchmarkResults.FILE, totalSeconds);
    }

    private Started report(String run, int n) {
        long at = System.currentTimeMillis();
        return new Started(intake.report(ThreatMix.report(run, n), "bench").processInstanceId(), at);
    }

    private Started startBaseline() {
        long at = System.currentTimeMillis();
        return new Started(runtime.startProcessInstanceByKey(BASELINE_KEY).getId(), at);
    }

    private void deployBaseline() {
        BpmnModelInstance baseline = Bpmn.createExecutableProcess(BASELINE_KEY)
                .name("Benchmark baseline")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_BaselineStarted")
                .serviceTask("Task_Nothing").name("Do nothing").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent("EndEvent_BaselineEnded")
                .done();
        repository.createDeployment().name(BASELINE_KEY).addModelInstance(BASELINE_KEY + ".bpmn", baseline).deploy();
    }

    /** Keeps {@code concurrency} instances of {@code key} in flight until n have ended. */
    private Phase runPhase(String name, String key, int n, IntFunction<Started> start) throws InterruptedException {
        long userTasksBefore = taskPlayers.completed();
        Map<String, Long> tasksBefore = taskPlayers.completedByTask();
        Map<String, Long> before = counts();
        long sqlBefore = SqlStatementCounter.statements();
        SqlStatementCounter.resetTimings();
        long startMillis = System.currentTimeMillis();
        List<Started> started = new ArrayList<>(n);
        long lastEnded = -1;
        long lastProgress = System.currentTimeMillis();
        while (true) {
            taskPlayers.check();
            long active = SqlStatementCounter.uncounted(
                    () -> runtime.createProcessInstanceQuery().processDefinitionKey(key).count());
            long ended = started.size() - active;
            long now = System.currentTimeMillis();
            if (ended != lastEnded) {
                lastEnded = ended;
                lastProgress = now;
            }
            if (started.size() == n && active == 0) {
                break;
            }
            if (now - lastProgress > stallSeconds * 1000L) {
                throw new IllegalStateException(name + " stalled: " + active + " instances of " + key
                        + " made no progress for " + stallSeconds + " s; incidents: " + incidents());
            }
            for (long free = concurrency - active; free > 0 && started.size() < n; free--) {
                started.add(start.apply(started.size()));
            }
            Thread.sleep(5);
        }
        long sqlStatements = SqlStatementCounter.statements() - sqlBefore;
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("timedStatementMillis", SqlStatementCounter.totalMillis());
        database.put("definition", "wall time inside JDBC execute calls of the application's statements, summed over "
                + "all threads; the top statements by that time");
        database.put("topStatements", SqlStatementCounter.topStatements(15));
        List<Long> latencies = new ArrayList<>(n);
        Map<String, Long> outcomes = new TreeMap<>();
        long endMillis = startMillis;
        for (int from = 0; from < started.size(); from += 500) {
            List<Started> chunk = started.subList(from, Math.min(from + 500, started.size()));
            Map<String, Long> startedAt = new LinkedHashMap<>();
            chunk.forEach(s -> startedAt.put(s.processInstanceId(), s.startedAtMillis()));
            for (HistoricProcessInstance instance : SqlStatementCounter.uncounted(() -> history
                    .createHistoricProcessInstanceQuery().processInstanceIds(startedAt.keySet()).list())) {
                outcomes.merge(String.valueOf(instance.getEndActivityId()), 1L, Long::sum);
                long end = instance.getEndTime().getTime();
                latencies.add(end - startedAt.get(instance.getId()));
                endMillis = Math.max(endMillis, end);
            }
        }
        Collections.sort(latencies);
        Map<String, Long> tasksByKey = new TreeMap<>();
        taskPlayers.completedByTask().forEach((task, count) -> {
            long delta = count - tasksBefore.getOrDefault(task, 0L);
            if (delta > 0) {
                tasksByKey.put(task, delta);
            }
        });
        return new Phase(name, n, startMillis, endMillis, before, counts(), latencies,
                taskPlayers.completed() - userTasksBefore, sqlStatements, outcomes, tasksByKey, database);
    }

    /** Row counts of every ACT_HI_ table, plus the runtime incidents. */
    private Map<String, Long> counts() {
        return SqlStatementCounter.uncounted(this::countRows);
    }

    private Map<String, Long> countRows() {
        Map<String, Long> counts = new TreeMap<>();
        // H2 keeps table names in upper case, PostgreSQL in lower case
        for (String table : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE UPPER(TABLE_NAME) LIKE 'ACT_HI_%' AND TABLE_SCHEMA = CURRENT_SCHEMA", String.class)) {
            counts.put(table.toUpperCase(java.util.Locale.ROOT), jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        counts.put("JOBS_SUCCEEDED", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2", Long.class));
        counts.put("JOBS_FAILED", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1", Long.class));
        counts.put("INCIDENTS", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Long.class));
        return counts;
    }

    private List<String> incidents() {
        return SqlStatementCounter.uncounted(() -> jdbc.queryForList("SELECT ACTIVITY_ID_ || ': ' || INCIDENT_MSG_ FROM ACT_RU_INCIDENT LIMIT 5",
                String.class));
    }

    private Map<String, Object> figures(Phase phase) {
        double n = phase.instances();
        long flowNodes = phase.delta("ACT_HI_ACTINST");
        long historyRows = flowNodes + phase.delta("ACT_HI_VARINST") + phase.delta("ACT_HI_DETAIL");
        long allHistoryRows = phase.after().entrySet().stream().filter(e -> e.getKey().startsWith("ACT_HI_"))
                .mapToLong(e -> e.getValue() - phase.before().get(e.getKey())).sum();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("processInstances", phase.instances());
        f.put("windowSeconds", BenchmarkResults.round(phase.seconds()));
        f.put("completedProcessInstancesPerSecond", BenchmarkResults.round(n / phase.seconds()));
        f.put("allProcessInstancesIncludingCalled", phase.delta("ACT_HI_PROCINST"));
        f.put("flowNodeInstances", flowNodes);
        f.put("flowNodeInstancesPerSecond", BenchmarkResults.round(flowNodes / phase.seconds()));
        Map<String, Object> perCase = new LinkedHashMap<>();
        perCase.put("flowNodeInstances", BenchmarkResults.round(flowNodes / n));
        perCase.put("jobLogEntries", BenchmarkResults.round(phase.delta("ACT_HI_JOB_LOG") / n));
        perCase.put("jobsSucceeded", BenchmarkResults.round(phase.delta("JOBS_SUCCEEDED") / n));
        perCase.put("jobsFailed", BenchmarkResults.round(phase.delta("JOBS_FAILED") / n));
        perCase.put("historyRows", BenchmarkResults.round(historyRows / n));
        perCase.put("historyRowsDefinition", "ACT_HI_ACTINST + ACT_HI_VARINST + ACT_HI_DETAIL rows added");
        perCase.put("allHistoryRows", BenchmarkResults.round(allHistoryRows / n));
        perCase.put("userTasks", BenchmarkResults.round(phase.userTasks() / n));
        perCase.put("sqlStatements", BenchmarkResults.round(phase.sqlStatements() / n));
        f.put("perCase", perCase);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("definition", "from the call that reports/starts the case to the end time of its process instance");
        latency.put("p50Millis", BenchmarkResults.percentile(phase.latenciesMillis(), 50));
        latency.put("p95Millis", BenchmarkResults.percentile(phase.latenciesMillis(), 95));
        latency.put("p99Millis", BenchmarkResults.percentile(phase.latenciesMillis(), 99));
        latency.put("maxMillis", phase.latenciesMillis().get(phase.latenciesMillis().size() - 1));
        f.put("startToEnd", latency);
        f.put("outcomes", phase.outcomes());
        f.put("userTasksByKey", phase.tasksByKey());
        f.put("incidentsOpenAtEnd", phase.after().get("INCIDENTS"));
        Map<String, Long> tables = new TreeMap<>();
        phase.after().forEach((table, count) -> tables.put(table, count - phase.before().get(table)));
        f.put("rowsAddedPerTable", tables);
        f.put("databaseTime", phase.database());
        return f;
    }

    private Map<String, Object> conditions(Map<String, Object> warmup) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("database", database());
        c.put("cores", Runtime.getRuntime().availableProcessors());
        c.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        c.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        c.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        c.put("cases", cases);
        c.put("baselineInstances", baselineInstances);
        c.put("warmup", warmup);
        c.put("concurrency", concurrency);
        c.put("taskPlayerThreads", players);
        c.put("taskPollIntervalMillis", 10);
        c.put("mix", ThreatMix.DESCRIPTION);
        c.put("historyLevel", engine.getHistoryLevel().getName());
        c.put("authorizationEnabled", engine.isAuthorizationEnabled());
        c.put("taskCompletion", "TaskService without an authenticated user (no authorization checks)");
        c.put("jobExecutor", jobExecutor());
        c.put("sqlStatements", "JDBC execute/executeQuery/executeUpdate calls plus statements added to a batch, "
                + "through a counting wrapper around the DataSource; includes the task players' getVariable reads "
                + "and completions, excludes the benchmark's polling and row counting");
        return c;
    }

    private Map<String, Object> jobExecutor() {
        JobExecutor executor = engine.getJobExecutor();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("type", executor.getClass().getSimpleName());
        j.put("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
        j.put("waitTimeInMillis", executor.getWaitTimeInMillis());
        j.put("maxWait", executor.getMaxWait());
        j.put("lockTimeInMillis", executor.getLockTimeInMillis());
        if (executor instanceof SpringJobExecutor spring && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
            j.put("corePoolSize", pool.getCorePoolSize());
            j.put("maxPoolSize", pool.getMaxPoolSize());
            j.put("queueCapacity", pool.getQueueCapacity());
        }
        return j;
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> app, Map<String, Object> base, double ratio, Path out, double seconds) {
        Map<String, Object> appCase = (Map<String, Object>) app.get("perCase");
        Map<String, Object> baseCase = (Map<String, Object>) base.get("perCase");
        Map<String, Object> appLatency = (Map<String, Object>) app.get("startToEnd");
        Map<String, Object> baseLatency = (Map<String, Object>) base.get("startToEnd");
        String row = "%-34s %14s %14s%n";
        StringBuilder table = new StringBuilder("\n=== ThreatFlow case throughput (" + database() + ") ===\n");
        table.append(String.format(row, "", "app", "baseline"));
        table.append(String.format(row, "process instances", app.get("processInstances"), base.get("processInstances")));
        table.append(String.format(row, "window s", app.get("windowSeconds"), base.get("windowSeconds")));
        table.append(String.format(row, "completed instances/s", app.get("completedProcessInstancesPerSecond"),
                base.get("completedProcessInstancesPerSecond")));
        table.append(String.format(row, "flow-node instances/s", app.get("flowNodeInstancesPerSecond"),
                base.get("flowNodeInstancesPerSecond")));
        for (String key : List.of("flowNodeInstances", "jobLogEntries", "jobsSucceeded", "historyRows", "allHistoryRows", "userTasks", "sqlStatements")) {
            table.append(String.format(row, "per case: " + key, appCase.get(key), baseCase.get(key)));
        }
        for (String key : List.of("p50Millis", "p95Millis", "p99Millis", "maxMillis")) {
            table.append(String.format(row, "start-to-end " + key, appLatency.get(key), baseLatency.get(key)));
        }
        table.append(String.format(row, "incidents open at end", app.get("incidentsOpenAtEnd"), base.get("incidentsOpenAtEnd")));
        table.append(String.format("flowNodeRatio (app/baseline flow-node instances/s): %.3f%n", ratio));
        table.append(String.format("whole benchmark incl. warm-up: %.1f s; results: %s%n", seconds, out.toAbsolutePath()));
        System.out.println(table);
    }

}
