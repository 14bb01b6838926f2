package io.threatflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.threatflow.testing.FormCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    static List<Path> forms() {
        return FormCodes.forms();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void shouldShowWordsOnly(Path form) {
        Set<String> codes = FormCodes.values();
        List<String> shown = new ArrayList<>();
        collect(FormCodes.read(form), shown);

        assertThat(codes).contains("CRITICAL", "CLOSE_PORT", "EXPOSED_SERVICE", "STRONGER_MEASURES");
        assertThat(shown).isNotEmpty();
        for (String text : shown) {
            assertThat(FormCodes.in(text, codes)).as("%s shows: %s", form, text).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void shouldValidateWithoutPatterns_andShowCodesAsLabels(Path form) {
        List<JsonNode> fields = FormCodes.fields(FormCodes.read(form));

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
