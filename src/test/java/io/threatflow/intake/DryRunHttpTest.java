package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.InventoryService;
import io.threatflow.inventory.NetworkState;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.SwitchableAdapters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A dry run reported over the API, through a whole case: the patch is routed to the patch management of the test
 * (testing.SwitchableAdapters) and described there, never requested; validation has nothing to look at and says so;
 * the case closes, and the register, the action log and the timeline say throughout that it was a dry run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DryRunHttpTest {

    private static final String ASSET = "intake-dry-run.corp";
    private static final String CVE = "CVE-2099-47001";

    @Autowired
    TestRestTemplate http;
    @Autowired
    InventoryService inventory;

    @Test
    @SuppressWarnings("unchecked")
    void shouldRecordWhatWouldBeDone_changeNothing_andCloseSayingSo() {
        inventory.add(new Asset(null, ASSET, "10.99.7.1", "Ubuntu", "24.04", true, NetworkState.CONNECTED,
                Criticality.MEDIUM, "intake-tests", true, false, false, false, Set.of(443), Set.of(), Set.of(), false,
                Set.of()));
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "Fake CVE on " + ASSET, "type", "VULNERABILITY",
                "asset", ASSET, "cve", CVE, "severity", "MEDIUM", "dryRun", true));
        assertThat(analyst.threat(threatId)).containsEntry("dryRun", true);
        assertThat(RawApi.as(http, "analyst").get("/api/threats?asset=" + ASSET).jsonItems())
                .singleElement().satisfies(summary -> assertThat(summary).containsEntry("dryRun", true));

        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", false, "severity", "MEDIUM", "triageNotes", "trying a dry run"));
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "outdated package", "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));
        String closure = analyst.awaitTask(threatId, "Task_ConfirmClosure");
        Map<String, Object> form = analyst.get("/engine-rest/task/" + closure + "/form-variables").getBody();
        assertThat((Map<String, Object>) form.get("validationResult")).extractingByKey("value").asString()
                .startsWith("Dry run: nothing was changed, so nothing was validated.");
        analyst.submit(closure, Map.of("lessonsLearned", "the patch would go to patch management"));
        Map<String, Object> closed = analyst.awaitClosed(threatId, "ELIMINATED");

        assertThat(closed).containsEntry("dryRun", true);
        List<Map<String, Object>> actions = (List<Map<String, Object>>) closed.get("actions");
        assertThat(actions).filteredOn(a -> "PATCH_SOFTWARE".equals(a.get("action"))).singleElement()
                .satisfies(patch -> {
                    assertThat(patch).containsEntry("status", "DRY_RUN");
                    assertThat((String) patch.get("detail"))
                            .startsWith("DRY RUN, nothing was sent: patch-management (a simulation) would patch the software on "
                                    + ASSET)
                            .endsWith("; not checked: a dry run changes nothing");
                    assertThat((String) patch.get("request"))
                            .isEqualTo("patch-management would patch the software on " + ASSET + ", finding " + CVE);
                });
        assertThat(actions).filteredOn(a -> "NOTIFY_STAKEHOLDERS".equals(a.get("action"))).singleElement()
                .satisfies(notification -> assertThat(notification).containsEntry("status", "DRY_RUN"));
        assertThat(actions).extracting(a -> a.get("status")).as("nothing was applied or sent")
                .doesNotContain("APPLIED", "SENT", "VERIFIED");
        assertThat(SwitchableAdapters.patchRequests.keySet()).as("patch requests of any test")
                .noneMatch(key -> key.threatId().equals(threatId));
        assertThat(inventory.findByName(ASSET).orElseThrow().findings()).as("the flaw is still on the asset")
                .contains(CVE);

        List<Map<String, Object>> timeline = RawApi.as(http, "analyst").get("/api/threats/" + threatId + "/timeline")
                .jsonList();
        assertThat(timeline.get(0)).containsEntry("kind", "REPORTED")
                .containsEntry("name", "Threat reported as a dry run");
        assertThat(timeline).filteredOn(e -> "PATCH_SOFTWARE (ERADICATION)".equals(e.get("name"))).singleElement()
                .satisfies(entry -> assertThat((String) entry.get("detail")).startsWith("DRY_RUN on " + ASSET)
                        .endsWith("the request that would have been sent:\npatch-management would patch the software on "
                                + ASSET + ", finding " + CVE));
        assertThat(timeline).filteredOn(e -> "EndEvent_ThreatEliminated".equals(e.get("element"))).singleElement()
                .satisfies(end -> assertThat((String) end.get("detail")).endsWith("; dry run: nothing was changed"));
    }

    @Test
    void shouldTakeDryRunFalse_asARealCase() {
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "Beacon", "type", "MALWARE", "asset", "intake-not-dry.corp",
                "dryRun", false));

        assertThat(analyst.threat(threatId)).containsEntry("dryRun", false);
    }
}
