package io.threatflow.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A process variable with its name and type, so that delegates, listeners and tests read and write it
 * the same way. Numbers arrive from forms and REST as Long or Double and are converted to the declared
 * numeric type. An enum is stored as its name, so that DMN tables, gateway conditions, forms, REST clients
 * and history see plain strings; a list is stored as a {@code java.util.ArrayList} in the engine's default
 * serialization format, as a DMN task's collected result is.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Function<Object, T> read;
    private final Function<T, Object> write;

    private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
        this.name = name;
        this.read = read;
        this.write = write;
    }

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, value -> convert(name, type, value), value -> value);
    }

    /** An enum stored as its constant's name, which it must be exactly when read. */
    public static <E extends Enum<E>> ProcessVariable<E> ofEnum(String name, Class<E> type) {
        return new ProcessVariable<>(name, value -> constant(name, type, text(name, type, value)), Enum::name);
    }

    /**
     * An enum stored as its constant's name, for a value that people type or pick (a start form, a REST
     * client): read ignoring letter case and surrounding blanks, a blank value as not set.
     */
    public static <E extends Enum<E>> ProcessVariable<E> ofEnumIgnoringCase(String name, Class<E> type) {
        return new ProcessVariable<>(name, value -> {
            String text = text(name, type, value);
            return text.isBlank() ? null : constant(name, type, text.trim().toUpperCase(Locale.ROOT), text);
        }, Enum::name);
    }

    /**
     * A list of elements of one type. It is read as an unmodifiable view, so that a change to it cannot slip
     * into the engine unwritten.
     */
    public static <E> ProcessVariable<List<E>> ofList(String name, Class<E> elementType) {
        return new ProcessVariable<>(name, value -> list(name, elementType, value), ArrayList::new);
    }

    public String name() {
        return name;
    }

    /** The value, which must be set. */
    public T from(VariableScope scope) {
        return optionalFrom(scope).orElseThrow(
                () -> new ProcessEngineException("process variable '" + name + "' is not set"));
    }

    public T from(VariableScope scope, T fallback) {
        return optionalFrom(scope).orElse(fallback);
    }

    public Optional<T> optionalFrom(VariableScope scope) {
        Object value = scope.getVariable(name);
        return value == null ? Optional.empty() : Optional.ofNullable(read.apply(value));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, stored(value));
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, stored(value));
    }

    public VariableMap putIn(VariableMap variables, T value) {
        return variables.putValue(name, stored(value));
    }

    private Object stored(T value) {
        return value == null ? null : write.apply(value);
    }

    private static <T> T convert(String name, Class<T> type, Object value) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof Number number) {
            // a whole number that fits: 4294967376 is not port 80, and 80.5 is no port at all
            if (type == Integer.class && number.doubleValue() == number.longValue()
                    && number.longValue() == number.intValue()) {
                return type.cast(number.intValue());
            }
            if (type == Long.class) {
                return type.cast(number.longValue());
            }
        }
        if (value instanceof String text && type == Boolean.class) {
            return type.cast(Boolean.parseBoolean(text));
        }
        throw wrongType(name, value, type.getSimpleName());
    }

    private static String text(String name, Class<?> enumType, Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw wrongType(name, value, "String (a name of " + enumType.getSimpleName() + ")");
    }

    private static <E extends Enum<E>> E constant(String name, Class<E> type, String text) {
        return constant(name, type, text, text);
    }

    private static <E extends Enum<E>> E constant(String name, Class<E> type, String text, String asStored) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new ProcessEngineException("'" + name + "' must be one of " + Arrays.toString(type.getEnumConstants())
                + ", not '" + asStored + "'");
    }

    private static <E> List<E> list(String name, Class<E> elementType, Object value) {
        if (!(value instanceof List<?> list)) {
            throw wrongType(name, value, "List of " + elementType.getSimpleName());
        }
        for (Object element : list) {
            if (element != null && !elementType.isInstance(element)) {
                throw new ProcessEngineException("process variable '" + name + "' holds a "
                        + element.getClass().getSimpleName() + ", expected only " + elementType.getSimpleName());
            }
        }
        @SuppressWarnings("unchecked") // every element checked above
        List<E> checked = (List<E>) list;
        return Collections.unmodifiableList(checked);
    }

    private static ProcessEngineException wrongType(String name, Object value, String expected) {
        return new ProcessEngineException("process variable '" + name + "' is a " + value.getClass().getSimpleName()
                + ", expected " + expected);
    }
}
