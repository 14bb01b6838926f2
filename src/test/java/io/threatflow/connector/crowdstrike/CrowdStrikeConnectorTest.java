package io.threatflow.connector.crowdstrike;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector against a WireMock stand-in for the Falcon API, on loopback. */
class CrowdStrikeConnectorTest {

    private static final String SECRET = "falcon-S3cret/value";
    private static final String TOKEN = "falcon-token-123";
    private static final String AID = "f4a1c9e2b3d4e5f6a7b8c9d0e1f2a3b4";
    private static final ActionKey KEY = ActionKey.eradication("T-7", ActionType.ISOLATE_HOST, "case-9", 1, 1);
    private static final String CONTAIN = "/devices/entities/devices-actions/v2";

    @RegisterExtension
    static WireMockExtension falcon = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private CrowdStrikeConnector connector;

    @BeforeEach
    void setUp() {
        connector = new CrowdStrikeConnector(new CrowdStrikeProperties(URI.create(falcon.baseUrl()), null,
                "client-1", SECRET, Duration.ofSeconds(5), Duration.ofSeconds(10)));
        falcon.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":1799}".formatted(TOKEN))));
        falcon.stubFor(get(urlPathEqualTo("/devices/queries/devices/v1"))
                .withQueryParam("filter", equalTo("hostname:'web-01'"))
                .willReturn(okJson("{\"meta\":{},\"resources\":[\"" + AID + "\"],\"errors\":[]}")));
        deviceIs("normal");
    }

    @Test
    void describesTheCallsAndTheExactActionBody_forADryRun_withoutCallingFalconOrShowingATokenOrSecret() {
        String described = connector.describe(KEY, asset().hostname("WEB-01").build(), null, null);

        assertThat(falcon.getAllServeEvents()).as("requests Falcon got").isEmpty();
        assertThat(described).contains("GET " + falcon.baseUrl() + "/devices/queries/devices/v1?filter=hostname:'web-01'")
                .contains("POST " + falcon.baseUrl() + CONTAIN + "?action_name=contain {\"ids\":[\"{its id}\"]}")
                .contains("Authorization: Bearer *****").contains(falcon.baseUrl() + "/oauth2/token")
                .doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(connector.describe(new ActionKey("T-7", io.threatflow.action.ActionPurpose.LIFT_CONTAINMENT,
                ActionType.RECONNECT_HOST, "case-9", "lift-1"), asset().hostname("web-01").build(), null, null))
                .contains("action_name=lift_containment");
    }

    @Test
    void containsTheDevice() {
        falcon.stubFor(post(urlPathEqualTo(CONTAIN)).withQueryParam("action_name", equalTo("contain"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"resources\":[{\"id\":\"" + AID + "\",\"path\":\"x\"}],\"errors\":[]}")));

        assertThat(connector.isolate(KEY, asset().hostname("WEB-01").build()))
                .isEqualTo("CrowdStrike containment of web-01 requested: device " + AID + " was normal");
        falcon.verify(postRequestedFor(urlPathEqualTo(CONTAIN)).withQueryParam("action_name", equalTo("contain"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"ids\":[\"" + AID + "\"]}")));
        falcon.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=client-1")));
    }

    @Test
    void liftsContainment() {
        deviceIs("contained");
        falcon.stubFor(post(urlPathEqualTo(CONTAIN)).withQueryParam("action_name", equalTo("lift_containment"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"resources\":[{\"id\":\"" + AID + "\"}],\"errors\":[]}")));

        assertThat(connector.reconnect(KEY, asset().hostname("web-01").build()))
                .isEqualTo("CrowdStrike lifting of containment of web-01 requested: device " + AID + " was contained");
    }

    @Test
    void aHostContainedAlready_isNotContainedTwice() {
        deviceIs("containment_pending");

        assertThat(connector.isolate(KEY, asset().hostname("web-01").build())).isEqualTo(
                "CrowdStrike containment of web-01 not requested: device " + AID + " is containment_pending already");
        falcon.verify(0, postRequestedFor(urlPathEqualTo(CONTAIN)));
    }

    @Test
    void aRefusedActionWhoseStateIsReached_isDone_otherwiseRejected() {
        falcon.stubFor(get(urlPathEqualTo("/devices/entities/devices/v2")).inScenario("raced")
                .willReturn(device("normal")).willSetStateTo("contained"));
        falcon.stubFor(get(urlPathEqualTo("/devices/entities/devices/v2")).inScenario("raced")
                .whenScenarioStateIs("contained").willReturn(device("contained")));
        falcon.stubFor(post(urlPathEqualTo(CONTAIN)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"code\":409,\"message\":\"host already contained\"}]}")));

        assertThat(connector.isolate(KEY, asset().hostname("web-01").build()))
                .isEqualTo("CrowdStrike containment of web-01 done already: device " + AID + " is contained");

        deviceIs("normal");
        falcon.stubFor(post(urlPathEqualTo(CONTAIN)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"code\":400,\"message\":\"containment is not supported\"}]}")));
        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("web-01").build()))
                .isInstanceOf(ActionRejectedException.class)
                .hasMessage("CrowdStrike refused the containment of web-01 (device " + AID
                        + ", 400 containment is not supported)");
    }

    @Test
    void aHostFalconDoesNotKnow_isRejected() {
        falcon.stubFor(get(urlPathEqualTo("/devices/queries/devices/v1"))
                .withQueryParam("filter", equalTo("hostname:'jump-01'"))
                .willReturn(okJson("{\"meta\":{},\"resources\":[],\"errors\":[]}")));

        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("jump-01").build()))
                .isInstanceOf(ActionRejectedException.class).hasMessage("no CrowdStrike device named jump-01");
    }

    @Test
    void rateLimitedOrFailingFalcon_isATechnicalFailure_andTheTokenIsReused() {
        falcon.stubFor(post(urlPathEqualTo(CONTAIN)).inScenario("busy").willReturn(aResponse().withStatus(429)
                        .withHeader("X-RateLimit-RetryAfter", "1764633600"))
                .willSetStateTo("failing"));
        falcon.stubFor(post(urlPathEqualTo(CONTAIN)).inScenario("busy").whenScenarioStateIs("failing")
                .willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("web-01").build()))
                .isInstanceOf(ConnectorFailureException.class)
                .hasMessage("CrowdStrike answered 429 to POST " + CONTAIN + "?action_name=contain: rate limited, "
                        + "retry after 2025-12-02T00:00:00Z");
        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("web-01").build()))
                .isInstanceOf(ConnectorFailureException.class).hasMessageContaining("answered 500")
                .message().doesNotContain(SECRET).doesNotContain(TOKEN);

        falcon.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void refusedCredentials_areATechnicalFailure_thatNamesNoSecret() {
        falcon.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"code\":403,\"message\":\"access denied, invalid client " + SECRET + "\"}]}")));

        assertThatThrownBy(() -> connector.isolate(KEY, asset().hostname("web-01").build()))
                .isInstanceOf(ConnectorFailureException.class)
                .hasMessageContaining("the token endpoint of crowdstrike issued no token")
                .message().doesNotContain(SECRET);
    }

    private static void deviceIs(String status) {
        falcon.stubFor(get(urlPathEqualTo("/devices/entities/devices/v2")).withQueryParam("ids", equalTo(AID))
                .willReturn(device(status)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder device(String status) {
        return okJson("{\"resources\":[{\"device_id\":\"" + AID + "\",\"hostname\":\"WEB-01\",\"status\":\""
                + status + "\"}],\"errors\":[]}");
    }

}
