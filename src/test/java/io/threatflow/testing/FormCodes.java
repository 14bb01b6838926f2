package io.threatflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The codes the Camunda Forms in forms/ send (the enum constants behind their choices: CRITICAL, CLOSE_PORT,
 * STRONGER_MEASURES ...), which no form may show, and what else a form must not show: a BPMN id or a regular
 * expression.
 */
public final class FormCodes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGEX = Pattern.compile("\\^|\\\\d|\\\\w|\\[a-z");

    private FormCodes() {
    }

    public static List<Path> forms() {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path form) {
        try {
            return JSON.readTree(form.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keyed fields of a form, nested ones included. */
    public static List<JsonNode> fields(JsonNode form) {
        List<JsonNode> fields = new ArrayList<>();
        collect(form, fields);
        return fields;
    }

    /** The values the forms' choices send that are codes: upper case, as the enums spell them. */
    public static Set<String> values() {
        Set<String> codes = new TreeSet<>();
        for (Path form : forms()) {
            fields(read(form)).forEach(field -> field.path("values").forEach(option -> {
                String value = option.path("value").asText();
                if (value.matches("[A-Z][A-Z_]+")) {
                    codes.add(value);
                }
            }));
        }
        return codes;
    }

    /** What in the text people should not read: codes of the forms' choices, BPMN ids and regular expressions. */
    public static List<String> in(String text, Set<String> codes) {
        List<String> found = new ArrayList<>(RawCodes.in(text));
        codes.stream().filter(code -> Pattern.compile("(?<![\\w*])" + Pattern.quote(code) + "(?![\\w*])")
                .matcher(text).find()).forEach(found::add);
        REGEX.matcher(text).results().map(match -> "regular expression " + match.group()).forEach(found::add);
        return found;
    }

    private static void collect(JsonNode component, List<JsonNode> fields) {
        for (JsonNode child : component.path("components")) {
            if (child.has("key")) {
                fields.add(child);
            }
            collect(child, fields);
        }
    }
}
