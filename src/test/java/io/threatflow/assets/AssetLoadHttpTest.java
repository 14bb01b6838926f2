package io.threatflow.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.InventoryService;
import io.threatflow.inventory.NetworkState;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestAssets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/** {@code POST /api/assets} and its read side over real HTTP, as an administrator loading an inventory would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AssetLoadHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    InventoryService inventory;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldCreateUpdateAndRejectJsonAssets_eachWithItsResult() {
        String web = "load-web-" + suffix;
        Asset existing = inventory.add(TestAssets.asset().hostname(web + ".corp").buildNew());

        RawApi.Answer answer = admin().postJson("/api/assets", List.of(
                Map.of("hostname", "LOAD-DB-" + suffix + ".corp", "ip", "10.66.0.2", "criticality", "critical",
                        "internetFacing", false, "tags", List.of("Linux", "database")),
                Map.of("hostname", web + ".corp", "os", "Ubuntu", "version", "24.04", "tags", List.of("dmz")),
                Map.of("hostname", "bad host", "ip", "not-an-ip", "criticality", "urgent", "tags", List.of("a b"))));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Map<String, Object> result = answer.json();
        assertThat(result).containsEntry("created", 1).containsEntry("updated", 1).containsEntry("rejected", 1);
        List<Map<String, Object>> items = items(result);
        assertThat(items.get(0)).containsEntry("index", 0).containsEntry("hostname", "load-db-" + suffix + ".corp")
                .containsEntry("result", "created").containsEntry("errors", List.of()).doesNotContainKey("row");
        assertThat(items.get(1)).containsEntry("result", "updated").containsEntry("assetId", existing.id());
        assertThat(items.get(2)).containsEntry("index", 2).containsEntry("result", "rejected")
                .containsEntry("hostname", "bad host").doesNotContainKey("assetId");
        assertThat(fields(items.get(2))).containsExactlyInAnyOrder("hostname", "ip", "criticality", "tags");

        Map<String, Object> created = analyst().get("/api/assets/Load-DB-" + suffix + ".corp").json();
        assertThat(created).containsEntry("assetId", items.get(0).get("assetId")).containsEntry("ip", "10.66.0.2")
                .containsEntry("criticality", "CRITICAL").containsEntry("internetFacing", false)
                .containsEntry("tags", List.of("database", "linux")).containsEntry("managed", true);
        assertThat(analyst().get("/api/assets/" + web + ".corp").json()).containsEntry("os", "Ubuntu")
                .containsEntry("version", "24.04").containsEntry("tags", List.of("dmz"))
                .containsEntry("owner", "hr-it").containsEntry("ip", "10.0.3.30");
        assertThat(analyst().get("/api/assets/bad%20host").status()).isEqualTo(404);
    }

    @Test
    void shouldLoadCsv_withColumnsInAnyCase_andNameEachBadRowAndField() {
        String csv = """
                Hostname,IP,OS,Version,Criticality,Owner,Internet-Facing,Tags
                csv-web-%1$s,10.66.1.1,Ubuntu,22.04,HIGH,web-team,yes,"linux; dmz web"
                csv-db-%1$s,10.66.1.2,Debian,12,Critical,data-team,no,linux
                csv-bad-%1$s,10.66.1.300,Debian,12,severe,data-team,perhaps,linux
                csv-web-%1$s,10.66.1.9,,,,,,
                """.formatted(suffix);

        RawApi.Answer answer = admin().post("/api/assets", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Map<String, Object> result = answer.json();
        assertThat(result).containsEntry("created", 2).containsEntry("updated", 0).containsEntry("rejected", 2);
        List<Map<String, Object>> items = items(result);
        assertThat(items).extracting(item -> item.get("row")).containsExactly(2, 3, 4, 5);
        assertThat(items).extracting(item -> item.get("result"))
                .containsExactly("created", "created", "rejected", "rejected");
        assertThat(fields(items.get(2))).containsExactlyInAnyOrder("ip", "criticality", "internet-facing");
        assertThat(items.get(3).get("errors")).asString().contains("hostname").contains("row 2");

        assertThat(analyst().get("/api/assets/csv-web-" + suffix).json()).containsEntry("internetFacing", true)
                .containsEntry("tags", List.of("dmz", "linux", "web")).containsEntry("criticality", "HIGH");
        assertThat(analyst().get("/api/assets/csv-bad-" + suffix).status()).as("a rejected row writes nothing")
                .isEqualTo(404);
    }

    @Test
    void shouldKeepTheIdAndWhatTheLoadDoesNotCarry_whenUpdatingAHost() {
        String host = "keep-" + suffix;
        Asset before = inventory.add(TestAssets.asset().hostname(host).networkState(NetworkState.ISOLATED)
                .openPorts(3389).blockedPorts(445).findings("CVE-2099-0001").credentialsCompromised(true).buildNew());

        RawApi.Answer answer = admin().post("/api/assets", "text/csv", ("""
                hostname,ip,criticality,tags,internet-facing
                %s,10.66.2.1,LOW,windows,true
                """.formatted(host.toUpperCase())).getBytes(StandardCharsets.UTF_8));

        assertThat(answer.json()).as(answer.toString()).containsEntry("updated", 1);
        Asset after = inventory.find(before.id()).orElseThrow();
        assertThat(after.ipAddress()).isEqualTo("10.66.2.1");
        assertThat(after.tags()).containsExactly("windows");
        assertThat(after.internetFacing()).isTrue();
        assertThat(after.networkState()).isEqualTo(NetworkState.ISOLATED);
        assertThat(after.openPorts()).containsExactly(3389);
        assertThat(after.blockedPorts()).containsExactly(445);
        assertThat(after.findings()).containsExactly("CVE-2099-0001");
        assertThat(after.credentialsCompromised()).isTrue();
        assertThat(after.osName()).as("not in the load").isEqualTo(before.osName());
        assertThat(after.owner()).isEqualTo(before.owner());
    }

    @Test
    void shouldRefuseABrokenBodyAsAProblem_andWriteNothing() {
        String host = "broken-" + suffix;
        RawApi.Answer unbalanced = admin().post("/api/assets", "text/csv",
                ("hostname,os\n" + host + ",Linux\n" + host + "-2,\"Ubuntu\n").getBytes(StandardCharsets.UTF_8));

        assertThat(unbalanced.status()).as(unbalanced.toString()).isEqualTo(400);
        assertThat(unbalanced.isProblem()).isTrue();
        assertThat(unbalanced.errorFields()).containsExactly("row 3");
        assertThat(inventory.findByHostname(host)).as("not even the good row before it").isEmpty();

        RawApi.Answer unknownColumns = admin().post("/api/assets", "text/csv",
                ("hostname,colour,rack\n" + host + ",red,4\n").getBytes(StandardCharsets.UTF_8));
        assertThat(unknownColumns.status()).isEqualTo(400);
        assertThat(unknownColumns.errorFields()).containsExactly("colour", "rack");

        RawApi.Answer notJson = admin().post("/api/assets", "{\"hostname\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.isProblem()).isTrue();
        assertThat(notJson.errorFields()).containsExactly("body");

        RawApi.Answer otherType = admin().post("/api/assets", "text/plain", host.getBytes(StandardCharsets.UTF_8));
        assertThat(otherType.status()).isEqualTo(415);
        assertThat(inventory.findByHostname(host)).isEmpty();
    }

    @Test
    void shouldRefuseMoreThan10000Rows_andABodyOverTheSizeLimit() {
        StringBuilder rows = new StringBuilder("hostname\n");
        for (int i = 0; i <= 10_000; i++) {
            rows.append("many-").append(i).append('\n');
        }
        RawApi.Answer tooMany = admin().post("/api/assets", "text/csv", rows.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.json()).containsEntry("title", "Too many assets");
        assertThat(inventory.findByHostname("many-0")).isEmpty();

        byte[] huge = ("hostname,owner\nhuge-" + suffix + "," + "x".repeat(1_100_000) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(admin().post("/api/assets", "text/csv", huge).status()).isEqualTo(413);
        assertThat(admin().postChunked("/api/assets", "text/csv", huge).status()).isEqualTo(413);
    }

    @Test
    void shouldFindAssetsByPartOfTheHostname_aTag_andInternetFacing() {
        String prefix = "find-" + suffix;
        admin().postJson("/api/assets", List.of(
                Map.of("hostname", prefix + "-a", "tags", List.of("edge", "linux"), "internetFacing", true),
                Map.of("hostname", prefix + "-b", "tags", List.of("linux")),
                Map.of("hostname", prefix + "-c", "tags", List.of("edge"), "internetFacing", false)));

        assertThat(hostnames("/api/assets?hostname=" + prefix.toUpperCase())).containsExactly(prefix + "-a", prefix + "-b",
                prefix + "-c");
        assertThat(hostnames("/api/assets?hostname=" + prefix + "&tag=EDGE")).containsExactly(prefix + "-a", prefix + "-c");
        assertThat(hostnames("/api/assets?hostname=" + prefix + "&tag=edge&internetFacing=true"))
                .containsExactly(prefix + "-a");
        Map<String, Object> page = analyst().get("/api/assets?hostname=" + prefix + "&size=2&page=1").json();
        assertThat(page).containsEntry("total", 3).containsEntry("page", 1).containsEntry("size", 2);
        assertThat(analyst().get("/api/assets?hostname=%25").json()).as("a % in the filter is a character")
                .containsEntry("total", 0);
        assertThat(analyst().get("/api/assets?size=500").status()).isEqualTo(400);
    }

    @Test
    void shouldServeTheDemoInventory_withTagsAndInternetFacing() {
        assertThat(analyst().get("/api/assets/web-01").json()).containsEntry("internetFacing", true)
                .containsEntry("tags", List.of("dmz", "linux", "server", "web"));
        assertThat(hostnames("/api/assets?tag=dmz&internetFacing=true")).contains("web-01", "vpn-gw-01")
                .doesNotContain("db-01");
    }

    private List<String> hostnames(String path) {
        RawApi.Answer answer = analyst().get(path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.jsonItems().stream().map(item -> (String) item.get("hostname")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("items");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }

    private RawApi admin() {
        return RawApi.as(http, "admin");
    }

    private RawApi analyst() {
        return RawApi.as(http, "analyst");
    }
}
