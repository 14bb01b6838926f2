package io.threatflow.connector.awx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionType;
import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.NetworkState;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a WireMock stub of the AWX REST API v2 on loopback. */
class AwxConnectorTest {

    static final String TOKEN = "awx-token-5e2b7d";
    static final String PASSWORD = "awx-password-c41f";
    static final ActionKey KEY = ActionKey.eradication("t-7", ActionType.PATCH_SOFTWARE, "case-3", 1, 1);
    static final Asset WEB_01 = new Asset("a-1", "web-01", "10.0.1.10", "Ubuntu", "22.04", true,
            NetworkState.CONNECTED, Criticality.HIGH, "web-team", true, false, false, false, Set.of(22), Set.of(),
            Set.of("CVE-2024-6387"), false, Set.of());

    @RegisterExtension
    static WireMockExtension awx = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    AwxConnector connector;

    @BeforeEach
    void stubAwx() {
        connector = connector(TOKEN, null, null);
        awx.stubFor(get(urlPathEqualTo("/api/v2/job_templates/12/jobs/"))
                .willReturn(okJson("{\"count\":0,\"results\":[]}")));
        awx.stubFor(get(urlPathEqualTo("/api/v2/job_templates/12/")).willReturn(okJson("""
                {"id":12,"type":"job_template","name":"Patch Linux","inventory":3,
                 "ask_limit_on_launch":true,"ask_variables_on_launch":true}""")));
        awx.stubFor(get(urlPathEqualTo("/api/v2/inventories/3/hosts/"))
                .willReturn(okJson("{\"count\":0,\"results\":[]}")));
        awx.stubFor(get(urlPathEqualTo("/api/v2/inventories/3/hosts/")).withQueryParam("name", equalTo("web-01"))
                .willReturn(okJson("{\"count\":1,\"results\":[{\"id\":7,\"name\":\"web-01\",\"enabled\":true}]}")));
        awx.stubFor(post(urlPathEqualTo("/api/v2/job_templates/12/launch/"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"job\":42,\"id\":42,\"type\":\"job\",\"ignored_fields\":{}}")));
    }

    @Test
    void describesTheExactLaunch_forADryRun_withoutCallingAwxOrShowingTheTokenOrPassword() {
        String described = connector.describe(KEY, WEB_01, null, "CVE-2024-6387");

        assertThat(awx.getAllServeEvents()).as("requests AWX got").isEmpty();
        assertThat(described).contains("POST " + awx.baseUrl() + "/api/v2/job_templates/12/launch/ "
                        + "{\"limit\":\"web-01\",\"extra_vars\":{\"threatflow_action_key\":\"" + KEY.value() + "\"")
                .contains("\"threatflow_cve\":\"CVE-2024-6387\"").contains("web-01 or 10.0.1.10")
                .contains("Authorization: Bearer *****").doesNotContain(TOKEN);
        assertThat(connector(null, "svc-threatflow", PASSWORD).describe(KEY, WEB_01, null, "CVE-2024-6387"))
                .contains("Authorization: Basic *****").doesNotContain(PASSWORD);
        ActionKey malware = ActionKey.eradication("t-7", ActionType.REMOVE_MALWARE, "case-3", 1, 1);
        assertThatThrownBy(() -> connector.describe(malware, WEB_01, null, "MALWARE:t-7"))
                .as("no template for the action: refused as for real").isInstanceOf(ActionRejectedException.class)
                .hasMessageContaining("no AWX job template is configured for REMOVE_MALWARE");
        ActionKey close = ActionKey.eradication("t-7", ActionType.CLOSE_PORT, "case-3", 1, 1);
        assertThatThrownBy(() -> connector.describe(close, WEB_01, null, null))
                .isInstanceOf(ActionRejectedException.class).hasMessageContaining("no port is known");
    }

    @Test
    void launchesTheTemplateLimitedToTheHostAndFollowsTheJobToSuccess() {
        job42("pending", "running", "successful");

        String detail = connector.patchSoftware(KEY, WEB_01, "CVE-2024-6387");

        assertThat(detail).isEqualTo("AWX job 42 (template 12 Patch Linux) successful on web-01");
        awx.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/job_templates/12/launch/"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.limit", equalTo("web-01")))
                .withRequestBody(matchingJsonPath("$.extra_vars.threatflow_action_key", equalTo(KEY.value())))
                .withRequestBody(matchingJsonPath("$.extra_vars.threatflow_host", equalTo("web-01")))
                .withRequestBody(matchingJsonPath("$.extra_vars.threatflow_cve", equalTo("CVE-2024-6387")))
                .withRequestBody(matchingJsonPath("$.extra_vars.threatflow_action", equalTo("PATCH_SOFTWARE"))));
        awx.verify(3, getRequestedFor(urlPathEqualTo("/api/v2/jobs/42/")));
    }

    @Test
    void refusesAHostTheInventoryDoesNotKnow() {
        Asset unknown = new Asset(null, "jump-01.branch.example", "192.0.2.9", null, null, true,
                NetworkState.CONNECTED, Criticality.MEDIUM, null, false, false, false, false, Set.of(3389), Set.of(), Set.of(), false, Set.of());

        assertThatThrownBy(() -> connector.closePort(KEY, unknown, 3389))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessage("AWX inventory 3 (job template 12) knows no host jump-01.branch.example or 192.0.2.9");
        awx.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/job_templates/12/launch/")));
    }

    @Test
    void refusesAnActionWithoutJobTemplate() {
        assertThatThrownBy(() -> connector.blockPort(KEY, WEB_01, 22))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessageContaining("threatflow.connectors.awx.job-templates.BLOCK_PORT");
        assertThat(awx.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesATemplateThatWouldIgnoreTheLimit() {
        awx.stubFor(get(urlPathEqualTo("/api/v2/job_templates/12/")).willReturn(okJson("""
                {"id":12,"name":"Patch Linux","inventory":3,"ask_limit_on_launch":false,"ask_variables_on_launch":true}""")));

        assertThatThrownBy(() -> connector.upgradeOs(KEY, WEB_01))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessageContaining("ask_limit_on_launch");
        awx.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/job_templates/12/launch/")));
    }

    @Test
    void aFailedJobIsATechnicalFailureThatNamesTheJob() {
        job42("running", "failed");

        assertThatThrownBy(() -> connector.patchSoftware(KEY, WEB_01, "CVE-2024-6387"))
                .isInstanceOf(AwxFailureException.class)
                .hasMessage("AWX job 42 (template 12 Patch Linux) on web-01 ended failed: host unreachable");
    }

    @Test
    void aServerErrorOnLaunchIsRetriedWithTheSameActionKey() {
        awx.stubFor(post(urlPathEqualTo("/api/v2/job_templates/12/launch/")).inScenario("launch")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "20"))
                .willSetStateTo("up"));
        awx.stubFor(post(urlPathEqualTo("/api/v2/job_templates/12/launch/")).inScenario("launch")
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"job\":42}")));
        job42("successful");

        assertThatThrownBy(() -> connector.patchSoftware(KEY, WEB_01, "CVE-2024-6387"))
                .isInstanceOf(AwxFailureException.class)
                .hasMessage("AWX answered 503 to launching job template 12")
                .satisfies(e -> assertThat(((AwxFailureException) e).retryAfter())
                        .as("the job waits as AWX asked").contains(java.time.Duration.ofSeconds(20)));
        assertThat(connector.patchSoftware(KEY, WEB_01, "CVE-2024-6387")).contains("successful");

        awx.verify(2, postRequestedFor(urlPathEqualTo("/api/v2/job_templates/12/launch/"))
                .withRequestBody(matchingJsonPath("$.extra_vars.threatflow_action_key", equalTo(KEY.value()))));
    }

    @Test
    void aRetryAfterTheWaitRanOutFollowsTheEarlierJobInsteadOfLaunchingAgain() {
        job42("pending", "running");

        assertThatThrownBy(() -> connector.patchSoftware(KEY, WEB_01, "CVE-2024-6387"))
                .isInstanceOf(AwxFailureException.class)
                .hasMessageContaining("AWX job 42 (template 12 Patch Linux) on web-01 is still running");
        // AWX now lists the job with the key it was launched with, and the job has finished meanwhile
        awx.stubFor(get(urlPathEqualTo("/api/v2/job_templates/12/jobs/")).willReturn(okJson("""
                {"count":2,"results":[{"id":43,"status":"running","extra_vars":"{}"},
                 {"id":42,"status":"running","limit":"web-01",
                  "extra_vars":"{\\"threatflow_action_key\\": \\"%s\\"}"}]}""".formatted(KEY.value()))));
        job42("successful");
        String detail = connector.patchSoftware(KEY, WEB_01, "CVE-2024-6387");

        assertThat(detail).isEqualTo("AWX job 42 (template 12 Patch Linux) successful on web-01 (launched by an earlier try)");
        awx.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/job_templates/12/launch/")));
    }

    @Test
    void aRetryAfterAFailedJobLaunchesAnew() {
        awx.stubFor(get(urlPathEqualTo("/api/v2/job_templates/12/jobs/")).willReturn(okJson("""
                {"count":1,"results":[{"id":41,"status":"failed","limit":"web-01",
                 "extra_vars":"{\\"threatflow_action_key\\": \\"%s\\"}"}]}""".formatted(KEY.value()))));
        job42("successful");

        assertThat(connector.patchSoftware(KEY, WEB_01, "CVE-2024-6387")).startsWith("AWX job 42");
        awx.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/job_templates/12/launch/")));
    }

    @Test
    void noSecretLeaksIntoAFailureOrTheDetail() {
        AwxConnector basic = connector(null, "threatflow", PASSWORD);
        awx.stubFor(post(urlPathEqualTo("/api/v2/job_templates/12/launch/"))
                .willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"Invalid username/password.\"}")));

        assertThatThrownBy(() -> basic.patchSoftware(KEY, WEB_01, "CVE-2024-6387"))
                .isInstanceOf(AwxFailureException.class)
                .hasMessage("AWX answered 401 to launching job template 12")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
        awx.verify(postRequestedFor(urlPathEqualTo("/api/v2/job_templates/12/launch/"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("threatflow", PASSWORD)));

        job42("successful");
        awx.stubFor(post(urlPathEqualTo("/api/v2/job_templates/12/launch/"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"job\":42}")));
        assertThat(connector.patchSoftware(KEY, WEB_01, "CVE-2024-6387")).doesNotContain(TOKEN);
        assertThat(settings(TOKEN, null, null).toString()).doesNotContain(TOKEN);
        assertThat(settings(null, "threatflow", PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    /** Job 42 answers the statuses in turn, then stays at the last. */
    void job42(String... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            String state = i == 0 ? STARTED : "poll-" + i;
            var stub = get(urlPathEqualTo("/api/v2/jobs/42/")).inScenario("job 42 " + statuses.length).whenScenarioStateIs(state)
                    .willReturn(okJson("""
                            {"id":42,"type":"job","name":"Patch Linux","status":"%s","failed":%s,"limit":"web-01",
                             "job_explanation":"%s"}""".formatted(statuses[i], "failed".equals(statuses[i]),
                            "failed".equals(statuses[i]) ? "host unreachable" : "")));
            awx.stubFor(i + 1 < statuses.length ? stub.willSetStateTo("poll-" + (i + 1)) : stub);
        }
    }

    static AwxConnector connector(String token, String username, String password) {
        return new AwxConnector(settings(token, username, password));
    }

    static AwxProperties settings(String token, String username, String password) {
        return new AwxProperties(URI.create(awx.baseUrl()), token, username, password,
                Map.of(ActionType.PATCH_SOFTWARE, 12, ActionType.UPGRADE_OS, 12, ActionType.CLOSE_PORT, 12),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofSeconds(1), 20);
    }
}
