package io.threatflow.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.inventory.InventoryService;
import io.threatflow.testing.RawApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may read and load the inventory, written as the attacker: each role tries what it must not, and the test
 * shows the refusal and that the inventory did not change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AssetAccessHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    InventoryService inventory;

    @Test
    void shouldRefuseAnalystsAndManagers_aLoad_andChangeNothing() {
        for (String user : List.of("analyst", "manager", "modeler")) {
            String host = "attack-" + user + "-" + UUID.randomUUID().toString().substring(0, 8);
            RawApi.Answer json = RawApi.as(http, user).postJson("/api/assets",
                    List.of(Map.of("hostname", host), Map.of("hostname", "web-01", "internetFacing", false, "tags", List.of())));
            RawApi.Answer csv = RawApi.as(http, user).post("/api/assets", "text/csv",
                    ("hostname,tags\n" + host + ",trusted\nweb-01,\n").getBytes(StandardCharsets.UTF_8));
            RawApi.Answer broken = RawApi.as(http, user).post("/api/assets", "{broken");

            for (RawApi.Answer answer : List.of(json, csv, broken)) {
                assertThat(answer.status()).as(user + ": " + answer).isEqualTo(403);
                assertThat(answer.isProblem()).isTrue();
                assertThat(answer.json()).containsEntry("title", "Not allowed");
            }
            assertThat(inventory.findByHostname(host)).as(user).isEmpty();
        }
        var web = inventory.findByHostname("web-01").orElseThrow();
        assertThat(web.internetFacing()).isTrue();
        assertThat(web.tags()).contains("dmz");
    }

    @Test
    void shouldLetAnalystsManagersAndAdminsRead_butNotModelers() {
        for (String user : List.of("analyst", "manager", "admin")) {
            assertThat(RawApi.as(http, user).get("/api/assets").status()).as(user).isEqualTo(200);
            assertThat(RawApi.as(http, user).get("/api/assets/web-01").status()).as(user).isEqualTo(200);
        }
        for (String path : List.of("/api/assets", "/api/assets/web-01", "/api/assets/no-such-host")) {
            RawApi.Answer answer = RawApi.as(http, "modeler").get(path);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }
    }

    @Test
    void shouldAskForCredentials_ofAnonymousCallers() {
        RawApi anonymous = RawApi.anonymous(http);
        String host = "anonymous-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(anonymous.get("/api/assets").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/assets/web-01").status()).isEqualTo(401);
        RawApi.Answer load = anonymous.postJson("/api/assets", Map.of("hostname", host));
        assertThat(load.status()).isEqualTo(401);
        assertThat(load.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(inventory.findByHostname(host)).isEmpty();
    }
}
