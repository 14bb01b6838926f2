package io.threatflow.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * The packaged application ({@code target/threatflow-*.jar}) running as a child JVM, as an operator runs it:
 * with {@code MALLOC_ARENA_MAX=2}, and from the extracted jar with its class-data archive ({@code target/app},
 * docs/operations.md#start-up) when the build made one for this jar. Its output goes to
 * {@code target/reliability/<name>.log}.
 */
public final class AppNode implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);

    private final String name;
    private final Map<String, String> env = new LinkedHashMap<>(Map.of("MALLOC_ARENA_MAX", "2"));
    private final List<String> arguments = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
    private final int port = freePort();
    private final Path log;
    private Process process;
    private Thread reaper;

    public AppNode(String name) {
        this.name = name;
        this.log = jar().getParent().resolve("reliability").resolve(name + ".log");
    }

    public AppNode env(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    /**
     * A node of the {@code postgres} profile on the given database, with the demo users (known password) and
     * demo assets switched on, as the cluster test and the history benchmark run it.
     */
    public static AppNode onPostgres(String name, PostgresDatabase database) {
        return new AppNode(name)
                .env("THREATFLOW_DB_URL", database.url())
                .env("THREATFLOW_DB_USER", PostgresDatabase.USER)
                .env("THREATFLOW_DB_PASSWORD", PostgresDatabase.PASSWORD)
                .env("THREATFLOW_DEMO_PASSWORD", ApiClient.PASSWORD)
                .property("spring.profiles.active", "postgres")
                .property("threatflow.demo.enabled", true);
    }

    /** Replaces the JVM options (default {@code -Xmx512m}); none at all runs the JVM with its own defaults. */
    public AppNode jvmOptions(List<String> options) {
        jvmOptions.clear();
        jvmOptions.addAll(options);
        return this;
    }

    /** A Spring property, passed as {@code --name=value}. */
    public AppNode property(String property, Object value) {
        arguments.add("--" + property + "=" + value);
        return this;
    }

    /**
     * Starts the JVM and returns once {@code /actuator/health} says UP, which it does only after the startup
     * runners (users, demo assets) are done: Camunda's job executor, part of health, starts after them.
     */
    public AppNode start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(launch());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // nothing of the calling environment configures the node by accident
        builder.environment().keySet().removeIf(v -> v.startsWith("THREATFLOW_") || v.startsWith("SPRING_"));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, String.join(" ", command) + System.lineSeparator());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        // a test JVM that dies must not leave nodes running
        reaper = new Thread(process::destroyForcibly, "reap-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
        awaitHealthy();
        return this;
    }

    /** The JVM's process id, e.g. to read its resident memory from /proc. */
    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** A client for this node; callers add the user with {@code withBasicAuth}. */
    public TestRestTemplate http() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl())
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)));
    }

    /** Asks the JVM to shut down (SIGTERM), as an orderly stop or a rolling restart does. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
        forgetReaper();
    }

    /** Kills the JVM on the spot (SIGKILL), as a power cut or the OOM killer does. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        forgetReaper();
    }

    @Override
    public void close() {
        stop();
    }

    /** How many lines of the node's log contain the text. */
    public long countInLog(String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("%s exited with %d while starting; log %s:%n%s", name, process.exitValue(), log, tail());
            }
            try {
                if (healthUp(client)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(250);
        }
        kill();
        fail("%s was not ready within %s; log %s:%n%s", name, STARTUP, log, tail());
    }

    private boolean healthUp(HttpClient client) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"UP\"");
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void forgetReaper() {
        if (reaper != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            reaper = null;
        }
    }

    /**
     * {@code -jar} and the jar to run: the extracted one with {@code -XX:SharedArchiveFile} when {@code target/app}
     * holds an archive at least as new as the packaged jar (a stale extraction would run old code), else the
     * packaged jar.
     */
    public static List<String> launch() {
        Path jar = jar();
        Path extracted = jar.getParent().resolve("app").resolve(jar.getFileName());
        Path archive = extracted.resolveSibling("app.jsa");
        try {
            if (Files.isRegularFile(extracted) && Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0
                    && Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-jar", jar.toString());
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("threatflow.jar", "target/threatflow-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail("%s is missing: the reliability tests run the packaged application; run them with `mvn verify`", jar);
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
