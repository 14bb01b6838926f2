package io.threatflow.testing;

import java.util.Map;

/**
 * A threat-remediation case driven over HTTP, as its users drive it, to the step a test starts from: an
 * OUTDATED_OS threat of MEDIUM severity, whose planned OS upgrade needs a manager's approval.
 */
public final class CaseSteps {

    private CaseSteps() {
    }

    /** Reported and triaged by the analyst; returns the threat id. Its case waits at Task_InvestigateThreat. */
    public static String atInvestigation(ApiClient analyst, String asset) {
        String threatId = analyst.report(Map.of("title", "Unsupported OS on " + asset, "type", "OUTDATED_OS",
                "asset", asset));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", false, "severity", "MEDIUM"));
        return threatId;
    }

    /** Investigated too, by the same analyst; its case waits at Task_ApproveEradication. */
    public static String awaitingApproval(ApiClient analyst, String asset) {
        String threatId = atInvestigation(analyst, asset);
        investigate(analyst, analyst.awaitTask(threatId, "Task_InvestigateThreat"));
        return threatId;
    }

    /** Completes the investigation as its form does: the OS upgrade, which needs approval. */
    public static void investigate(ApiClient analyst, String taskId) {
        analyst.submit(taskId, Map.of("rootCause", "end of support", "eliminable", true, "remediationAction", "UPGRADE_OS"));
    }
}
