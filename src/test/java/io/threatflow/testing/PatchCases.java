package io.threatflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The case the reliability tests drive in bulk: a vulnerability with its own CVE on the managed LOW demo asset,
 * which runs triage, notify, collect evidence, investigate, eradicate (PATCH_SOFTWARE), validate, lift, confirm
 * and ends ELIMINATED without approval or containment. Not on web-01 (HIGH): with several threats open on it,
 * approval-policy asks a manager, as it should for a busy important host.
 */
public final class PatchCases {

    public static final String PROCESS = "threat-remediation";
    public static final List<String> ASSETS = List.of("laptop-0042");

    private PatchCases() {
    }

    /** Report number {@code n} of a run; the CVE and source reference keep every report its own case. */
    public static Map<String, Object> report(String run, int n) {
        return Map.of("title", "Patchable flaw " + n + " (" + run + ")", "type", "VULNERABILITY",
                "asset", ASSETS.get(n % ASSETS.size()), "cve", "CVE-2099-" + (10000 + n), "severity", "MEDIUM",
                "source", "reliability-" + run, "sourceRef", run + "-" + n);
    }

    /** Reports case {@code n} of the run and walks it through triage, investigation and closure to ELIMINATED. */
    public static String driveToElimination(ApiClient analyst, String run, int n) {
        String threatId = analyst.report(report(run, n));
        triage(analyst, threatId);
        investigate(analyst, awaitInvestigation(analyst, threatId));
        confirmClosure(analyst, threatId);
        analyst.awaitClosed(threatId, "ELIMINATED");
        return threatId;
    }

    public static void triage(ApiClient analyst, String threatId) {
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", false, "severity", "MEDIUM", "triageNotes", "reliability run"));
    }

    public static String awaitInvestigation(ApiClient analyst, String threatId) {
        return analyst.awaitTask(threatId, "Task_InvestigateThreat");
    }

    public static void investigate(ApiClient analyst, String taskId) {
        analyst.submit(taskId, Map.of("rootCause", "outdated library", "eliminable", true,
                "remediationAction", "PATCH_SOFTWARE"));
    }

    public static void confirmClosure(ApiClient analyst, String threatId) {
        analyst.submit(analyst.awaitTask(threatId, "Task_ConfirmClosure"), Map.of("lessonsLearned", "patch sooner"));
    }

    /**
     * The case ended ELIMINATED and its one remediation process instance completed; the patch was applied
     * once and no action is in the log twice (the idempotency key is not in the API, so per action and purpose).
     */
    @SuppressWarnings("unchecked")
    public static void assertEliminatedOnce(ApiClient reader, String threatId) {
        Map<String, Object> threat = reader.threat(threatId);
        assertThat(threat.get("status")).as("status of %s", threatId).isEqualTo("ELIMINATED");
        assertThat(((Map<String, Object>) threat.get("currentStep")).get("step")).as("step of %s", threatId)
                .isEqualTo("CLOSED");

        List<Map<String, Object>> actions = (List<Map<String, Object>>) threat.get("actions");
        assertThat(actions).as("patches of %s: %s", threatId, actions)
                .filteredOn(a -> "PATCH_SOFTWARE".equals(a.get("action")))
                .extracting(a -> a.get("status")).containsExactly("APPLIED");
        Map<String, Long> perActionAndPurpose = actions.stream()
                .collect(Collectors.groupingBy(a -> a.get("action") + "/" + a.get("purpose"), Collectors.counting()));
        assertThat(perActionAndPurpose).as("action log of %s: %s", threatId, actions)
                .allSatisfy((actionAndPurpose, count) -> assertThat(count).as(actionAndPurpose).isEqualTo(1L));

        assertThat(count(reader, "/engine-rest/history/process-instance/count?processDefinitionKey=" + PROCESS
                + "&processInstanceBusinessKey=" + threatId)).as("remediation cases of %s", threatId).isEqualTo(1);
        assertThat(count(reader, "/engine-rest/history/process-instance/count?processDefinitionKey=" + PROCESS
                + "&processInstanceBusinessKey=" + threatId + "&completed=true"))
                .as("completed remediation cases of %s", threatId).isEqualTo(1);
    }

    public static long count(ApiClient reader, String path) {
        Map<String, Object> body = reader.get(path).getBody();
        assertThat(body).as("GET %s", path).containsKey("count");
        return ((Number) body.get("count")).longValue();
    }
}
