package io.threatflow.benchmark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * target/benchmark/results.json, written by every benchmark of a run: each adds its headline figures at the top
 * level and its full figures and conditions (with their timestamp) under its own section, leaving what the
 * others wrote, so one benchmark can be rerun alone ({@code -Dtest=...}) without losing the rest.
 */
final class BenchmarkResults {

    static final Path FILE = Path.of("target", "benchmark", "results.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> HEADLINES = List.of("flowNodeRatio", "flowNodeRatioPostgres", "intakeP99Ms",
            "intakeErrors", "startupSeconds", "rssMbAfter1000");

    private BenchmarkResults() {
    }


    static synchronized void merge(String section, Map<String, Object> headlines, Map<String, Object> figures) {
        Map<String, Object> results = read();
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : HEADLINES) {
            Object value = headlines.containsKey(key) ? headlines.get(key) : results.get(key);
            if (value != null) {
                ordered.put(key, value);
            }
        }
        headlines.forEach(ordered::putIfAbsent);
        results.forEach(ordered::putIfAbsent);
        ordered.put("updatedAt", Instant.now().toString());
        ordered.put(section, figures);
        try {
            Files.createDirectories(FILE.getParent());
            JSON.writeValue(FILE.toFile(), ordered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read() {
        if (!Files.isRegularFile(FILE)) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(FILE.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /** The 1, 5 and 15 minute load averages (Linux): other work on the machine shows in every figure. */
    /** When and where a benchmark against PostgreSQL ran: time, database, cores, load, JVM. */
    static Map<String, Object> postgresConditions() {
        Map<String, Object> conditions = new java.util.LinkedHashMap<>();
        conditions.put("timestamp", java.time.Instant.now().toString());
        conditions.put("database", "PostgreSQL 127.0.0.1:5432, fresh database, profile postgres as shipped");
        conditions.put("cores", Runtime.getRuntime().availableProcessors());
        conditions.put("loadAverageAtEnd", loadAverage());
        conditions.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return conditions;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Nearest-rank percentile of an ascending list. */
    static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
