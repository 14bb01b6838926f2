package io.threatflow.connector.defender;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionType;
import io.threatflow.connector.ConnectorFailureException;
import static io.threatflow.testing.TestAssets.asset;
import io.threatflow.connector.defender.DefenderProperties.IsolationType;
import io.threatflow.connector.defender.DefenderProperties.ScanType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector against a WireMock stand-in for Entra ID and the Defender for Endpoint API, on loopback. */
class DefenderConnectorTest {

    private static final String SECRET = "s3cr3t-Defender~value";
    private static final String TOKEN = "eyJ0eXAi.defender-token";
    private static final String MACHINE = "1e5bc9d7e413ddd7902c2932e418702b84d0cc07";
    private static final ActionKey KEY = ActionKey.eradication("T-7", ActionType.ISOLATE_HOST, "case-9", 1, 1);

    @RegisterExtension
    static WireMockExtension defender = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private DefenderConnector connector;

    @BeforeEach
    void setUp() {
        connector = connector(Duration.ofSeconds(10));
        defender.stubFor(post("/tenant-1/oauth2/v2.0/token").willReturn(okJson("""
                {"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"%s"}""".formatted(TOKEN))));
        defender.stubFor(get(urlPathEqualTo("/api/machines"))
                .withQueryParam("$filter", equalTo("computerDnsName eq 'web-01.corp.example'"))
                .willReturn(okJson("""
                        {"@odata.context":"x","value":[
                          {"id":"old","computerDnsName":"web-01.corp.example","lastSeen":"2024-01-02T10:00:00Z"},
                          {"id":"%s","computerDnsName":"web-01.corp.example","lastSeen":"2026-11-30T12:43:57.2011911Z",
                           "healthStatus":"Active"}]}""".formatted(MACHINE))));
        stubActions("Isolate", "[]");
        stubActions("Unisolate", "[]");
        stubActions("RunAntiVirusScan", "[]");
    }

    private DefenderConnector connector(Duration readTimeout) {
        return new DefenderConnector(new DefenderProperties(URI.create(defender.baseUrl()),
                URI.create(defender.baseUrl() + "/tenant-1/oauth2/v2.0/token"), "tenant-1", "client-1", SECRET,
                "https://api.securitycenter.microsoft.com/.default", IsolationType.Selective, ScanType.Full,
                Duration.ofSeconds(5), readTimeout));
    }

    @Test
    void describesTheLookUpAndTheExactActionBody_forADryRun_withoutCallingDefenderOrShowingATokenOrSecret() {
        String described = connector.describe(KEY, asset().hostname("WEB-01.corp.example").build(), null, null);

        assertThat(defender.getAllServeEvents()).as("requests Defender or Entra ID got").isEmpty();
        assertThat(described).contains("GET " + defender.baseUrl()
                        + "/api/machines?$filter=computerDnsName eq 'web-01.corp.example'")
                .contains("POST " + defender.baseUrl() + "/api/machines/{its id}/isolate "
                        + "{\"Comment\":\"ThreatFlow isolates the machine for threat T-7 [" + KEY.value() + "]\","
                        + "\"IsolationType\":\"Selective\"}")
                .contains("Authorization: Bearer *****")
                .doesNotContain(TOKEN).doesNotContain(SECRET);
        ActionKey scan = ActionKey.eradication("T-7", ActionType.REMOVE_MALWARE, "case-9", 1, 1);
        assertThat(connector.describe(scan, asset().hostname("web-01.corp.example").build(), null, "MALWARE:T-7"))
                .contains("/runAntiVirusScan ").contains("\"ScanType\":\"Full\"");
        assertThatThrownBy(() -> connector.describe(KEY, asset().hostname("web 01").build(), null, null))
                .as("refused as the real call would be").isInstanceOf(ActionRejectedException.class);
    }

    @Test
    void isolatesTheMachineSeenLast_withTheKeyInTheComment() {
        defender.stubFor(post("/api/machines/" + MACHINE + "/isolate").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(action("a-1", "Isolate", "Pending", "x"))));

        String detail = connector.isolate(KEY, asset().hostname("WEB-01.corp.example").build());

        assertThat(detail).isEqualTo("Defender selective isolation of web-01.corp.example requested: "
                + "machine action a-1, Pending, requested by app");
        defender.verify(postRequestedFor(urlPathEqualTo("/api/machines/" + MACHINE + "/isolate"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"Comment":"ThreatFlow isolates the machine for threat T-7 [%s]","IsolationType":"Selective"}"""
                        .formatted(KEY.value()))));
        defender.verify(postRequestedFor(urlPathEqualTo("/tenant-1/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=client-1"))
                .withRequestBody(containing("scope=https%3A%2F%2Fapi.securitycenter.microsoft.com%2F.default")));
    }

    @Test
    void releasesTheMachine() {
        defender.stubFor(post("/api/machines/" + MACHINE + "/unisolate").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(action("a-2", "Unisolate", "Pending", "x"))));

        assertThat(connector.reconnect(KEY, asset().hostname("web-01.corp.example").build()))
                .startsWith("Defender release from isolation of web-01.corp.example requested: machine action a-2");
        defender.verify(postRequestedFor(urlPathEqualTo("/api/machines/" + MACHINE + "/unisolate"))
                .withRequestBody(matchingJsonPath("$.Comment", containing("[" + KEY.value() + "]"))));
    }

    @Test
    void runsAnAntivirusScanToRemoveMalware() {
        defender.stubFor(post("/api/machines/" + MACHINE + "/runAntiVirusScan").willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(action("a-3", "RunAntiVirusScan", "Pending", "x"))));

        assertThat(connector.removeMalware(KEY, asset().hostname("web-01.corp.example").build(), "Trojan:Win32/Emotet\nsecond line"))
                .startsWith("Defender full antivirus scan of web-01.corp.example requested: machine action a-3");
        defender.verify(postRequestedFor(urlPathEqualTo("/api/machines/" + MACHINE + "/runAntiVirusScan"))
                .withRequestBody(equalToJson("""
                        {"Comment":"ThreatFlow scans for Trojan:Win32/Emotet second line for threat T-7 [%s]",
                         "ScanType":"Full"}""".formatted(KEY.value()))));
    }

    @Test
    void reportsTheActionOfAnEarlierRunUnderTheSameKey_insteadOfIsolatingTwice() {
        stubActions("Isolate", "[" + action("a-0", "Isolate", "Failed", "[" + KEY.value() + "]") + ","
                + action("a-1", "Isolate", "Succeeded", "ThreatFlow isolates [" + KEY.value() + "]") + ","
                + action("a-9", "Isolate", "Pending", "[" + KEY.value() + "0]") + "]");

        assertThat(connector.isolate(KEY, asset().hostname("web-01.corp.example").build())).isEqualTo(
                "Defender selective isolation of web-01.corp.example requested earlier under this key: "
                        + "machine action a-1, Succeeded, requested by app");
        defender.verify(0, postRequestedFor(urlPathEqualTo("/api/machines/" + MACHINE + "/isolate")));
        defender.verify(getRequestedFor(urlPathEqualTo("/api/machineactions")).withQueryParam("$filter",
                equalTo("machineId eq '" + MACHINE + "' and type eq 'Isolate'")));
    }

    @Test
    void aMachineIsolatedAlready_isDone() {
        defender.stubFor(post("/api/machines/" + MACHINE + "/isolate").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"code":"ActiveRequestAlreadyExists","message":"Action is already in progress"}}""")));
        defender.stubFor(get(urlPathEqualTo("/api/machineactions"))
                .withQueryParam("$filter", equalTo("machineId eq '" + MACHINE + "' and type eq 'Isolate'"))
                .willReturn(okJson("{\"value\":[" + action("a-5", "Isolate", "Succeeded", "by an analyst")
                        .replace("2026-11-30T12:00:00Z", "2026-11-30T13:00:00Z") + "]}")));
        stubActions("Unisolate", "[" + action("a-4", "Unisolate", "Succeeded", "earlier") + "]");

        assertThat(connector.isolate(KEY, asset().hostname("web-01.corp.example").build())).isEqualTo(
                "Defender selective isolation of web-01.corp.example under way or done already "
                        + "(ActiveRequestAlreadyExists: Action is already in progress): machine action a-5, "
                        + "Succeeded, requested by app");
    }

    @Test
    void anActionDefenderRefuses_isRejected() {
        defender.stubFor(post("/api/machines/" + MACHINE + "/unisolate").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"code":"ActiveRequestAlreadyExists","message":"Action is already in progress"}}""")));
        stubActions("Isolate", "[" + action("a-5", "Isolate", "Pending", "by an analyst") + "]");

        assertThatThrownBy(() -> connector.reconnect(KEY, asset().hostname("web-01.corp.example").build()))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessage("Defender refused the release from isolation of web-01.corp.example "
                        + "(400 ActiveRequestAlreadyExists: Action is already in progress)");
    }

    @Test
    void aHostDefenderDoesNotKnow_isRejected() {
        defender.stubFor(get(urlPathEqualTo("/api/machines"))
                .withQueryParam("$filter", equalTo("computerDnsName eq 'jump-01.branch.example'"))
                .willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("jump-01.branch.example").build()))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessageStartingWith("no Defender machine named jump-01.branch.example");
        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("web' or 1 eq 1").build()))
                .isInstanceOf(ActionRejectedException.class).hasMessageContaining("not a host name");
    }

    @Test
    void busyOrFailingDefender_isATechnicalFailure_andTheRetryCarriesTheSameKey() {
        defender.stubFor(post("/api/machines/" + MACHINE + "/isolate").inScenario("busy")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30"))
                .willSetStateTo("failing"));
        defender.stubFor(post("/api/machines/" + MACHINE + "/isolate").inScenario("busy")
                .whenScenarioStateIs("failing").willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        defender.stubFor(post("/api/machines/" + MACHINE + "/isolate").inScenario("busy")
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(action("a-1", "Isolate", "Pending", "x"))));

        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("web-01.corp.example").build()))
                .isInstanceOf(ConnectorFailureException.class)
                .hasMessage("Defender answered 429 to POST /api/machines/" + MACHINE
                        + "/isolate: rate limited, retry after 30 s");
        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("web-01.corp.example").build()))
                .isInstanceOf(ConnectorFailureException.class)
                .hasMessageContaining("answered 503").hasMessageContaining("unavailable");
        assertThat(connector.isolate(KEY, asset().hostname("web-01.corp.example").build())).contains("machine action a-1");

        defender.verify(3, postRequestedFor(urlPathEqualTo("/api/machines/" + MACHINE + "/isolate"))
                .withRequestBody(matchingJsonPath("$.Comment", containing("[" + KEY.value() + "]"))));
        defender.verify(1, postRequestedFor(urlPathEqualTo("/tenant-1/oauth2/v2.0/token")));
    }

    @Test
    void aSlowDefender_isATechnicalFailure() {
        defender.stubFor(post("/api/machines/" + MACHINE + "/isolate")
                .willReturn(aResponse().withStatus(201).withFixedDelay(1500)));

        assertThatThrownBy(() -> connector(Duration.ofMillis(300)).isolate(KEY, asset().hostname("web-01.corp.example").build()))
                .isInstanceOf(ConnectorFailureException.class)
                .hasMessageStartingWith("Defender did not answer POST /api/machines/" + MACHINE + "/isolate");
    }

    @Test
    void refusedCredentials_areATechnicalFailure_thatNamesNoSecret() {
        defender.stubFor(post("/tenant-1/oauth2/v2.0/token").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided: %s"}"""
                        .formatted(SECRET))));

        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("web-01.corp.example").build()))
                .isInstanceOf(ConnectorFailureException.class)
                .hasMessageContaining("the token endpoint of defender issued no token")
                .message().doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void aTokenDefenderNoLongerAccepts_isFetchedAnewOnTheRetry() {
        defender.stubFor(post("/api/machines/" + MACHINE + "/isolate").inScenario("revoked")
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        defender.stubFor(post("/api/machines/" + MACHINE + "/isolate").inScenario("revoked")
                .whenScenarioStateIs("renewed").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(action("a-1", "Isolate", "Pending", "x"))));

        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("web-01.corp.example").build()))
                .isInstanceOf(ConnectorFailureException.class)
                .hasMessageContaining("answered 401").hasMessageContaining("credentials")
                .message().doesNotContain(SECRET).doesNotContain(TOKEN);
        String detail = connector.isolate(KEY, asset().hostname("web-01.corp.example").build());

        assertThat(detail).doesNotContain(SECRET).doesNotContain(TOKEN);
        defender.verify(2, postRequestedFor(urlPathEqualTo("/tenant-1/oauth2/v2.0/token")));
    }

    @Test
    void settingsShowNoSecret() {
        assertThat(connector(Duration.ofSeconds(1))).extracting(Object::toString).asString()
                .doesNotContain(SECRET);
        assertThat(new DefenderProperties(null, null, "t", "c", SECRET, null, null, null, null, null).toString())
                .doesNotContain(SECRET).contains("clientSecret=*****");
    }

    private static void stubActions(String type, String actions) {
        defender.stubFor(get(urlPathEqualTo("/api/machineactions"))
                .withQueryParam("$filter", equalTo("machineId eq '" + MACHINE + "' and type eq '" + type + "'"))
                .willReturn(okJson("{\"value\":" + actions + "}")));
    }

    private static String action(String id, String type, String status, String comment) {
        return """
                {"id":"%s","type":"%s","scope":null,"requestor":"app","requestorComment":"%s","status":"%s",
                 "machineId":"%s","computerDnsName":"web-01.corp.example",
                 "creationDateTimeUtc":"2026-11-30T12:00:00Z","lastUpdateTimeUtc":"2026-11-30T12:00:00Z"}"""
                .formatted(id, type, comment, status, MACHINE);
    }

}
