package io.threatflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The process variables a form may write, as Tasklist submits it: a Camunda Form (form-js) sends the value of
 * every keyed field that is not disabled, read-only ones included, under its key (a group with a path, under the
 * path). A read-only field may therefore come back, but only with the value it showed.
 *
 * @param form     how the refusals name the form, e.g. "investigate-threat"
 * @param writable the variables the user fills in
 * @param readOnly the variables the form shows and sends back unchanged
 */
record FormFields(String form, Set<String> writable, Set<String> readOnly) {

    private static final ObjectMapper JSON = new ObjectMapper();

    FormFields {
        Set<String> written = Set.copyOf(writable);
        // a variable that one field shows read-only and another lets the user fill in is writable
        readOnly = readOnly.stream().filter(name -> !written.contains(name)).collect(Collectors.toUnmodifiableSet());
        writable = written;
    }

    /** A form of which no field may be written: no Camunda Form, or one of another kind. */
    static FormFields none(String form) {
        return new FormFields(form, Set.of(), Set.of());
    }

    static FormFields ofCamundaForm(String form, InputStream json) {
        try (json) {
            Set<String> writable = new LinkedHashSet<>();
            Set<String> readOnly = new LinkedHashSet<>();
            collect(JSON.readTree(json), writable, readOnly);
            return new FormFields(form, writable, readOnly);
        } catch (IOException e) {
            throw new UncheckedIOException("Camunda Form '" + form + "' is not readable JSON", e);
        }
    }

    boolean isField(String variable) {
        return writable.contains(variable) || readOnly.contains(variable);
    }

    private static void collect(JsonNode component, Set<String> writable, Set<String> readOnly) {
        for (JsonNode child : component.path("components")) {
            if (child.path("disabled").asBoolean(false) || "button".equals(child.path("type").asText())) {
                continue;
            }
            String path = child.path("path").asText("");
            String key = child.path("key").asText("");
            String variable = !path.isBlank() ? path : key;
            if (!variable.isBlank()) {
                // "a.b" is written as the object variable a
                String name = variable.split("\\.", 2)[0];
                (child.path("readonly").asBoolean(false) ? readOnly : writable).add(name);
            } else {
                collect(child, writable, readOnly);
            }
        }
    }
}
