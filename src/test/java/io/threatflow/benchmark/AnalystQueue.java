package io.threatflow.benchmark;

import io.threatflow.testing.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query Tasklist runs for an analyst's queue: a page of 15 tasks of the "Analyst tasks" filter in HAL, sorted by
 * creation, with the filter's count, as user analyst.
 */
final class AnalystQueue {

    static final String DEFINITION = "as user analyst: POST /engine-rest/filter/{Analyst tasks}/list?firstResult=0"
            + "&maxResults=15 (HAL, sorted by created desc) and GET .../count";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** One page plus count: how long it took and how many tasks the queue holds. */
    record Poll(long micros, long open) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString(("analyst:" + ApiClient.PASSWORD)
            .getBytes(StandardCharsets.UTF_8));
    private final URI list;
    private final URI count;

    AnalystQueue(String baseUrl) throws Exception {
        String filters = client.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/engine-rest/filter?resourceType=Task&name=Analyst%20tasks")).header("Authorization", auth)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = ID.matcher(filters);
        if (!id.find()) {
            throw new IllegalStateException("no 'Analyst tasks' filter: " + filters);
        }
        list = URI.create(baseUrl + "/engine-rest/filter/" + id.group(1) + "/list?firstResult=0&maxResults=15");
        count = URI.create(baseUrl + "/engine-rest/filter/" + id.group(1) + "/count");
    }

    Poll poll() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(list).header("Authorization", auth)
                .header("Accept", "application/hal+json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> total = client.send(HttpRequest.newBuilder(count).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        long elapsed = (System.nanoTime() - start) / 1000;
        if (page.statusCode() != 200 || total.statusCode() != 200) {
            throw new IllegalStateException("task query answered " + page.statusCode() + "/" + total.statusCode()
                    + ": " + page.body());
        }
        return new Poll(elapsed, Long.parseLong(total.body().replaceAll("\\D", "")));
    }

    /** Seconds until the queue holds {@code expected} tasks, polled every 250 ms; -1 when not within the limit. */
    double awaitOpen(int limitSeconds, long expected) throws Exception {
        long start = System.nanoTime();
        long limit = start + limitSeconds * 1_000_000_000L;
        while (System.nanoTime() < limit) {
            if (poll().open() >= expected) {
                return BenchmarkResults.round((System.nanoTime() - start) / 1e9);
            }
            Thread.sleep(250);
        }
        return -1;
    }

    /** {@code queries} polls one after another, after 5 not counted: open tasks, p50, p99 and max. */
    Map<String, Object> measure(int queries) throws Exception {
        List<Long> micros = new ArrayList<>();
        long open = -1;
        for (int i = 0; i < queries + 5; i++) {
            Poll poll = poll();
            if (i >= 5) {
                micros.add(poll.micros());
            }
            open = poll.open();
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("openTasksInQueue", open);
        f.putAll(percentiles(micros));
        return f;
    }

    static Map<String, Object> percentiles(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("p50Ms", BenchmarkResults.round(BenchmarkResults.percentile(sorted, 50) / 1000.0));
        f.put("p99Ms", BenchmarkResults.round(BenchmarkResults.percentile(sorted, 99) / 1000.0));
        f.put("maxMs", BenchmarkResults.round(sorted.get(sorted.size() - 1) / 1000.0));
        return f;
    }
}
