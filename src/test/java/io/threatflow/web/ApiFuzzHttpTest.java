package io.threatflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.RawApi;
import io.threatflow.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A seeded generator throws malformed, oversized and wrong-typed bodies, query parameters, path variables, methods
 * and headers at every {@code /api} endpoint (the intake, OCSF, the asset load, the threat and asset reads, the
 * KPIs), each as a user who may call it so that the input is actually read. Every input is made invalid on purpose.
 * Every answer must be a 2xx, or a 4xx as {@code application/problem+json}; never a 5xx or an HTML page. Batch
 * endpoints may answer 200, but with every item refused; and afterwards the register and the inventory hold exactly
 * what they held before. {@code IntakeFuzzHttpTest} fuzzes {@code POST /api/threats} with valid reports too.
 * Re-run a failing sequence with {@code -Dapi.fuzz.seed=<seed printed>}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiFuzzHttpTest {

    private static final long SEED = Long.getLong("api.fuzz.seed", 20261201L);
    private static final int SENDS_PER_ENDPOINT = 60;
    private static final int ONE_MIB = 1024 * 1024;
    private static final String[] CONTROL = {"\u0000", "\u0001", "\u0007", "\u001b[2J", "\u007f", "\u0085", "\n", "\r\n"};
    private static final String[] NUMBERS = {"-1", "0", "1e400", "-1e400", "99999999999999999999999", "NaN", "4.5",
            "\"12\"", "true", "null", "[]", "{}"};
    private static final String[] TEXTS = {"", " ", "x", "\\u0000", "\\ud800", "\u202e\u0645", "<script>alert(1)</script>",
            "'; drop table threat; --", "${jndi:ldap://127.0.0.1/a}", "%s%n%x", "../../etc/passwd", "\ud83d\udee1"};

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    /** One request and how it is described when its answer is wrong. */
    private record Send(String endpoint, String kind, Supplier<Result> request) {
    }

    /** An answer from either client. */
    private record Result(int status, String contentType, String body) {

        static Result of(RawApi.Answer answer) {
            return new Result(answer.status(), answer.contentType(), answer.body());
        }

        static Result of(RawHttp.Answer answer) {
            return new Result(answer.status(), String.valueOf(answer.header("Content-Type")), answer.body());
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + contentType + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    @Test
    void shouldAnswerEveryMalformedRequest_with2xxOr4xxProblem_andStoreNothing() {
        System.out.println("ApiFuzzHttpTest seed=" + SEED + " (re-run with -Dapi.fuzz.seed=" + SEED + ")");
        Map<String, Object> before = stored();
        Generator generator = new Generator(new Random(SEED));
        Map<String, Integer> statuses = new TreeMap<>();

        for (Send send : generator.sends()) {
            Result answer = send.request().get();
            String what = send.endpoint() + " " + send.kind();
            statuses.merge(send.endpoint() + " " + answer.status(), 1, Integer::sum);

            assertThat(answer.status()).as("%s%n-> %s", what, answer).isBetween(200, 499);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).as("%s%n-> %s", what, answer).startsWith("application/problem+json");
                assertThat(answer.body()).as("%s", what).contains("\"status\":" + answer.status());
            } else if (send.endpoint().startsWith("POST")) {
                assertThat(answer.body()).as("a batch that stored something: %s%n-> %s", what, answer)
                        .contains("\"created\":0").doesNotContain("\"duplicates\":1", "\"updated\":1");
            }
            assertThat(answer.body()).as("%s", what).doesNotContain("Exception", "at io.threatflow", "SQL", "<html");
        }
        System.out.println("ApiFuzzHttpTest answers: " + statuses);

        assertThat(stored()).as("what the register and the inventory hold").isEqualTo(before);
        assertThat(statuses.keySet().stream().map(key -> key.substring(0, key.lastIndexOf(' '))).distinct())
                .as("every endpoint was called").hasSize(10);
    }

    /**
     * Row counts of every table of the register and the inventory that a request could write, and the inventory's
     * content. Not idempotency_record: a request sent with a key keeps its answer there, a refusal too, by design.
     */
    private Map<String, Object> stored() {
        Map<String, Object> stored = new LinkedHashMap<>();
        for (String table : List.of("threat", "threat_fingerprint", "threat_sighting", "asset", "asset_tag",
                "asset_finding", "asset_port")) {
            stored.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        stored.put("asset content", jdbc.sql("""
                select hostname, ip_address, os_name, os_version, owner, criticality, internet_facing
                from asset order by id""").query().listOfRows().hashCode());
        return stored;
    }

    /** Draws every request from one seed, so that a failure can be sent again exactly. */
    private final class Generator {

        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        List<Send> sends() {
            List<Send> sends = new ArrayList<>();
            for (int i = 0; i < SENDS_PER_ENDPOINT; i++) {
                sends.add(post("POST /api/threats", "analyst", "/api/threats", threatReport()));
                sends.add(post("POST /api/findings/ocsf", "analyst", "/api/findings/ocsf", ocsf()));
                sends.add(random.nextInt(3) == 0 ? csvLoad() : post("POST /api/assets", "admin", "/api/assets", assetLoad()));
                sends.add(get("GET /api/threats", "analyst", "/api/threats?" + query("status", "severity", "type", "asset",
                        "reportedSince", "page", "size")));
                sends.add(get("GET /api/threats/{id}", "analyst", "/api/threats/" + pathVariable()));
                sends.add(get("GET /api/threats/{id}/timeline", "analyst", "/api/threats/" + pathVariable() + "/timeline"));
                sends.add(get("GET /api/assets", "analyst", "/api/assets?" + query("hostname", "tag", "internetFacing",
                        "page", "size")));
                sends.add(get("GET /api/assets/{hostname}", "analyst", "/api/assets/" + pathVariable()));
                sends.add(get("GET /api/metrics", "manager", "/api/metrics?" + query("from", "to")));
                sends.add(otherMethod());
            }
            java.util.Collections.shuffle(sends, random);
            return sends;
        }

        // --- bodies: each one invalid, as a whole or in every item ---

        private Body threatReport() {
            Map<String, Object> report = new LinkedHashMap<>(Map.of("title", "Fuzz", "type", "MALWARE",
                    "asset", "api-fuzz-" + random.nextInt(20) + ".corp"));
            String poison = pick("wrong type", "unknown field", "control character", "too long", "time out of range",
                    "port", "missing field", "enum");
            switch (poison) {
                case "wrong type" -> report.put(pick("title", "asset", "description", "source"), pickRaw(1, 4.5, true,
                        List.of("x"), Map.of("a", 1)));
                case "unknown field" -> report.put("fuzz" + random.nextInt(100), "x");
                case "control character" -> report.put(pick("title", "asset", "source", "sourceRef"), "a" + pick(CONTROL) + "b");
                case "too long" -> {
                    String field = pick("title", "asset", "cve", "source", "sourceRef", "description");
                    report.put(field, field.equals("cve") ? "CVE-2024-" + "1".repeat(30 + random.nextInt(60))
                            : "x".repeat(4001 + random.nextInt(20_000)));
                }
                case "time out of range" -> report.put("detectedAt", pick("+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "3000-01-01T00:00:00Z"));
                case "port" -> {
                    report.put("type", "EXPOSED_SERVICE");
                    report.put("port", pickRaw(0, 65536, -1, "80", "", Long.MAX_VALUE, 80.5));
                }
                case "missing field" -> report.remove(pick("title", "type", "asset"));
                default -> report.put(pick("type", "severity"), pick("", "VIRUS", "critical!", "1"));
            }
            return random.nextInt(4) == 0 ? malformed(json(report)) : Body.json(json(report), "body: " + poison);
        }

        private Body ocsf() {
            int count = random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(8);
            List<String> findings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                findings.add(badFinding());
            }
            String body = count == 1 && random.nextBoolean() ? findings.get(0) : "[" + String.join(",", findings) + "]";
            return random.nextInt(5) == 0 ? malformed(body) : Body.json(body, count + " bad finding(s)");
        }

        private String badFinding() {
            String host = "\"device\": {\"hostname\": \"api-fuzz-ocsf-" + random.nextInt(20) + ".corp\"}";
            return switch (random.nextInt(7)) {
                case 0 -> "{\"class_uid\": " + pick("4001", "0", "-1", "\"2004\"", "99999999999", "null") + ", " + host + "}";
                case 1 -> "{\"class_uid\": 2004, \"finding_info\": {\"title\": \"No host\"}}";
                case 2 -> "{\"class_uid\": 2004, \"time\": " + pick(String.valueOf(Long.MIN_VALUE),
                        String.valueOf(Long.MAX_VALUE), "1" + "0".repeat(40), "-1") + ", " + host + "}";
                case 3 -> "{\"class_uid\": 2002, " + host + ", \"vulnerabilities\": [{\"cve\": {\"uid\": \"CVE-2024-"
                        + "7".repeat(30 + random.nextInt(100)) + "\"}}]}";
                case 4 -> "{\"class_uid\": 2004, \"finding_info\": {\"title\": \"a" + escaped(pick(CONTROL)) + "b\"}, "
                        + host + "}";
                case 5 -> "{\"class_uid\": 2004, \"time_dt\": \"" + pick("+999999999-12-31T23:59:59Z",
                        "1969-01-01T00:00:00Z") + "\", " + host + "}";
                default -> pick("1", "null", "\"x\"", "[]", "true");
            };
        }

        private Body assetLoad() {
            int count = 1 + random.nextInt(6);
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String host = "\"hostname\": \"api-fuzz-asset-" + random.nextInt(20) + ".corp\"";
                rows.add(switch (random.nextInt(8)) {
                    case 0 -> "{\"hostname\": \"" + pick("bad host", "a..b", "-x.corp", "x".repeat(300), "10.0.0.1",
                            "h" + escaped(pick(CONTROL)) + ".corp", "") + "\"}";
                    case 1 -> "{" + host + ", \"ip\": \"" + pick("999.1.1.1", "010.0.0.1", "fe80::1%eth0", "x", "1:2") + "\"}";
                    case 2 -> "{" + host + ", \"" + pick("os", "version", "owner") + "\": \"" + "o".repeat(201 + random.nextInt(500)) + "\"}";
                    case 3 -> "{" + host + ", \"owner\": \"te" + escaped(pick(CONTROL)) + "am\"}";
                    case 4 -> "{" + host + ", \"tags\": " + pick("[\"UPPER CASE\"]", "\"dmz\"", "[1]", "[\"" + "t".repeat(65) + "\"]") + "}";
                    case 5 -> "{" + host + ", \"internetFacing\": " + pick("\"maybe\"", "1", "[]") + "}";
                    case 6 -> "{" + host + ", \"criticality\": \"" + pick("SEVERE", "", "1") + "\"}";
                    default -> "{" + host + ", \"fuzz\": 1}";
                });
            }
            String body = count == 1 && random.nextBoolean() ? rows.get(0) : "[" + String.join(",", rows) + "]";
            return random.nextInt(5) == 0 ? malformed(body) : Body.json(body, count + " bad row(s)");
        }

        private Send csvLoad() {
            String csv = switch (random.nextInt(6)) {
                case 0 -> "hostname,os\n\"api-fuzz-csv.corp,Linux\n";
                case 1 -> "hostname,colour\napi-fuzz-csv.corp,red\n";
                case 2 -> "os,version\nLinux,1\n";
                case 3 -> "hostname,owner\napi-fuzz-csv.corp,\"te" + pick(CONTROL) + "am\"\n";
                case 4 -> "hostname,ip\nbad host,10.0.0.1\napi-fuzz-csv.corp,999.0.0.1,extra\n";
                default -> "";
            };
            byte[] bytes = random.nextInt(6) == 0 ? new byte[] {(byte) 0xC3, 0x28, '\n', (byte) 0xFF} : csv.getBytes(StandardCharsets.UTF_8);
            String contentType = pick("text/csv", "text/csv; charset=UTF-8", "text/csv; charset=bogus", "text/csv; charset=UTF-16");
            return new Send("POST /api/assets", "csv " + contentType + ": " + csv.replace("\n", "\\n"),
                    () -> Result.of(RawApi.as(http, "admin").post("/api/assets", contentType, bytes)));
        }

        /** Broken JSON around a body, or one over the size limit, or of another media type. */
        private Body malformed(String valid) {
            return switch (random.nextInt(9)) {
                case 0 -> Body.json(valid.substring(0, random.nextInt(Math.max(1, valid.length()))), "truncated");
                case 1 -> Body.json("[".repeat(3000) + "]".repeat(3000), "deep nesting");
                case 2 -> Body.json("{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "deep objects");
                case 3 -> {
                    byte[] bytes = new byte[1 + random.nextInt(300)];
                    random.nextBytes(bytes);
                    yield new Body("application/json", bytes, "random bytes");
                }
                case 4 -> new Body("application/json", concat(valid.getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, 0x28}), "invalid UTF-8");
                case 5 -> Body.json(valid + valid, "two documents");
                case 6 -> Body.json("{\"description\": \"" + "y".repeat(ONE_MIB) + "\"}", "over 1 MiB");
                case 7 -> new Body(pick("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=bogus"),
                        valid.getBytes(StandardCharsets.UTF_8), "other media type");
                default -> Body.json("\ufeff" + valid, "byte order mark");
            };
        }

        // --- query parameters, path variables, methods, headers ---

        private String query(String... parameters) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                pairs.add(pick(parameters) + "=" + pick("-1", "0", "abc", "1e30", "99999999999999999999", "%00", "%ff",
                        "%c3%28", "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1969-12-31",
                        "VIRUS", "%0d%0aX-Injected:%201", "x".repeat(3000), "%25", "[]", "true", "maybe"));
            }
            return String.join("&", pairs);
        }

        private String pathVariable() {
            return pick("x".repeat(2000 + random.nextInt(3000)), "%00", "a%2Fb", "%c3%28", "%e2%80%ae", "..%2F..",
                    "%0d%0a", "00000000-0000-0000-0000-000000000000", "%20", "%25", "a;b", "%3Cscript%3E",
                    "%27%20or%201%3D1--");
        }

        /** Not TRACE: Tomcat refuses it itself, with a bare status and nothing of ours run, which is safer than a problem. */
        private Send otherMethod() {
            String path = pick("/api/threats", "/api/findings/ocsf", "/api/assets", "/api/metrics", "/api/threats/x");
            String method = pick("PUT", "DELETE", "PATCH", "OPTIONS");
            return new Send("PUT|DELETE|PATCH|OPTIONS /api/...", method + " " + path, () -> Result.of(RawHttp.as(http, "admin")
                    .send(method, path, new byte[0], "{}".getBytes(StandardCharsets.UTF_8))));
        }

        private Send post(String endpoint, String user, String path, Body body) {
            String[] headers = headers();
            return new Send(endpoint, body.kind() + " " + String.join(" ", headers),
                    () -> Result.of(RawApi.as(http, user).post(path, body.contentType(), body.bytes(), headers)));
        }

        private Send get(String endpoint, String user, String path) {
            String[] headers = headers();
            return new Send(endpoint, path.length() > 200 ? path.substring(0, 200) + "…" : path,
                    () -> rawPath(path) ? Result.of(RawHttp.as(http, user).get(path))
                            : Result.of(RawApi.as(http, user).get(path, headers)));
        }

        /** What {@code java.net.URI} refuses is written to the socket as it is. */
        private boolean rawPath(String path) {
            try {
                java.net.URI.create(path);
                return false;
            } catch (IllegalArgumentException e) {
                return true;
            }
        }

        private String[] headers() {
            return switch (random.nextInt(6)) {
                case 0 -> new String[] {"Idempotency-Key", pick("", " ", "k".repeat(300), "\u00e9t\u00e9", "key with spaces")};
                case 1 -> new String[] {"Accept", pick("application/xml", "text/html", "*/*;q=x", "application/problem+json")};
                case 2 -> new String[] {"X-Forwarded-For", pick("1.2.3.4, <script>", "::::", "x".repeat(500))};
                case 3 -> new String[] {"X-Fuzz", "y".repeat(9000 + random.nextInt(2000))};
                default -> new String[0];
            };
        }

        private String json(Object value) {
            try {
                return RawApi.JSON.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A control character as it would appear inside a JSON string: escaped, so the JSON stays well-formed. */
        private String escaped(String control) {
            return json(control).replaceAll("^\"|\"$", "");
        }

        @SafeVarargs
        private <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private Object pickRaw(Object... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private byte[] concat(byte[] first, byte[] second) {
            byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            return both;
        }
    }

    private record Body(String contentType, byte[] bytes, String kind) {

        static Body json(String json, String kind) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8), kind);
        }
    }
}
