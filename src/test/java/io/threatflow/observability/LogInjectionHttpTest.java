package io.threatflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.inventory.InventoryService;
import io.threatflow.testing.RawApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * As an attacker who wants a fake line in the SOC's log: the running application writes what users send on the line
 * that quotes it. Before, an asset {@code "host\n2026-12-01 ERROR forged"} wrote a forged line, and ESC sequences
 * reached the log raw.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class LogInjectionHttpTest {

    @Autowired
    TestRestTemplate http;

    /** A line separator is no control character, so the report is taken; the log line that names the asset stays one. */
    @Test
    void shouldLogAnAcceptedAssetNameOnOneLine_whenItHoldsALineSeparator(CapturedOutput output) {
        String asset = "log-injection-01.corp\u20281999-01-01T00:00:00.000Z ERROR forged : admin logged out";

        RawApi.Answer answer = RawApi.as(http, "analyst").postJson("/api/threats",
                java.util.Map.of("title", "Beacon", "type", "MALWARE", "asset", asset));

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(output.getOut()).contains("Asset 'log-injection-01.corp\\u20281999-01-01T00:00:00.000Z ERROR forged")
                .doesNotContain("\u2028");
    }

    @Test
    void shouldRefuseAControlCharacterInAnAssetName_soItNeverReachesTheLog(CapturedOutput output) {
        String asset = "log-injection-02.corp\n1999-01-01T00:00:00.000Z ERROR forged\u001b[2J";

        RawApi.Answer answer = RawApi.as(http, "analyst").postJson("/api/threats",
                java.util.Map.of("title", "Beacon", "type", "MALWARE", "asset", asset));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(output.getOut()).doesNotContain("log-injection-02.corp");
    }

    @Test
    void shouldEscapeLineBreaksAndEscapeSequences_inWhateverALoggerIsGiven(CapturedOutput output) {
        String forged = "web-01\r\n1999-01-01T00:00:00.000Z ERROR 1 --- [main] forged : admin logged out\u001b[2J";

        LoggerFactory.getLogger(InventoryService.class).warn("Asset '{}' probe", forged,
                new IllegalStateException("cause " + forged));

        List<String> lines = output.getOut().lines().toList();
        assertThat(lines).noneMatch(line -> line.startsWith("1999-01-01"));
        assertThat(lines).anyMatch(line -> line.endsWith(
                "Asset 'web-01\\r\\n1999-01-01T00:00:00.000Z ERROR 1 --- [main] forged : admin logged out\\u001b[2J' probe"));
        assertThat(output.getOut()).doesNotContain("\u001b[2J");
    }
}
