package io.threatflow.connector.awx;

import com.fasterxml.jackson.databind.JsonNode;
import io.threatflow.Text;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.connector.ConnectorFailureException;
import io.threatflow.connector.ConnectorHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * The few calls of the AWX REST API (v2) the connector makes, with AWX's answers sorted into refusals and
 * technical failures. The credentials travel only in the {@code Authorization} header, never in a message.
 */
class AwxApi {

    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final RestClient http;

    AwxApi(AwxProperties settings) {
        this.http = ConnectorHttp.restClient(settings.connectTimeout(), settings.readTimeout())
                .baseUrl(settings.url().toString())
                .defaultHeaders(headers -> {
                    if (settings.usesToken()) {
                        headers.setBearerAuth(settings.token());
                    } else {
                        headers.setBasicAuth(settings.username(), settings.password(), StandardCharsets.UTF_8);
                    }
                })
                .build();
    }

    /** {@code GET /api/v2/job_templates/{id}/}: its inventory, name and what it prompts for on launch. */
    JsonNode template(int templateId) {
        return http.get().uri("/api/v2/job_templates/{id}/", templateId)
                .retrieve().onStatus(HttpStatusCode::isError, fail("reading job template " + templateId))
                .body(JsonNode.class);
    }

    /** {@code GET /api/v2/inventories/{id}/hosts/?name=...}: the host of that exact name, if the inventory has it. */
    Optional<JsonNode> host(int inventoryId, String name) {
        JsonNode page = http.get()
                .uri(uri -> uri.path("/api/v2/inventories/{id}/hosts/").queryParam("name", name).build(inventoryId))
                .retrieve().onStatus(HttpStatusCode::isError, fail("looking up host " + name + " in inventory " + inventoryId))
                .body(JsonNode.class);
        for (JsonNode host : page.path("results")) {
            if (name.equals(host.path("name").asText())) {
                return Optional.of(host);
            }
        }
        return Optional.empty();
    }

    /** {@code GET /api/v2/job_templates/{id}/jobs/?order_by=-id}: its latest jobs, newest first. */
    List<JsonNode> latestJobs(int templateId, int count) {
        JsonNode page = http.get()
                .uri(uri -> uri.path("/api/v2/job_templates/{id}/jobs/").queryParam("order_by", "-id")
                        .queryParam("page_size", count).build(templateId))
                .retrieve().onStatus(HttpStatusCode::isError, fail("listing the jobs of job template " + templateId))
                .body(JsonNode.class);
        List<JsonNode> jobs = new ArrayList<>();
        page.path("results").forEach(jobs::add);
        return jobs;
    }

    /** {@code GET /api/v2/jobs/{id}/}: its status, explanation and variables. */
    JsonNode job(long jobId) {
        return http.get().uri("/api/v2/jobs/{id}/", jobId)
                .retrieve().onStatus(HttpStatusCode::isError, fail("reading job " + jobId))
                .body(JsonNode.class);
    }

    /** {@code POST /api/v2/job_templates/{id}/launch/}; answers the new job's id. */
    long launch(int templateId, String limit, Map<String, Object> extraVars) {
        JsonNode launched = http.post().uri("/api/v2/job_templates/{id}/launch/", templateId)
                .body(Map.of("limit", limit, "extra_vars", extraVars))
                .retrieve().onStatus(HttpStatusCode::isError, fail("launching job template " + templateId))
                .body(JsonNode.class);
        JsonNode job = launched.hasNonNull("job") ? launched.get("job") : launched.path("id");
        if (!job.canConvertToLong()) {
            throw new AwxFailureException("AWX launched job template " + templateId + " but named no job");
        }
        return job.asLong();
    }

    /**
     * A refusal for what AWX will refuse again (400 a launch it does not allow, 404 a template or inventory that
     * is not there); a technical failure for the rest: wrong credentials (401, 403) are fixed by an operator and
     * then retried, 408, 429 and 5xx pass.
     */
    private static RestClient.ResponseSpec.ErrorHandler fail(String what) {
        return (request, response) -> {
            int status = response.getStatusCode().value();
            boolean passing = status == 401 || status == 403 || status == 408 || status == 429 || status >= 500;
            String answer = "AWX answered " + status + " to " + what;
            if (passing) {
                throw new AwxFailureException(answer, status == 429 || status == 503
                        ? ConnectorFailureException.waitFrom(response.getHeaders(), Instant.now()).orElse(null) : null);
            }
            throw new ActionRejectedException(answer + ": " + body(response));
        };
    }

    private static String body(ClientHttpResponse response) {
        try (InputStream in = response.getBody()) {
            return Text.oneLine(new String(in.readNBytes(MAX_BODY_IN_MESSAGE), StandardCharsets.UTF_8),
                    MAX_BODY_IN_MESSAGE);
        } catch (IOException e) {
            return "(no readable body)";
        }
    }
}
