package io.threatflow.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.action.ActionStatus;
import io.threatflow.action.PendingActions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class ActionResultControllerTest {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("result secret of this test, 32 b".getBytes());
    static final String ACTION_ID = "0f8e6f53-3c1e-3c2a-9d39-2f4b1f0c2a11";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final PendingActions pending = mock(PendingActions.class);
    final MockMvc mvc = mvc(new WebhookSettings(URI.create("https://soar.example/actions"), SECRET, Set.of(), null,
            null, null));

    private MockMvc mvc(WebhookSettings settings) {
        return MockMvcBuilders.standaloneSetup(new ActionResultController(settings, pending, new ObjectMapper(),
                Clock.fixed(NOW, ZoneOffset.UTC))).build();
    }

    private ResultActions postSigned(String secret, Instant at, String actionId, String body) throws Exception {
        long timestamp = at.getEpochSecond();
        return mvc.perform(post("/api/actions/{actionId}/result", actionId).contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.ID, "msg-1").header(WebhookSignature.TIMESTAMP, timestamp)
                .header(WebhookSignature.SIGNATURE, WebhookSignature.of(secret).sign("msg-1", timestamp, body))
                .content(body));
    }

    @Test
    void shouldRecordASignedResult_andHandItToTheCase() throws Exception {
        when(pending.accept(ACTION_ID, ActionStatus.APPLIED, "closed by change CHG-7"))
                .thenReturn(PendingActions.Outcome.RECORDED);

        postSigned(SECRET, NOW.minusSeconds(30), ACTION_ID, "{\"status\":\"APPLIED\",\"detail\":\"closed by change CHG-7\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(true))
                .andExpect(jsonPath("$.status").value("APPLIED"));

        verify(pending).accept(ACTION_ID, ActionStatus.APPLIED, "closed by change CHG-7");
    }

    @Test
    void shouldSayNothingNewWasRecorded_whenTheSameResultComesAgain() throws Exception {
        when(pending.accept(ACTION_ID, ActionStatus.REJECTED, null)).thenReturn(PendingActions.Outcome.REPEATED);

        postSigned(SECRET, NOW, ACTION_ID, "{\"status\":\"REJECTED\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(false));
    }

    @Test
    void shouldRefuse_aResultSignedWithAnotherSecret() throws Exception {
        String other = "whsec_" + Base64.getEncoder().encodeToString("some other secret that is 32 byte".getBytes());

        postSigned(other, NOW, ACTION_ID, "{\"status\":\"APPLIED\"}")
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("signature does not verify")));
        verifyNoInteractions(pending);
    }

    @Test
    void shouldRefuse_anOldResult_soThatNoOneCanReplayIt() throws Exception {
        postSigned(SECRET, NOW.minus(Duration.ofMinutes(6)), ACTION_ID, "{\"status\":\"APPLIED\"}")
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(pending);
    }

    @Test
    void shouldRefuse_aChangedBody() throws Exception {
        long timestamp = NOW.getEpochSecond();
        String signed = "{\"status\":\"REJECTED\"}";
        mvc.perform(post("/api/actions/{actionId}/result", ACTION_ID).contentType(MediaType.APPLICATION_JSON)
                        .header(WebhookSignature.ID, "msg-1").header(WebhookSignature.TIMESTAMP, timestamp)
                        .header(WebhookSignature.SIGNATURE, WebhookSignature.of(SECRET).sign("msg-1", timestamp, signed))
                        .content("{\"status\":\"APPLIED\"}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(pending);
    }

    @Test
    void shouldRefuse_anUnsignedResult_namingTheMissingHeaders() throws Exception {
        mvc.perform(post("/api/actions/{actionId}/result", ACTION_ID).contentType(MediaType.APPLICATION_JSON)
                        .header(WebhookSignature.ID, "msg-1").content("{\"status\":\"APPLIED\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        WebhookSignature.TIMESTAMP, WebhookSignature.SIGNATURE)));
        verifyNoInteractions(pending);
    }

    @Test
    void shouldAnswerNotFound_forAnActionThreatFlowNeverAskedFor() throws Exception {
        when(pending.accept(any(), any(), any())).thenThrow(new PendingActions.UnknownActionException(ACTION_ID));

        postSigned(SECRET, NOW, ACTION_ID, "{\"status\":\"APPLIED\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldAnswerConflict_whenAnotherResultWasRecordedBefore() throws Exception {
        when(pending.accept(any(), any(), any())).thenThrow(new PendingActions.ActionNotPendingException("it is applied"));

        postSigned(SECRET, NOW, ACTION_ID, "{\"status\":\"FAILED\",\"detail\":\"disk full\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("it is applied"));
    }

    @Test
    void shouldAnswerNotFound_whenNoWebhookIsConfigured() throws Exception {
        mvc(new WebhookSettings(null, null, null, null, null, null))
                .perform(post("/api/actions/{actionId}/result", ACTION_ID).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"APPLIED\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("No webhook connector")));
        verifyNoInteractions(pending);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"DONE\"}|status",
            "{\"detail\":\"no status\"}|status",
            "{\"status\":1}|status",
            "{\"status\":\"APPLIED\",\"detail\":7}|detail",
            "{\"status\":\"APPLIED\",\"detail\":\"bell \\u0007\"}|detail",
            "{\"status\":\"APPLIED\",\"ticket\":\"CHG-1\"}|ticket",
            "[\"APPLIED\"]|body",
            "not json|body"})
    void shouldRefuseABadResult_namingTheField(String body, String field) throws Exception {
        postSigned(SECRET, NOW, ACTION_ID, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)));
        verifyNoInteractions(pending);
    }

    @Test
    void shouldRefuseADetailLongerThanTheLogKeeps() throws Exception {
        postSigned(SECRET, NOW, ACTION_ID, "{\"status\":\"APPLIED\",\"detail\":\"" + "x".repeat(1001) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("detail"));
        verifyNoInteractions(pending);
    }

    @Test
    void shouldRefuseAnActionIdThatIsNoUuid() throws Exception {
        postSigned(SECRET, NOW, "..%2F..%2Fetc", "{\"status\":\"APPLIED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("actionId"));
        verifyNoInteractions(pending);
    }

    @Test
    void shouldNotTakeATimestampNoClockReaches() {
        assertThat(WebhookSignature.of(SECRET).verifies("msg-1", String.valueOf(Long.MAX_VALUE), "{}", "v1,AAAA", NOW,
                Duration.ofMinutes(5))).isFalse();
    }
}
