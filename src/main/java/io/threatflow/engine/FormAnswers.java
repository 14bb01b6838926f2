package io.threatflow.engine;

import java.util.Arrays;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads a person's answer on a form strictly, for a completion listener that turns it into the system variable a
 * gateway reads. An answer that is not one of the allowed values refuses the completion with a message that names
 * the field; a missing answer takes the default the caller gives, which is the safe one (not approved, not
 * accepted). A form field is never read by a gateway itself: a client may send anything in it.
 */
public final class FormAnswers {

    private FormAnswers() {
    }

    /** A tick box: {@code true} or {@code false} (also as the text a REST client may send), or not answered. */
    public static boolean yesNo(VariableScope task, String field, boolean unanswered) {
        Object value = task.getVariable(field);
        if (value == null || value instanceof String text && text.isBlank()) {
            return unanswered;
        }
        if (value instanceof Boolean answer) {
            return answer;
        }
        if (value instanceof String text && (text.trim().equalsIgnoreCase("true") || text.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text.trim());
        }
        throw new BadUserRequestException("'" + field + "' must be true or false, not '" + value + "'");
    }

    /** A choice among the constants of {@code type}, by name; {@code unanswered} (null: an answer is required) if none. */
    public static <E extends Enum<E>> E choice(VariableScope task, String field, Class<E> type, E unanswered) {
        Object value = task.getVariable(field);
        if (value == null || value instanceof String text && text.isBlank()) {
            if (unanswered == null) {
                throw new BadUserRequestException("'" + field + "' is required: one of " + names(type));
            }
            return unanswered;
        }
        String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new BadUserRequestException("'" + field + "' must be one of " + names(type) + ", not '" + value + "'");
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.toString(type.getEnumConstants());
    }
}
