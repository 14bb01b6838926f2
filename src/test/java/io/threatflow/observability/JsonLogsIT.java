package io.threatflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.AppNode;
import io.threatflow.testing.RawApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as an operator runs it for a SIEM (profile json-logs) on its default H2 file database:
 * every line it writes is one JSON object, also when a user sends a line separator or an ESC sequence, and the
 * database it creates is readable by its own user only.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void shouldWriteOnlyJsonLines_andKeepTheDatabaseToItself() throws Exception {
        String asset = "json-logs-it.corp\u20281999-01-01T00:00:00.000Z ERROR forged";
        try (AppNode node = new AppNode("json-logs")
                .env("THREATFLOW_DEMO_PASSWORD", ApiClient.PASSWORD)
                .property("spring.profiles.active", "json-logs")
                .property("spring.datasource.url", "jdbc:h2:file:" + home.resolve("data/threatflow")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
                .start()) {
            RawApi analyst = RawApi.as(node.http(), "analyst");
            assertThat(analyst.postJson("/api/threats", Map.of("title", "Beacon", "type", "MALWARE", "asset", asset))
                    .status()).isEqualTo(201);
            assertThat(analyst.postJson("/api/threats", Map.of("title", "Beacon\u001b[2J", "type", "MALWARE",
                    "asset", "json-logs-it-2.corp")).status()).isEqualTo(400);
            node.stop();

            List<String> lines = Files.readAllLines(node.log());
            List<JsonNode> events = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank())
                    .map(JsonLogsIT::json).toList();
            assertThat(events).as("log events").hasSizeGreaterThan(10)
                    .allSatisfy(event -> assertThat(event.path("@timestamp").isTextual()).isTrue());
            assertThat(events).extracting(event -> event.path("message").asText())
                    .contains("Asset '" + asset + "' is not in the inventory; registering it as unmanaged");
            assertThat(String.join("\n", lines)).doesNotContain("\u001b");
        }

        assertThat(permissions(home.resolve("data"))).isEqualTo("rwx------");
        assertThat(permissions(home.resolve("data/threatflow.mv.db"))).isEqualTo("rw-------");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
