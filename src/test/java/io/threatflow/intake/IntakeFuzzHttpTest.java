package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawApi.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A seeded generator sends about 300 bodies to {@code POST /api/threats}: valid reports of 25 base threats
 * (exact resends, resends with the asset name re-spaced or re-cased, unusual unicode in free text, optional fields)
 * and mutations (missing fields, wrong JSON types, scalars of another type, unknown properties, huge strings, control
 * characters escaped or raw, deep nesting, random bytes, truncated JSON, numbers out of range). Every answer is the one predicted for its body:
 * never a 5xx, every refusal a problem; and each base threat sent validly at least once has exactly one case.
 * Re-run a failing sequence with {@code -Dintake.fuzz.seed=<seed printed>}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeFuzzHttpTest {

    private static final long SEED = Long.getLong("intake.fuzz.seed", 20261127L);
    private static final int SENDS = 300;
    private static final int BASES = 25;
    /** Bases from here on only ever get invalid bodies, so "no valid send, no case" is checked too. */
    private static final int FIRST_HELD_BACK = 22;
    private static final int ONE_MIB = 1024 * 1024;
    private static final String[] TYPES = {"VULNERABILITY", "EXPOSED_SERVICE", "OUTDATED_OS", "MALWARE",
            "COMPROMISED_ACCOUNT", "OTHER"};
    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
    /** Unusual but printable: accepted in free text. */
    private static final String[] ODD_TEXT = {"\u00a0", "\u200b", "\u202e", "\ufeff", "\ud83d\udee1\ufe0f", "e\u0301",
            "\u4e2d\u6587", "\u0645\u0631\u062d\u0628\u0627", "\\", "\"", "'; drop table threat; --",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "%s%n"};
    /** Control characters, which rewrite logs and terminals: refused in every text field (a description may break lines). */
    private static final String[] CONTROL_TEXT = {"\u0000", "\u0001", "\u0007", "\u001b[31m", "\u007f", "\u0085",
            "\u009b"};

    @Autowired
    TestRestTemplate http;

    /** What the generator sent, and what it expects back. */
    private record Send(int index, String kind, int base, boolean valid, int expectedStatus, String contentType,
                        byte[] body) {

        String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            return "#" + index + " " + kind + " (base " + base + "): "
                    + (text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text);
        }
    }

    @Test
    void shouldNeverFailAndOpenOneCasePerBaseThreat_whenFedGeneratedReports() {
        System.out.println("IntakeFuzzHttpTest seed=" + SEED + " (re-run with -Dintake.fuzz.seed=" + SEED + ")");
        RawApi analyst = RawApi.as(http, "analyst");
        Generator generator = new Generator(new Random(SEED));
        String[] caseOf = new String[BASES];
        Map<String, Integer> kinds = new TreeMap<>();
        long started = System.nanoTime();

        for (int i = 0; i < SENDS; i++) {
            Send send = generator.next(i);
            kinds.merge(send.kind(), 1, Integer::sum);
            Answer answer = analyst.post("/api/threats", send.contentType(), send.body());

            assertThat(answer.status()).as("%s%n-> %s", send.describe(), answer).isLessThan(500);
            if (!send.valid()) {
                assertThat(answer.status()).as("%s%n-> %s", send.describe(), answer).isEqualTo(send.expectedStatus());
                assertThat(answer.isProblem()).as("%s%n-> %s", send.describe(), answer).isTrue();
                assertThat(answer.json()).as("%s", send.describe()).containsEntry("status", answer.status());
                continue;
            }
            if (caseOf[send.base()] == null) {
                assertThat(answer.status()).as("first valid report: %s%n-> %s", send.describe(), answer).isEqualTo(201);
                assertThat(answer.json()).containsEntry("result", "created");
                caseOf[send.base()] = (String) answer.json().get("threatId");
            } else {
                assertThat(answer.status()).as("repeated report: %s%n-> %s", send.describe(), answer).isEqualTo(200);
                assertThat(answer.json()).as("%s", send.describe()).containsEntry("result", "duplicate")
                        .containsEntry("threatId", caseOf[send.base()]);
            }
        }
        System.out.printf("IntakeFuzzHttpTest sent %d bodies in %d ms: %s%n", SENDS,
                (System.nanoTime() - started) / 1_000_000, kinds);

        long cases = 0;
        long basesSentValidly = 0;
        for (int base = 0; base < BASES; base++) {
            Answer found = analyst.get("/api/threats?size=200&asset=" + Generator.asset(base));
            long total = ((Number) found.json().get("total")).longValue();
            cases += total;
            if (caseOf[base] != null) {
                basesSentValidly++;
                assertThat(found.jsonItems()).as("cases of base %d", base).extracting(item -> item.get("threatId"))
                        .containsExactly(caseOf[base]);
            } else {
                assertThat(total).as("cases of base %d, never sent validly", base).isZero();
            }
        }
        assertThat(cases).isEqualTo(basesSentValidly);
        assertThat(basesSentValidly).as("the seed exercises most bases").isGreaterThanOrEqualTo(FIRST_HELD_BACK - 2);
        assertThat(kinds.keySet()).as("the seed exercises every kind of body").hasSizeGreaterThanOrEqualTo(20);
    }

    /** Draws sends from a fixed seed; every choice goes through {@link #random}. */
    private static final class Generator {

        private final Random random;
        private int oversized;

        Generator(Random random) {
            this.random = random;
        }

        static String asset(int base) {
            return "fuzz-" + base + ".corp";
        }

        static String type(int base) {
            return TYPES[base % TYPES.length];
        }

        /** The base threat as first described: its identity (asset, type, CVE/port, OTHER's title, reference). */
        static Map<String, Object> base(int base) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("title", type(base).equals("OTHER") ? "Odd behaviour " + base : "Fuzz threat " + base);
            report.put("type", type(base));
            report.put("asset", asset(base));
            switch (type(base)) {
                case "VULNERABILITY" -> report.put("cve", "CVE-2099-" + (45000 + base));
                case "EXPOSED_SERVICE" -> report.put("port", 1000 + base);
                default -> { }
            }
            if (base % 2 == 0) {
                report.put("source", "fuzzer");
                report.put("sourceRef", "fuzz-ref-" + base);
            }
            return report;
        }

        Send next(int index) {
            boolean validSend = random.nextInt(100) < 40;
            int base = validSend ? random.nextInt(FIRST_HELD_BACK) : random.nextInt(BASES);
            return validSend ? valid(index, base) : invalid(index, base);
        }

        private Send valid(int index, int base) {
            Map<String, Object> report = base(base);
            String kind;
            switch (random.nextInt(7)) {
                case 0 -> kind = "exact resend";
                case 1 -> {
                    kind = "asset re-spaced and re-cased";
                    report.put("asset", respace(recase(asset(base))));
                }
                case 2 -> {
                    kind = "severity given";
                    report.put("severity", pick(SEVERITIES));
                }
                case 3 -> {
                    kind = "odd characters in free text";
                    report.put("description", oddText(1 + random.nextInt(3000)) + (random.nextBoolean() ? "\r\n\tmore" : ""));
                    if (!type(base).equals("OTHER")) {
                        report.put("title", "Fuzz " + oddText(1 + random.nextInt(150)));
                    }
                }
                case 4 -> {
                    kind = "optional fields";
                    report.put("detectedAt", Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000)).toString());
                    if (type(base).equals("VULNERABILITY")) {
                        report.put("cve", ((String) report.get("cve")).toLowerCase(Locale.ROOT));
                    }
                }
                case 5 -> {
                    kind = "keys shuffled, pretty printed";
                    List<String> keys = new ArrayList<>(report.keySet());
                    Collections.shuffle(keys, random);
                    Map<String, Object> shuffled = new LinkedHashMap<>();
                    keys.forEach(key -> shuffled.put(key, report.get(key)));
                    return new Send(index, kind, base, true, 0, "application/json", pretty(shuffled));
                }
                default -> {
                    kind = "lone surrogate escaped in description";
                    String json = json(report);
                    String body = json.substring(0, json.length() - 1) + ",\"description\":\"half \\ud800 pair\"}";
                    return new Send(index, kind, base, true, 0, "application/json", body.getBytes(StandardCharsets.UTF_8));
                }
            }
            return new Send(index, kind, base, true, 0, "application/json", bytes(report));
        }

        private Send invalid(int index, int base) {
            Map<String, Object> report = base(base);
            String kind;
            int status = 400;
            String contentType = "application/json";
            byte[] body;
            switch (random.nextInt(21)) {
                case 0 -> {
                    String field = pick(new String[] {"title", "type", "asset"});
                    kind = "missing " + field;
                    report.remove(field);
                    body = bytes(report);
                }
                case 1 -> {
                    String field = pick(new String[] {"title", "asset"});
                    kind = "blank " + field;
                    report.put(field, pick(new String[] {"", " ", "\t\n", "\r\n  "}));
                    body = bytes(report);
                }
                case 2 -> {
                    String field = pick(new String[] {"title", "asset", "type", "severity", "description", "source",
                            "sourceRef", "cve"});
                    kind = "object or array instead of a string";
                    report.put(field, random.nextBoolean() ? List.of("x", 1) : Map.of("value", "x"));
                    body = bytes(report);
                }
                case 3 -> {
                    kind = "port of the wrong type";
                    report.put("port", pick(new Object[] {"abc", true, List.of(80), Map.of("n", 80), "80/tcp"}));
                    body = bytes(report);
                }
                case 4 -> {
                    kind = "port out of range";
                    report.put("port", pick(new Object[] {0, -1, 65536, 70000, Integer.MAX_VALUE, Long.MAX_VALUE}));
                    body = bytes(report);
                }
                case 5 -> {
                    kind = "number beyond any range";
                    String json = json(report);
                    body = (json.substring(0, json.length() - 1) + ",\"port\":"
                            + pick(new String[] {"1e400", "-1e400", "99999999999999999999999"}) + "}")
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 6 -> {
                    String field = pick(new String[] {"title", "asset", "description", "source", "sourceRef"});
                    int limit = Map.of("title", 200, "asset", 255, "description", 4000, "source", 100, "sourceRef", 255)
                            .get(field);
                    kind = "huge " + field;
                    report.put(field, "x".repeat(limit + 1 + random.nextInt(limit * 20)));
                    body = bytes(report);
                }
                case 7 -> {
                    if (oversized++ < 2) {
                        kind = "body over 1 MiB";
                        status = 413;
                        report.put("description", "y".repeat(ONE_MIB + random.nextInt(1024)));
                    } else {
                        kind = "huge description";
                        report.put("description", "y".repeat(4001 + random.nextInt(60_000)));
                    }
                    body = bytes(report);
                }
                case 8 -> {
                    kind = "raw control character in a string";
                    char control = (char) random.nextInt(0x20);
                    body = json(report).replace("\"title\":\"", "\"title\":\"" + control).getBytes(StandardCharsets.UTF_8);
                }
                case 9 -> {
                    int depth = 1_100 + random.nextInt(4_000);
                    kind = "deep nesting";
                    String json = json(report);
                    String nested = random.nextBoolean()
                            ? "[".repeat(depth) + "]".repeat(depth)
                            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                    body = (random.nextBoolean() ? nested : json.substring(0, json.length() - 1) + ",\"extra\":" + nested + "}")
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 10 -> {
                    kind = "random bytes";
                    body = new byte[1 + random.nextInt(512)];
                    random.nextBytes(body);
                }
                case 11 -> {
                    kind = "truncated JSON";
                    byte[] whole = bytes(report);
                    body = java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
                }
                case 12 -> {
                    kind = "JSON that is not an object";
                    body = pick(new String[] {"[]", "\"report\"", "42", "null", "true", "[" + json(report) + "]", ""})
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 13 -> {
                    kind = "unknown enum value";
                    if (random.nextBoolean()) {
                        report.put("type", pick(new String[] {"VIRUS", "vulnerability", "MALWARE!", "MAL WARE", ""}));
                    } else {
                        report.put("severity", pick(new String[] {"SEVERE", "high", "5", "NONE", "\u0000"}));
                    }
                    body = bytes(report);
                }
                case 14 -> {
                    kind = "type-specific rule broken";
                    if (type(base).equals("VULNERABILITY") || random.nextBoolean()) {
                        report.put("cve", pick(new String[] {"CVE-20-1", "foo", "CVE-2099-12", "CVE_2099_45000", "cve:2099:1"}));
                    } else {
                        report.put("type", "EXPOSED_SERVICE");
                        report.remove("port");
                    }
                    body = bytes(report);
                }
                case 15 -> {
                    kind = "detectedAt not a timestamp";
                    report.put("detectedAt", pick(new Object[] {"yesterday", "2026-02-30T10:00:00Z", "27/11/2026",
                            Map.of("at", 1), List.of(2026, 11, 27), "2026-11-27T08:15:00+25:00"}));
                    body = bytes(report);
                }
                case 18 -> {
                    kind = "unknown property";
                    report.put("x-fuzz-" + random.nextInt(1000), random.nextBoolean() ? random.nextLong() : Map.of("a", List.of(1, "b")));
                    body = bytes(report);
                }
                case 19 -> {
                    String field = pick(new String[] {"title", "asset", "description", "source", "sourceRef"});
                    kind = "control character in " + (field.equals("description") ? "a description" : "a one-line field");
                    report.put(field, "fuzz" + pick(CONTROL_TEXT) + (field.equals("asset") ? asset(base) : "text"));
                    body = bytes(report);
                }
                case 20 -> {
                    kind = "scalar of another JSON type";
                    if (random.nextBoolean()) {
                        report.put(pick(new String[] {"title", "asset", "description", "source", "sourceRef"}),
                                pick(new Object[] {42, 4.5, true, false}));
                    } else {
                        report.put("port", pick(new Object[] {"80", "", "443 ", "0x50"}));
                    }
                    body = bytes(report);
                }
                case 16 -> {
                    kind = "not JSON at all";
                    status = 415;
                    contentType = pick(new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"});
                    body = bytes(report);
                }
                default -> {
                    // not garbage after the object: that is accepted (see IntakeValidationHttpTest)
                    kind = "malformed around valid JSON";
                    String json = json(report);
                    body = pick(new String[] {"{" + json, "x" + json, json.replace(":", "="),
                            json.replace("\"", "'"), json.substring(0, json.length() - 1) + ",}"})
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            return new Send(index, kind, base, false, status, contentType, body);
        }

        private String recase(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            return out.toString();
        }

        private String respace(String text) {
            String[] blanks = {"", " ", "  ", "\t", "\n", "\r\n", " \t "};
            return pick(blanks) + text + pick(blanks);
        }

        private String oddText(int length) {
            StringBuilder out = new StringBuilder("x");
            while (out.length() < length) {
                out.append(random.nextInt(3) == 0 ? pick(ODD_TEXT) : Character.toString('a' + random.nextInt(26)));
            }
            return out.length() > length ? cutAtCodePoint(out.toString(), length) : out.toString();
        }

        private static String cutAtCodePoint(String text, int length) {
            int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
            return text.substring(0, Math.max(1, end));
        }

        private <T> T pick(T[] choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static String json(Map<String, Object> report) {
            try {
                return RawApi.JSON.writeValueAsString(report);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] bytes(Map<String, Object> report) {
            return json(report).getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] pretty(Map<String, Object> report) {
            try {
                return RawApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
