package io.threatflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.testing.RawCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Camunda Form in forms/ as people read it: labels, descriptions, texts and option labels hold words, never a
 * code a choice sends (CRITICAL, CLOSE_PORT ...), a BPMN id or a regular expression; no field is validated by a
 * pattern, as form-js shows the pattern itself as the message; a read-only field that holds a code shows the
 * label of its value (a select), not the code.
 */
class FormsInWordsTest {

    /** Variables that hold a code, which a read-only text field would show as it is. */
    private static final Set<String> CODE_VARIABLES = Set.of("severity", "threatType", "assetCriticality",
            "remediationAction", "ssvcDecision", "reportedSeverity", "mitigationMode");
    private static final Pattern REGEX = Pattern.compile("\\^|\\\\d|\\\\w|\\$\"|\\[a-z");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> forms() throws IOException {
        return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void shouldShowWordsOnly(Path form) throws IOException {
        JsonNode root = JSON.readTree(form.toFile());
        Set<String> codes = codesOfAllForms();
        List<String> shown = new ArrayList<>();
        collect(root, shown);

        assertThat(shown).isNotEmpty();
        for (String text : shown) {
            assertThat(RawCodes.in(text)).as("codes in %s: %s", form, text).isEmpty();
            assertThat(codes.stream().filter(code -> Pattern.compile("(?<![\\w*])" + Pattern.quote(code) + "(?![\\w*])")
                    .matcher(text).find()).toList()).as("choice values in %s: %s", form, text).isEmpty();
            assertThat(REGEX.matcher(text).find()).as("a regular expression in %s: %s", form, text).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void shouldValidateWithoutPatterns_andShowCodesAsLabels(Path form) throws IOException {
        List<JsonNode> fields = new ArrayList<>();
        fields(JSON.readTree(form.toFile()), fields);

        assertThat(fields).isNotEmpty();
        for (JsonNode field : fields) {
            assertThat(field.path("validate").has("pattern")).as("%s %s has a pattern", form, field.path("key"))
                    .isFalse();
            if (CODE_VARIABLES.contains(field.path("key").asText()) && field.path("readonly").asBoolean(false)) {
                assertThat(field.path("type").asText()).as("%s shows %s", form, field.path("key")).isEqualTo("select");
                assertThat(field.path("values")).as("%s %s has labels", form, field.path("key")).isNotEmpty();
            }
        }
    }

    /** The values that choices send and are codes: upper case, as the enums spell them. */
    private static Set<String> codesOfAllForms() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> all = forms()) {
            for (Path form : all.toList()) {
                List<JsonNode> fields = new ArrayList<>();
                fields(JSON.readTree(form.toFile()), fields);
                fields.forEach(field -> field.path("values").forEach(option -> {
                    String value = option.path("value").asText();
                    if (value.matches("[A-Z][A-Z_]+")) {
                        codes.add(value);
                    }
                }));
            }
        }
        return codes;
    }

    private static void fields(JsonNode component, List<JsonNode> fields) {
        for (JsonNode child : component.path("components")) {
            if (child.has("key")) {
                fields.add(child);
            }
            fields(child, fields);
        }
    }

    private static void collect(JsonNode component, List<String> shown) {
        for (JsonNode child : component.path("components")) {
            for (String property : List.of("label", "description", "text", "dateLabel", "timeLabel")) {
                if (child.hasNonNull(property)) {
                    shown.add(child.get(property).asText());
                }
            }
            child.path("values").forEach(option -> shown.add(option.path("label").asText()));
            collect(child, shown);
        }
    }
}
