package io.threatflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Talks to a running ThreatFlow over real HTTP, as a SOC tool or a Tasklist user would. */
public class ApiClient {

    public static final String PASSWORD = "test-password-1";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() { };

    private final TestRestTemplate http;

    public ApiClient(TestRestTemplate http, String user) {
        this.http = http.withBasicAuth(user, PASSWORD);
    }

    public ResponseEntity<Map<String, Object>> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    public ResponseEntity<Map<String, Object>> get(String path) {
        return http.exchange(path, HttpMethod.GET, null, JSON);
    }

    /** Reports a threat, waits until its case has started (after the answer), and returns the threat's id. */
    public String report(Map<String, Object> threat) {
        ResponseEntity<Map<String, Object>> response = post("/api/threats", threat);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String threatId = (String) response.getBody().get("threatId");
        awaitCase(threatId);
        return threatId;
    }

    /** Waits until the accepted threat's case has started, and returns the case's process instance id. */
    public String awaitCase(String threatId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> (String) threat(threatId).get("processInstanceId"), id -> id != null);
    }

    public Map<String, Object> threat(String threatId) {
        ResponseEntity<Map<String, Object>> response = get("/api/threats/" + threatId);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Waits until the case of the threat (or its subprocess) has the user task open, and returns the task id. */
    public String awaitTask(String threatId, String taskDefinitionKey) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> tasks = http.exchange("/engine-rest/task?processInstanceBusinessKey=" + threatId
                    + "&taskDefinitionKey=" + taskDefinitionKey, HttpMethod.GET, null, JSON_LIST).getBody();
            return tasks == null || tasks.isEmpty() ? null : (String) tasks.get(0).get("id");
        }, id -> id != null);
    }

    /** Completes a task as Tasklist does: through its form. */
    public void submit(String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<Map<String, Object>> response = post("/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", variables));
        assertThat(response.getStatusCode()).as("submit-form of task %s: %s", taskId, response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Waits until the threat's case has ended with the threat in the given status. */
    public Map<String, Object> awaitClosed(String threatId, String status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> threat(threatId), t -> status.equals(t.get("status"))
                        && "CLOSED".equals(((Map<?, ?>) t.get("currentStep")).get("step")));
    }
}
