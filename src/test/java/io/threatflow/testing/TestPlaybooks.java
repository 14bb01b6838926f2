package io.threatflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * A small playbook of its own per test, deployed by the application: "Review case" version 1 (one review step) and
 * version 2 (the review renamed from {@code Task_ReviewCase} to {@code Task_AssessCase}, a step
 * {@code Task_ConfirmCase} added). Each test gets its own process key, so that its versions are 1 and 2 and
 * deleting them touches nothing else.
 */
public final class TestPlaybooks {

    public static final String REVIEW = "Task_ReviewCase";
    public static final String ASSESS = "Task_AssessCase";
    public static final String CONFIRM = "Task_ConfirmCase";

    private TestPlaybooks() {
    }

    /** A new process key, e.g. {@code review-case-1a2b3c4d}. */
    public static String newKey() {
        return "review-case-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Deploys version {@code version} (1 or 2) of the review playbook under {@code key}; its definition. */
    public static ProcessDefinition deploy(RepositoryService repository, String key, int version) {
        String bpmn = resource("/playbook/review-case-v" + version + ".bpmn").replace("PROCESS_KEY", key);
        String deploymentId = repository.createDeployment().name(key + " v" + version)
                .addString(key + ".bpmn", bpmn).deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }

    /** Deploys version {@code version} over {@code /engine-rest/deployment/create} as {@code user}, as Modeler does. */
    public static RawApi.Answer deployOverHttp(RawApi user, String key, int version) {
        String boundary = "playbook-" + UUID.randomUUID();
        String bpmn = resource("/playbook/review-case-v" + version + ".bpmn").replace("PROCESS_KEY", key);
        String body = String.join("\r\n",
                "--" + boundary, "Content-Disposition: form-data; name=\"deployment-name\"", "", key + " v" + version,
                "--" + boundary, "Content-Disposition: form-data; name=\"upload\"; filename=\"" + key + ".bpmn\"",
                "Content-Type: text/xml", "", bpmn, "--" + boundary + "--", "");
        return user.post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String path) {
        try (InputStream in = TestPlaybooks.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
