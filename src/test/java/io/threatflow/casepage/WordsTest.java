package io.threatflow.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionType;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatStatus;
import io.threatflow.threat.ThreatType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordsTest {

    static final Pattern CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b");

    @Test
    void shouldPutSystemWrittenCodesInWords() {
        assertThat(Words.detail("threat-mitigation (CONTAINMENT), done at 2026-12-02T03:42:39.914Z"))
                .isEqualTo("containment, done at 2026-12-02 03:42 UTC");
        assertThat(Words.detail("APPLIED on web-01: SIMULATION, PATCH_SOFTWARE (ERADICATION)"))
                .isEqualTo("applied on web-01: simulation, patch the software (eradication)");
        assertThat(Words.detail("- EXPOSED_SERVICE SMB open (LOW, OPEN), network CONNECTED"))
                .isEqualTo("- exposed service SMB open (low, open), network connected");
        assertThat(Words.detail("CVE-2021-44228 on RDP")).as("names that are no codes stay").isEqualTo("CVE-2021-44228 on RDP");
        assertThat(Words.detail(null)).isEmpty();
    }

    @Test
    void shouldNameEveryValueWithoutACode() {
        Arrays.stream(ThreatStatus.values()).forEach(v -> assertThat(Words.status(v)).doesNotMatch(CODE.pattern()));
        Arrays.stream(ThreatType.values()).forEach(v -> assertThat(Words.type(v)).doesNotContain("_"));
        Arrays.stream(Severity.values()).forEach(v -> assertThat(Words.severity(v)).doesNotContain("_"));
        Arrays.stream(ActionPurpose.values()).forEach(v -> assertThat(Words.purpose(v)).doesNotContain("_"));
        assertThat(Words.action(ActionType.CLOSE_PORT, ActionPurpose.ERADICATION)).isEqualTo("Close the port (eradication)");
        assertThat(Words.severity(null)).isEqualTo("not assessed yet");
        assertThat(Words.step("INVESTIGATE")).isEqualTo("Investigate");
        assertThat(Words.step("NO_SUCH_STEP")).isEmpty();
        assertThat(Words.step(null)).isEmpty();
    }

    @Test
    void shouldWriteIsoTimesAndShortDurations() {
        assertThat(Words.when(Instant.parse("2026-12-02T03:42:39Z"))).isEqualTo("2026-12-02 03:42 UTC");
        assertThat(Words.when(null)).isEmpty();
        assertThat(Words.duration(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(Words.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(Words.duration(Duration.ofHours(50))).isEqualTo("2 d 2 h");
        assertThat(Words.duration(Duration.ofMinutes(-5))).isEqualTo("0 min");
    }

    @Test
    void shouldEscapeMarkupInMarkdownAndHtml() {
        assertThat(CaseMarkdown.esc("<script>|x|*y*_z_ [a](b) #1")).isEqualTo("\\<script\\>\\|x\\|\\*y\\*\\_z\\_ \\[a\\](b) \\#1");
        assertThat(CaseHtml.esc("<b>\"a\" & 'b'</b>\u0001")).isEqualTo("&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;");
    }
}
