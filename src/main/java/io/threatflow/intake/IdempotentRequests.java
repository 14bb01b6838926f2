package io.threatflow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import io.threatflow.web.Problems;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key}: a client that retries a request with the same key gets the first answer again,
 * and the request is carried out once. The key is claimed before the work starts, so a concurrent retry is
 * told to wait (409) instead of doing the work twice. Keys are per user.
 */
@Component
class IdempotentRequests {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final int IN_PROGRESS = 0;

    private record Stored(String requestHash, int status, String body) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    ResponseEntity<?> handle(String principal, String key, Object request, Supplier<ResponseEntity<?>> work) {
        if (key == null) {
            return work.get();
        }
        // printable ASCII, as the header is defined: other bytes reach us only as Tomcat's ISO-8859-1 reading of them
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= ' ' && c <= '~')) {
            return problem(HttpStatus.BAD_REQUEST, "Idempotency-Key: must be 1 to 255 printable ASCII characters");
        }
        String hash = hash(request);
        try {
            jdbc.sql("""
                    insert into idempotency_record (principal, idempotency_key, request_hash, status, body, created_at)
                    values (:principal, :key, :hash, :status, '', :now)
                    """).param("principal", principal).param("key", key).param("hash", hash)
                    .param("status", IN_PROGRESS).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException retry) {
            return replay(principal, key, hash);
        }
        ResponseEntity<?> response;
        try {
            response = work.get();
        } catch (RuntimeException e) {
            release(principal, key);
            throw e;
        }
        // a failure, or an answer that is partly one (207: some findings of a batch failed), is not kept, so that a
        // retry with the same key carries out what failed
        if (response.getStatusCode().is5xxServerError() || response.getStatusCode() == HttpStatus.MULTI_STATUS) {
            release(principal, key);
            return response;
        }
        jdbc.sql("update idempotency_record set status = :status, body = :body where principal = :principal and idempotency_key = :key")
                .param("status", response.getStatusCode().value()).param("body", write(response.getBody()))
                .param("principal", principal).param("key", key).update();
        return response;
    }

    private ResponseEntity<?> replay(String principal, String key, String hash) {
        Optional<Stored> stored = jdbc.sql("""
                select request_hash, status, body from idempotency_record
                where principal = :principal and idempotency_key = :key
                """).param("principal", principal).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
        if (stored.isEmpty()) {
            return problem(HttpStatus.CONFLICT, "Idempotency-Key: the first request with this key failed just now; retry");
        }
        if (!stored.get().requestHash().equals(hash)) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Idempotency-Key: this key was used before with a different request body");
        }
        if (stored.get().status() == IN_PROGRESS) {
            return problem(HttpStatus.CONFLICT, "Idempotency-Key: a request with this key is still being processed; retry");
        }
        return ResponseEntity.status(stored.get().status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").body(stored.get().body());
    }

    private void release(String principal, String key) {
        jdbc.sql("delete from idempotency_record where principal = :principal and idempotency_key = :key")
                .param("principal", principal).param("key", key).update();
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        ProblemDetail problem = Problems.withErrors(status, null, detail,
                List.of(new Problems.FieldError(IDEMPOTENCY_KEY, detail)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the answer of an idempotent request", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
