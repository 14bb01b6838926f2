package io.threatflow.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Sends exact bytes, content types and headers to a running ThreatFlow over HTTP/1.1, where
 * {@link ApiClient}'s JSON conversion would get in the way: malformed or oversized bodies, chunked bodies,
 * other content types, {@code Idempotency-Key} headers, anonymous calls.
 */
public final class RawApi {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static final java.time.format.DateTimeFormatter ENGINE_REST_DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** A date as the engine's REST API writes it, e.g. {@code 2025-06-01T08:15:00.000+0000}. */
    public static java.time.Instant engineDate(Object value) {
        return java.time.OffsetDateTime.parse((String) value, ENGINE_REST_DATE).toInstant();
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One answer, body as text. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public Map<String, Object> json() {
            return read(new TypeReference<>() { });
        }

        public List<Map<String, Object>> jsonList() {
            return read(new TypeReference<>() { });
        }

        /** The {@code items} of a page of {@code GET /api/threats}. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> jsonItems() {
            return (List<Map<String, Object>>) json().get("items");
        }

        /** The problem's {@code errors[].field} values, empty when it has none. */
        @SuppressWarnings("unchecked")
        public List<String> errorFields() {
            Object errors = json().get("errors");
            return errors == null ? List.of()
                    : ((List<Map<String, Object>>) errors).stream().map(e -> String.valueOf(e.get("field"))).toList();
        }

        private <T> T read(TypeReference<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not the JSON expected (HTTP " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + contentType() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    private final URI root;
    private final String authorization;

    private RawApi(String root, String authorization) {
        this.root = URI.create(root);
        this.authorization = authorization;
    }

    /** As {@code user} with the test password. */
    public static RawApi as(TestRestTemplate http, String user) {
        return as(http, user, ApiClient.PASSWORD);
    }

    public static RawApi as(TestRestTemplate http, String user, String password) {
        return new RawApi(http.getRootUri(), "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static RawApi anonymous(TestRestTemplate http) {
        return new RawApi(http.getRootUri(), null);
    }

    /** The same caller, writing each request byte for byte, for what this client will not send. */
    public RawHttp bytes() {
        return new RawHttp(root, authorization);
    }

    /** A JSON body given as text, sent as application/json; {@code headers} are name, value pairs. */
    public Answer post(String path, String json, String... headers) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** {@code body} serialised as JSON. */
    public Answer postJson(String path, Object body, String... headers) {
        return post(path, json(body), headers);
    }

    /** {@code body} serialised as JSON. */
    public Answer put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** {@code headers} are name, value pairs. */
    public Answer delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** With a Content-Length header. */
    public Answer post(String path, String contentType, byte[] body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Without a Content-Length: Transfer-Encoding chunked. */
    public Answer postChunked(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    /** {@code headers} are name, value pairs. */
    public Answer get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
