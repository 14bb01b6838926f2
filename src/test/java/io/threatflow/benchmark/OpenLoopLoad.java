package io.threatflow.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Sends {@code POST /api/threats} at a fixed rate from this JVM to a separate application process, open loop:
 * request i is due at start + i / rate whether or not the earlier ones have been answered, so a slow answer
 * never lowers the rate, and its latency is counted from the moment it was due (no coordinated omission).
 * A request answered 503 or 429 is refused (counted apart, with whether it named a Retry-After); any other answer
 * than 201 within the timeout is an error.
 */
final class OpenLoopLoad {

    record Result(int rate, int seconds, long sent, long created, long refused, long refusedWithRetryAfter,
                  long errors, Map<String, Long> errorsByKind, Histogram latency, Histogram serviceTime,
                  Histogram refusedLatency, double achievedRate) {

        Map<String, Object> figures() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("targetRatePerSecond", rate);
            f.put("seconds", seconds);
            f.put("achievedRatePerSecond", BenchmarkResults.round(achievedRate));
            f.put("sent", sent);
            f.put("created", created);
            f.put("refused", refused);
            f.put("refusedWithRetryAfter", refusedWithRetryAfter);
            if (refused > 0) {
                f.put("refusedP99Ms", millis(refusedLatency, 99));
                f.put("refusedMaxMs", BenchmarkResults.round(refusedLatency.getMaxValue() / 1000.0));
            }
            f.put("errors", errors);
            f.put("errorsByKind", errorsByKind);
            f.put("latencyDefinition", "from the moment the request was due (open-loop schedule) to the last byte of the answer");
            f.put("p50Ms", millis(latency, 50));
            f.put("p90Ms", millis(latency, 90));
            f.put("p99Ms", millis(latency, 99));
            f.put("p999Ms", millis(latency, 99.9));
            f.put("maxMs", BenchmarkResults.round(latency.getMaxValue() / 1000.0));
            f.put("serviceTimeP50Ms", millis(serviceTime, 50));
            f.put("serviceTimeP99Ms", millis(serviceTime, 99));
            f.put("serviceTimeDefinition", "from the moment the request was actually handed to the HTTP client to the answer");
            return f;
        }

        double p99Ms() {
            return millis(latency, 99);
        }

        /** Every request not answered 201: refusals and errors. */
        long notCreated() {
            return refused + errors;
        }

        private static double millis(Histogram histogram, double percentile) {
            return BenchmarkResults.round(histogram.getValueAtPercentile(percentile) / 1000.0);
        }
    }

    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;

    OpenLoopLoad(String baseUrl, String user, String password, Duration timeout) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    /** Sends {@code rate * seconds} reports, body n from {@code bodies}, then waits for the last answers. */
    Result run(int rate, int seconds, IntFunction<String> bodies) throws InterruptedException {
        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        Histogram serviceTime = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        Histogram refusedLatency = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        AtomicLong created = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong refusedWithRetryAfter = new AtomicLong();
        Map<String, AtomicLong> errors = new java.util.concurrent.ConcurrentHashMap<>();
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        CompletableFuture<?>[] answers = new CompletableFuture<?>[total];
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/threats")).timeout(timeout)
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.apply(i))).build();
            long sentAt = System.nanoTime();
            answers[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                long now = System.nanoTime();
                synchronized (latency) {
                    latency.recordValue(Math.max(0, (now - due) / 1000));
                    serviceTime.recordValue(Math.max(0, (now - sentAt) / 1000));
                }
                if (failure != null) {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    errors.computeIfAbsent(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                            k -> new AtomicLong()).incrementAndGet();
                } else if (response.statusCode() == 201) {
                    created.incrementAndGet();
                } else if (response.statusCode() == 503 || response.statusCode() == 429) {
                    refused.incrementAndGet();
                    if (response.headers().firstValue("Retry-After").isPresent()) {
                        refusedWithRetryAfter.incrementAndGet();
                    }
                    synchronized (latency) {
                        refusedLatency.recordValue(Math.max(0, (now - due) / 1000));
                    }
                } else {
                    errors.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                }
                return null;
            });
        }
        double sendingSeconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(answers).join();
        callbacks.shutdown();
        callbacks.awaitTermination(10, TimeUnit.SECONDS);
        Map<String, Long> byKind = new TreeMap<>();
        errors.forEach((kind, count) -> byKind.put(kind, count.get()));
        long errorCount = byKind.values().stream().mapToLong(Long::longValue).sum();
        return new Result(rate, seconds, total, created.get(), refused.get(), refusedWithRetryAfter.get(), errorCount,
                byKind, latency, serviceTime, refusedLatency, total / sendingSeconds);
    }
}
