package io.threatflow.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ConnectorFailureExceptionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static HttpHeaders header(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }

    @Test
    void shouldReadTheWait_inSeconds_asAnHttpDate_orAsCrowdStrikesEpochSecond() {
        assertThat(ConnectorFailureException.waitFrom(header("Retry-After", " 120 "), NOW)).contains(Duration.ofSeconds(120));
        assertThat(ConnectorFailureException.waitFrom(header("Retry-After", "Tue, 01 Dec 2026 10:05:00 GMT"), NOW))
                .contains(Duration.ofMinutes(5));
        assertThat(ConnectorFailureException.waitFrom(header("X-RateLimit-RetryAfter",
                String.valueOf(NOW.plusSeconds(42).getEpochSecond())), NOW)).contains(Duration.ofSeconds(42));
    }

    @Test
    void shouldReadNoWait_fromNothing_nonsense_orAMomentPassed() {
        assertThat(ConnectorFailureException.waitFrom(null, NOW)).isEmpty();
        assertThat(ConnectorFailureException.waitFrom(new HttpHeaders(), NOW)).isEmpty();
        assertThat(ConnectorFailureException.waitFrom(header("Retry-After", "soon"), NOW)).isEmpty();
        assertThat(ConnectorFailureException.waitFrom(header("Retry-After", "Tue, 01 Dec 2026 09:00:00 GMT"), NOW))
                .isEmpty();
        assertThat(new ConnectorFailureException("down").retryAfter()).isEmpty();
    }
}
