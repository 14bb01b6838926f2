package io.threatflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * The console log as logback-spring.xml configures it, in both formats: what a user sent (an asset name with a line
 * feed and a fake log line, an ESC sequence) cannot start a line of its own, in a message or in an exception's.
 */
class LogFormatTest {

    private static final String FORGED = "web-01\n1999-01-01T00:00:00.000Z ERROR 1 --- [main] forged : admin logged out"
            + "\r\n\u001b]0;pwned\u0007\u2028 and more";

    @Test
    void shouldKeepEachMessageOnItsLine_andEscapeControlCharacters_inThePatternFormat() throws Exception {
        String text = encode(null, "Asset '{}' is not in the inventory; registering it as unmanaged", null);

        assertThat(text.lines()).hasSize(1);
        assertThat(text).contains("Asset 'web-01\\n1999-01-01T00:00:00.000Z ERROR 1 --- [main] forged : admin logged out"
                + "\\r\\n\\u001b]0;pwned\\u0007\\u2028 and more' is not in the inventory")
                .doesNotContain("\u001b", "\u0007", "\u2028", "\r");
    }

    @Test
    void shouldKeepTheStackTraceLines_butEscapeTheExceptionsMessages_inThePatternFormat() throws Exception {
        Exception failure = new IllegalStateException("outer " + FORGED, new IllegalArgumentException("inner " + FORGED));

        String text = encode(null, "Could not lift {} on threat {}", failure);

        List<String> lines = text.lines().toList();
        assertThat(lines).noneMatch(line -> line.startsWith("1999-01-01"));
        assertThat(lines).filteredOn(line -> line.contains("forged")).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("\\n1999-01-01"));
        assertThat(lines).anyMatch(line -> line.startsWith("Caused by: java.lang.IllegalArgumentException: inner web-01\\n"));
        assertThat(lines).anyMatch(line -> line.strip().startsWith("at io.threatflow.observability.LogFormatTest"));
        assertThat(text).doesNotContain("\u001b", "\u0007", "\u2028");
    }

    @Test
    void shouldWriteOneJsonObjectPerLine_inTheEcsFormat() throws Exception {
        Exception failure = new IllegalStateException("outer " + FORGED);

        String text = encode("ecs", "Asset '{}' is not in the inventory; registering it as unmanaged", failure);

        assertThat(text.lines()).hasSize(1);
        assertThat(text).doesNotContain("\u001b", "\u0007", "\r");
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.path("message").asText()).isEqualTo(
                "Asset '" + FORGED + "' is not in the inventory; registering it as unmanaged");
        assertThat(json.path("log").path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("error").path("message").asText()).isEqualTo("outer " + FORGED);
    }

    /** One event, encoded by the console appender of logback-spring.xml; {@code format} null for the pattern. */
    private static String encode(String format, String message, Throwable failure) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        if (format != null) {
            context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", format);
        }
        context.putObject(Environment.class.getName(),
                new MockEnvironment().withProperty("spring.application.name", "threatflow"));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormatTest.class.getResource("/logback-spring.xml"));
        Logger logger = context.getLogger("io.threatflow.inventory.InventoryService");
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, failure,
                new Object[] {FORGED, "threat-42"});
        try {
            return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        } finally {
            context.stop();
        }
    }
}
