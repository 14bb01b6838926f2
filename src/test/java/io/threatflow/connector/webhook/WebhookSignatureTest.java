package io.threatflow.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // the example of the Standard Webhooks specification
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final WebhookSignature signature = WebhookSignature.of(SECRET);

    @Test
    void shouldSignAsTheSpecificationsExample() {
        assertThat(signature.sign(ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void shouldVerify_aValidSignatureAmongOthers_withinTheTolerance() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP).plusSeconds(60);
        assertThat(signature.verifies(ID, String.valueOf(TIMESTAMP), BODY, EXPECTED, now, FIVE_MINUTES)).isTrue();
        assertThat(signature.verifies(ID, String.valueOf(TIMESTAMP), BODY, "v1,bm90IGl0 " + EXPECTED, now,
                FIVE_MINUTES)).as("rotation: several signatures, one valid").isTrue();
    }

    @Test
    void shouldRefuse_aChangedBody_anotherId_anOldTimestamp_orAnotherSecret() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP);
        String timestamp = String.valueOf(TIMESTAMP);
        assertThat(signature.verifies(ID, timestamp, BODY + " ", EXPECTED, now, FIVE_MINUTES)).isFalse();
        assertThat(signature.verifies("msg_other", timestamp, BODY, EXPECTED, now, FIVE_MINUTES)).isFalse();
        assertThat(signature.verifies(ID, timestamp, BODY, EXPECTED, now.plus(Duration.ofMinutes(6)), FIVE_MINUTES))
                .as("replayed six minutes later").isFalse();
        assertThat(signature.verifies(ID, "yesterday", BODY, EXPECTED, now, FIVE_MINUTES)).isFalse();
        assertThat(signature.verifies(ID, timestamp, BODY, "v2,abc v1,!!!", now, FIVE_MINUTES)).isFalse();
        assertThat(signature.verifies(ID, timestamp, BODY, null, now, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.of("whsec_c2VjcmV0").verifies(ID, timestamp, BODY, EXPECTED, now, FIVE_MINUTES))
                .isFalse();
    }

    @Test
    void shouldRefuseASecretNotInTheStandardForm_withoutQuotingIt() {
        assertThatThrownBy(() -> WebhookSignature.of("s3cr3t-value")).hasMessageNotContaining("s3cr3t-value")
                .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> WebhookSignature.of("whsec_not base64!")).hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> WebhookSignature.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(signature.toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }
}
