package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.InventoryService;
import io.threatflow.inventory.NetworkState;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The read side over HTTP: searching threats with every filter, paging, and a case's timeline. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeReadSideHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    InventoryService inventory;

    ApiClient analyst;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
    }

    @Test
    void shouldFilterByAssetTypeSeverityAndStatus() {
        String asset = "intake-read-filters.corp";
        String vulnerability = analyst.report(Map.of("title", "Fake CVE", "type", "VULNERABILITY", "asset", asset,
                "cve", "CVE-2099-43001", "severity", "HIGH"));
        String exposed = analyst.report(Map.of("title", "Telnet", "type", "EXPOSED_SERVICE", "asset", asset,
                "port", 23, "severity", "LOW"));
        String malware = analyst.report(Map.of("title", "Beacon", "type", "MALWARE", "asset", asset));
        analyst.submit(analyst.awaitTask(exposed, "Task_TriageThreat"), Map.of("falsePositive", true, "severity", "LOW"));
        analyst.awaitClosed(exposed, "FALSE_POSITIVE");
        awaitAssessed(vulnerability);
        awaitAssessed(malware);

        assertThat(ids("asset=" + asset)).containsExactlyInAnyOrder(vulnerability, exposed, malware);
        assertThat(ids("asset=INTAKE-READ-FILTERS.CORP")).as("asset matches case-insensitively").hasSize(3);
        assertThat(ids("asset=intake-read-filters")).as("asset is an exact name, not a prefix").isEmpty();
        assertThat(ids("asset=" + asset + "&type=VULNERABILITY")).containsExactly(vulnerability);
        assertThat(ids("asset=" + asset + "&severity=HIGH")).containsExactlyInAnyOrder(vulnerability, malware);
        assertThat(ids("asset=" + asset + "&status=FALSE_POSITIVE")).containsExactly(exposed);
        assertThat(ids("asset=" + asset + "&status=OPEN")).containsExactlyInAnyOrder(vulnerability, malware);
        assertThat(ids("asset=" + asset + "&status=OPEN&type=MALWARE&severity=HIGH")).containsExactly(malware);
        assertThat(ids("asset=" + asset + "&status=ELIMINATED")).isEmpty();

        // without the asset filter the other filters still hold for every threat of every test
        List<Map<String, Object>> closedExposed = items("type=EXPOSED_SERVICE&status=FALSE_POSITIVE&size=200");
        assertThat(closedExposed).allSatisfy(item -> assertThat(item)
                .containsEntry("type", "EXPOSED_SERVICE").containsEntry("status", "FALSE_POSITIVE"));
        assertThat(closedExposed).extracting(item -> item.get("threatId")).contains(exposed);
        assertThat(items("severity=HIGH&size=200")).allSatisfy(item -> assertThat(item).containsEntry("severity", "HIGH"));
    }

    @Test
    void shouldListOnlyThreatsReportedSinceTheGivenInstant() {
        String asset = "intake-read-since.corp";
        String older = analyst.report(Map.of("title", "First", "type", "VULNERABILITY", "asset", asset, "cve", "CVE-2099-43002"));
        Instant olderReportedAt = Instant.parse((String) analyst.threat(older).get("reportedAt"));
        String newer = analyst.report(Map.of("title", "Second", "type", "VULNERABILITY", "asset", asset, "cve", "CVE-2099-43003"));
        Instant newerReportedAt = Instant.parse((String) analyst.threat(newer).get("reportedAt"));
        assertThat(newerReportedAt).as("reported one after the other").isAfter(olderReportedAt.plusNanos(1000));

        assertThat(ids("asset=" + asset + "&reportedSince=" + olderReportedAt)).containsExactlyInAnyOrder(older, newer);
        assertThat(ids("asset=" + asset + "&reportedSince=" + olderReportedAt.plusNanos(1000)))
                .containsExactly(newer);
        assertThat(ids("asset=" + asset + "&reportedSince=" + newerReportedAt)).containsExactly(newer);
        assertThat(ids("asset=" + asset + "&reportedSince=" + newerReportedAt.plusSeconds(1))).isEmpty();
        assertThat(items("reportedSince=" + newerReportedAt.plusSeconds(3600))).isEmpty();
    }

    @Test
    void shouldPageNewestFirst_withTotalOverAllPages() {
        String asset = "intake-read-paging.corp";
        List<String> reported = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            reported.add(analyst.report(Map.of("title", "Flaw " + i, "type", "VULNERABILITY", "asset", asset,
                    "cve", "CVE-2099-4400" + i)));
        }

        Map<String, Object> first = page("asset=" + asset + "&size=2&page=0");
        Map<String, Object> second = page("asset=" + asset + "&size=2&page=1");
        Map<String, Object> third = page("asset=" + asset + "&size=2&page=2");
        Map<String, Object> beyond = page("asset=" + asset + "&size=2&page=3");

        assertThat(List.of(first, second, third, beyond)).allSatisfy(p -> assertThat(p).containsEntry("total", 5)
                .containsEntry("size", 2));
        assertThat(first).containsEntry("page", 0);
        assertThat(third).containsEntry("page", 2);
        assertThat(itemsOf(first)).hasSize(2);
        assertThat(itemsOf(second)).hasSize(2);
        assertThat(itemsOf(third)).hasSize(1);
        assertThat(itemsOf(beyond)).isEmpty();
        List<Map<String, Object>> all = new ArrayList<>();
        List.of(first, second, third).forEach(p -> all.addAll(itemsOf(p)));
        assertThat(all).extracting(item -> item.get("threatId")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(reported);
        assertThat(all).extracting(item -> Instant.parse((String) item.get("reportedAt")))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(itemsOf(page("asset=" + asset + "&size=200"))).hasSize(5);
        assertThat(itemsOf(page("asset=" + asset))).as("default page size 20").hasSize(5);
        assertThat(page("asset=" + asset)).containsEntry("page", 0).containsEntry("size", 20);
    }

    @Test
    void shouldShowWholeCaseInTimeOrder_whenThreatIsTriagedInvestigatedAndEliminated() {
        inventory.add(new Asset(null, "intake-read-timeline.corp", "10.99.4.1", "Ubuntu", "24.04", true,
                NetworkState.CONNECTED, Criticality.MEDIUM, "intake-tests", true, false, false, false, Set.of(443),
                Set.of(), Set.of(), false, Set.of()));
        String threatId = analyst.report(Map.of("title", "Fake CVE on intake-read-timeline", "type", "VULNERABILITY",
                "asset", "intake-read-timeline.corp", "cve", "CVE-2099-43010", "severity", "MEDIUM",
                "source", "intake-scanner", "sourceRef", "intake-read-timeline-1"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", false, "severity", "MEDIUM", "triageNotes", "real"));
        analyst.submit(analyst.awaitTask(threatId, "Task_InvestigateThreat"),
                Map.of("rootCause", "outdated package", "eliminable", true, "remediationAction", "PATCH_SOFTWARE"));
        analyst.submit(analyst.awaitTask(threatId, "Task_ConfirmClosure"), Map.of("lessonsLearned", "patch sooner"));
        analyst.awaitClosed(threatId, "ELIMINATED");

        List<Map<String, Object>> timeline = timeline(threatId);

        assertThat(timeline.get(0)).containsEntry("kind", "REPORTED").containsEntry("step", "IDENTIFY")
                .containsEntry("actor", "analyst").containsEntry("detail", "source intake-scanner, reference intake-read-timeline-1");
        assertThat(timeline).extracting(e -> Instant.parse((String) e.get("at"))).isSorted();
        assertThat(timeline).extracting(e -> e.get("kind")).containsOnly("REPORTED", "STEP", "TASK", "ACTION");
        List<Map<String, Object>> tasks = timeline.stream().filter(e -> "TASK".equals(e.get("kind"))).toList();
        assertThat(tasks).extracting(e -> e.get("element"))
                .containsExactly("Task_TriageThreat", "Task_InvestigateThreat", "Task_ConfirmClosure");
        assertThat(tasks).extracting(e -> e.get("step")).containsExactly("IDENTIFY", "INVESTIGATE", "VALIDATE");
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task).containsEntry("actor", "analyst");
            assertThat((String) task.get("detail")).startsWith("done at ");
        });
        assertThat(timeline).filteredOn(e -> "ACTION".equals(e.get("kind")))
                .extracting(e -> e.get("name") + " by " + e.get("actor"))
                .contains("NOTIFY_STAKEHOLDERS (NOTIFICATION) by threatflow", "PATCH_SOFTWARE (ERADICATION) by threatflow");
        assertThat(timeline).filteredOn(e -> "STEP".equals(e.get("kind"))).extracting(e -> e.get("element"))
                .contains("Task_EnrichThreat", "Task_AssessSeverity", "Task_EradicateThreat",
                        "Task_ValidateRemediation", "Task_CloseEliminated", "EndEvent_ThreatEliminated")
                .doesNotContain("Task_TriageThreat");
        assertThat(timeline).filteredOn(e -> "STEP".equals(e.get("kind")))
                .allSatisfy(step -> assertThat(step).containsEntry("actor", "threatflow"));
        assertThat(indexOf(timeline, "Task_TriageThreat")).isLessThan(indexOf(timeline, "Task_InvestigateThreat"));
        assertThat(indexOf(timeline, "Task_InvestigateThreat")).isLessThan(indexOf(timeline, "Task_EradicateThreat"));
        assertThat(indexOf(timeline, "Task_EradicateThreat")).isLessThan(indexOf(timeline, "Task_ConfirmClosure"));
        assertThat(timeline.get(timeline.size() - 1)).containsEntry("element", "EndEvent_ThreatEliminated");
    }

    @Test
    void shouldShowOpenTaskWithoutActorAndSightingsWithTheirReporter() {
        Map<String, Object> report = Map.of("title", "Beacon", "type", "MALWARE", "asset", "intake-read-open.corp",
                "severity", "MEDIUM");
        String threatId = analyst.report(report);
        analyst.awaitTask(threatId, "Task_TriageThreat");
        new ApiClient(http, "manager").post("/api/threats", Map.of("title", "Beacon", "type", "MALWARE",
                "asset", "intake-read-open.corp", "severity", "CRITICAL", "source", "siem"));

        List<Map<String, Object>> timeline = timeline(threatId);

        assertThat(timeline).filteredOn(e -> "Task_TriageThreat".equals(e.get("element"))).singleElement()
                .satisfies(task -> {
                    assertThat(task).containsEntry("kind", "TASK").doesNotContainKey("actor");
                    assertThat(task).containsEntry("detail", "open");
                });
        assertThat(timeline).filteredOn(e -> "SIGHTING".equals(e.get("kind"))).singleElement()
                .satisfies(sighting -> assertThat(sighting).containsEntry("actor", "manager")
                        .containsEntry("detail", "source siem, rated CRITICAL, severity raised"));
        assertThat(timeline).extracting(e -> Instant.parse((String) e.get("at"))).isSorted();
    }

    private static int indexOf(List<Map<String, Object>> timeline, String element) {
        for (int i = 0; i < timeline.size(); i++) {
            if (element.equals(timeline.get(i).get("element"))) {
                return i;
            }
        }
        throw new AssertionError(element + " not in the timeline: " + timeline.stream()
                .map(e -> String.valueOf(e.get("element"))).collect(Collectors.joining(", ")));
    }

    private void awaitAssessed(String threatId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> analyst.threat(threatId).get("severity") != null);
    }

    private List<Map<String, Object>> timeline(String threatId) {
        RawApi.Answer timeline = RawApi.as(http, "analyst").get("/api/threats/" + threatId + "/timeline");
        assertThat(timeline.status()).as("%s", timeline).isEqualTo(200);
        return timeline.jsonList();
    }

    private Map<String, Object> page(String query) {
        var response = analyst.get("/api/threats?" + query);
        assertThat(response.getStatusCode().value()).as("GET /api/threats?%s: %s", query, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> itemsOf(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private List<Map<String, Object>> items(String query) {
        return itemsOf(page(query));
    }

    private List<Object> ids(String query) {
        return items(query + (query.contains("size=") ? "" : "&size=200")).stream().map(item -> item.get("threatId")).toList();
    }
}
