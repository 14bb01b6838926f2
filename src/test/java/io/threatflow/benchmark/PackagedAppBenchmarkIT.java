package io.threatflow.benchmark;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.AppNode;
import io.threatflow.testing.PatchCases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged application as an operator runs it ({@code java -jar}, H2 file database, the shipped settings; only the
 * demo password is set): the time from JVM start to every webapp answering, on an empty database and again on the same
 * database (a restart), resident memory after start, after 1,000 cases driven through the API to their end, and after
 * the intake run; then the intake's latency at a fixed rate ({@link OpenLoopLoad}) from this JVM, a separate process.
 * Asserts nothing about time; then how long the job executor takes to start every accepted case, and the same load at
 * twice the rate, whose answers should be quick refusals (503 with Retry-After) with no report answered 201 lost. Adds
 * {@code startupSeconds}, {@code restartSeconds}, {@code rssMbAfter1000}, {@code intakeP99Ms}, {@code intakeErrors},
 * {@code intakeDrainSeconds} and the overload figures to target/benchmark/results.json. Runs only with {@code mvn
 * -Pbenchmark verify}.
 *
 * <p>System properties: benchmark.intake.rate (200 requests/s), benchmark.intake.seconds (30; the issue asks for 60,
 * halved so that the whole benchmark fits in 25 minutes: the drain of the accepted cases took four of them),
 * benchmark.intake.warmup.seconds (10), benchmark.overload.seconds (10, at twice the rate),
 * benchmark.drain.limit.seconds (300; -1 when not drained by then), benchmark.memory.cases (1000), benchmark.jvm (JVM
 * options of the node, space separated; the benchmark profile passes the pom's {@code threatflow.jvm}, the options
 * docs/operations.md tells an operator to run a node with; empty runs the JVM with its own defaults).
 */
class PackagedAppBenchmarkIT {

    private static final Pattern STARTED = Pattern.compile("Started ThreatFlowApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private final int rate = Integer.getInteger("benchmark.intake.rate", 200);
    private final int seconds = Integer.getInteger("benchmark.intake.seconds", 30);
    private final int warmupSeconds = Integer.getInteger("benchmark.intake.warmup.seconds", 10);
    private final int overloadSeconds = Integer.getInteger("benchmark.overload.seconds", 10);
    private final int drainLimitSeconds = Integer.getInteger("benchmark.drain.limit.seconds", 300);
    private final int memoryCases = Integer.getInteger("benchmark.memory.cases", 1000);
    private final List<String> jvm = Arrays.stream(System.getProperty("benchmark.jvm", "").trim().split("\\s+"))
            .filter(option -> !option.isEmpty()).toList();

    @Test
    void measureStartupMemoryAndIntakeLatency() throws Exception {
        Path data = Path.of("target", "benchmark", "h2-" + System.currentTimeMillis()).toAbsolutePath();
        Map<String, Object> figures = new LinkedHashMap<>();
        try (AppNode node = new AppNode("benchmark-app").jvmOptions(jvm)
                .env("THREATFLOW_DEMO_PASSWORD", ApiClient.PASSWORD)
                .property("spring.datasource.url", "jdbc:h2:file:" + data.resolve("threatflow")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")) {
            double startup = launchToWebapps(node);
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("secondsToAllWebapps", BenchmarkResults.round(startup));
            start.put("definition", "first start on an empty database (it creates the engine's and ThreatFlow's "
                    + "tables and deploys the models): from launching `java -jar` to /actuator/health UP and the "
                    + "Tasklist, Cockpit and Admin pages answering 200, polled every 250 ms");
            start.putAll(springReported(node.log()));
            node.stop();
            double restart = launchToWebapps(node);
            Map<String, Object> again = new LinkedHashMap<>();
            again.put("secondsToAllWebapps", BenchmarkResults.round(restart));
            again.put("definition", "the same node launched again on the database of its first start, as a restart "
                    + "or a new node of a cluster starts; measured as above");
            again.putAll(springReported(node.log()));
            start.put("restart", again);
            figures.put("startup", start);
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("rssMbAfterStart", rssMb(node.pid()));

            long casesStart = System.nanoTime();
            driveCases(node, memoryCases);
            Map<String, Object> cases = new LinkedHashMap<>();
            cases.put("cases", memoryCases);
            cases.put("definition", "each reported, triaged, investigated, patched, validated and closed through the "
                    + "HTTP API by 8 client threads; ends ELIMINATED");
            cases.put("seconds", BenchmarkResults.round((System.nanoTime() - casesStart) / 1e9));
            figures.put("casesDriven", cases);
            memory.put("rssMbAfter" + memoryCases, rssMb(node.pid()));

            OpenLoopLoad load = new OpenLoopLoad(node.baseUrl(), "analyst", ApiClient.PASSWORD, Duration.ofSeconds(10));
            AnalystQueue queue = new AnalystQueue(node.baseUrl());
            long waitingBefore = queue.poll().open();
            AtomicInteger reports = new AtomicInteger();
            OpenLoopLoad.Result warmup = load.run(rate, warmupSeconds, n -> report("warmup", reports.getAndIncrement()));
            OpenLoopLoad.Result measured = load.run(rate, seconds, n -> report("measured", reports.getAndIncrement()));
            long expected = waitingBefore + warmup.created() + measured.created();
            double drain = queue.awaitOpen(drainLimitSeconds, expected);
            Map<String, Object> intake = measured.figures();
            intake.put("warmup", warmup.figures());
            intake.put("request", "POST /api/threats, HTTP Basic (user analyst), a distinct VULNERABILITY each: every "
                    + "request starts a case, after the answer");
            intake.put("drainSeconds", drain);
            intake.put("drainDefinition", "from the last answer of the measured run until every case accepted in the "
                    + "warm-up and the run waits at triage (the analysts' queue count, polled)");
            figures.put("intake", intake);

            OpenLoopLoad.Result overload = load.run(2 * rate, overloadSeconds,
                    n -> report("overload", reports.getAndIncrement()));
            expected += overload.created();
            double overloadDrain = queue.awaitOpen(drainLimitSeconds, expected);
            long waiting = queue.poll().open();
            Map<String, Object> over = overload.figures();
            over.put("request", "as above, at twice the rate");
            over.put("drainSeconds", overloadDrain);
            over.put("casesWaitingAtTriage", waiting);
            over.put("casesExpected", expected);
            over.put("lostReports", Math.max(0, expected - waiting));
            over.put("lostDefinition", "reports answered 201 (in all runs) whose case does not wait at triage after "
                    + "the drain");
            figures.put("overload", over);
            memory.put("rssMbAfterIntake", rssMb(node.pid()));
            memory.put("definition", "VmRSS of the application's JVM from /proc/<pid>/status");
            figures.put("memory", memory);
            figures.put("conditions", conditions(node));

            Map<String, Object> headlines = new LinkedHashMap<>();
            headlines.put("intakeP99Ms", measured.p99Ms());
            headlines.put("intakeErrors", measured.notCreated());
            headlines.put("intakeDrainSeconds", drain);
            headlines.put("overloadRefused", overload.refused());
            headlines.put("overloadP99Ms", overload.p99Ms());
            headlines.put("overloadLostReports", Math.max(0, expected - waiting));
            headlines.put("startupSeconds", BenchmarkResults.round(startup));
            headlines.put("restartSeconds", BenchmarkResults.round(restart));
            headlines.put("rssMbAfter1000", memory.get("rssMbAfter" + memoryCases));
            BenchmarkResults.merge("packagedApp-h2-file", headlines, figures);
            print(figures, headlines);
        }
    }

    private void driveCases(AppNode node, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int number = n;
                done.add(clients.submit(() -> {
                    PatchCases.driveToElimination(new ApiClient(node.http(), "analyst"), "benchmark", number);
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static String report(String run, int n) {
        return String.format("{\"title\":\"Load test flaw %d (%s)\",\"type\":\"VULNERABILITY\",\"asset\":\"%s\","
                        + "\"cve\":\"CVE-2097-%06d\",\"severity\":\"MEDIUM\",\"source\":\"benchmark-load\","
                        + "\"sourceRef\":\"load-%s-%d\"}", n, run, n % 2 == 0 ? "web-01" : "laptop-0042",
                100_000 + n, run, n);
    }

    /** Launches the node and returns the seconds until all three webapps answer. */
    private static double launchToWebapps(AppNode node) throws IOException, InterruptedException {
        long launched = System.nanoTime();
        node.start();
        awaitWebapps(node);
        return (System.nanoTime() - launched) / 1e9;
    }

    private static void awaitWebapps(AppNode node) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            URI page = URI.create(node.baseUrl() + "/camunda/app/" + app + "/default/");
            while (client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() != 200) {
                Thread.sleep(250);
            }
        }
    }

    private static Map<String, Object> springReported(Path log) throws IOException {
        Map<String, Object> reported = new LinkedHashMap<>();
        Matcher started = STARTED.matcher(Files.readString(log));
        if (started.find()) {
            reported.put("springStartedSeconds", Double.parseDouble(started.group(1)));
            reported.put("jvmRunningSecondsAtStarted", Double.parseDouble(started.group(2)));
        }
        return reported;
    }

    static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private Map<String, Object> conditions(AppNode node) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("timestamp", Instant.now().toString());
        c.put("database", "h2-file (WRITE_DELAY=0, as shipped)");
        c.put("cores", Runtime.getRuntime().availableProcessors());
        c.put("loadAverageAtEnd", BenchmarkResults.loadAverage());
        c.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        c.put("nodeJvmOptions", jvm.isEmpty() ? "none (JVM defaults)" : String.join(" ", jvm));
        c.put("nodeLaunch", String.join(" ", AppNode.launch()) + " (MALLOC_ARENA_MAX=2; the class-data archive when the "
                + "build made one: -Dthreatflow.cds.skip=false, on in the benchmark profile)");
        c.put("totalMemoryMb", totalMemoryMb());
        c.put("loadGenerator", "this JVM (a separate process from the application), java.net.http HttpClient, open loop");
        c.put("log", node.log().toString());
        return c;
    }

    private static long totalMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> figures, Map<String, Object> headlines) {
        Map<String, Object> intake = (Map<String, Object>) figures.get("intake");
        StringBuilder out = new StringBuilder("\n=== ThreatFlow packaged application (H2 file) ===\n");
        String row = "%-40s %s%n";
        out.append(String.format(row, "first start to all webapps (s)", headlines.get("startupSeconds")));
        out.append(String.format(row, "restart to all webapps (s)", headlines.get("restartSeconds")));
        ((Map<String, Object>) figures.get("memory")).forEach((key, value) -> out.append(String.format(row, key, value)));
        out.append(String.format(row, "intake rate (target / achieved)", intake.get("targetRatePerSecond") + " / "
                + intake.get("achievedRatePerSecond")));
        for (String key : List.of("sent", "created", "refused", "errors", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs",
                "drainSeconds")) {
            out.append(String.format(row, "intake " + key, intake.get(key)));
        }
        Map<String, Object> overload = (Map<String, Object>) figures.get("overload");
        for (String key : List.of("targetRatePerSecond", "created", "refused", "refusedWithRetryAfter", "errors",
                "p99Ms", "refusedP99Ms", "drainSeconds", "lostReports")) {
            out.append(String.format(row, "overload " + key, overload.get(key)));
        }
        out.append("results: ").append(BenchmarkResults.FILE.toAbsolutePath()).append('\n');
        System.out.println(out);
    }
}
