package io.threatflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** One read of /actuator/prometheus, as a Prometheus server sees it (text format). */
record Scrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape of(TestRestTemplate http, String user, String password) {
        ResponseEntity<String> response = http.withBasicAuth(user, password)
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).as("scrape as %s", user).isEqualTo(HttpStatus.OK);
        return new Scrape(response.getBody());
    }

    /**
     * The sum of the samples of the series with the given labels (others may be present), 0 when there are none.
     *
     * @param labels name, value, name, value ...
     */
    double value(String series, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return Arrays.stream(text.split("\n")).map(SAMPLE::matcher).filter(Matcher::matches)
                .filter(sample -> sample.group(1).equals(series))
                .filter(sample -> labelsOf(sample.group(3)).entrySet().containsAll(wanted.entrySet()))
                .mapToDouble(sample -> Double.parseDouble(sample.group(4))).sum();
    }

    boolean has(String series) {
        return Arrays.stream(text.split("\n")).map(SAMPLE::matcher).anyMatch(s -> s.matches() && s.group(1).equals(series));
    }

    private static Map<String, String> labelsOf(String labels) {
        Map<String, String> map = new LinkedHashMap<>();
        if (labels != null) {
            Matcher label = LABEL.matcher(labels);
            while (label.find()) {
                map.put(label.group(1), label.group(2));
            }
        }
        return map;
    }
}
