package io.threatflow.engine;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A process variable with its name and type, so that delegates, listeners and tests read and write it
 * the same way. Numbers arrive from forms and REST as Long or Double and are converted to the declared
 * numeric type.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;

    private ProcessVariable(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
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
        return Optional.ofNullable(convert(scope.getVariable(name)));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    public VariableMap putIn(VariableMap variables, T value) {
        return variables.putValue(name, value);
    }

    private T convert(Object value) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof Number number) {
            if (type == Integer.class) {
                return type.cast(number.intValue());
            }
            if (type == Long.class) {
                return type.cast(number.longValue());
            }
        }
        if (value instanceof String text && type == Boolean.class) {
            return type.cast(Boolean.parseBoolean(text));
        }
        throw new ProcessEngineException("process variable '" + name + "' is a " + value.getClass().getSimpleName()
                + ", expected " + type.getSimpleName());
    }
}
