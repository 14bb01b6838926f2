package io.threatflow.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

/** Backs the variable methods of a mocked {@link VariableScope} with maps, as the engine would. */
final class MapBackedVariables {

    private MapBackedVariables() {
    }

    static void back(VariableScope scope, Map<String, ?> initial) {
        Map<String, Object> variables = new HashMap<>(initial);
        Map<String, Object> locals = new HashMap<>();

        lenient().doAnswer(call -> locals.containsKey(call.<String>getArgument(0))
                ? locals.get(call.<String>getArgument(0))
                : variables.get(call.<String>getArgument(0))).when(scope).getVariable(anyString());
        lenient().doAnswer(call -> locals.get(call.<String>getArgument(0))).when(scope).getVariableLocal(anyString());
        lenient().doAnswer(call -> variables.containsKey(call.<String>getArgument(0))
                || locals.containsKey(call.<String>getArgument(0))).when(scope).hasVariable(anyString());
        lenient().doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
                .when(scope).setVariable(anyString(), any());
        lenient().doAnswer(call -> locals.put(call.getArgument(0), call.getArgument(1)))
                .when(scope).setVariableLocal(anyString(), any());
        lenient().doAnswer(call -> locals.containsKey(call.<String>getArgument(0))
                ? locals.remove(call.<String>getArgument(0)) : variables.remove(call.<String>getArgument(0)))
                .when(scope).removeVariable(anyString());
        lenient().doAnswer(call -> {
            Map<String, Object> all = new HashMap<>(variables);
            all.putAll(locals);
            return Variables.fromMap(all);
        }).when(scope).getVariables();
        lenient().doAnswer(call -> Variables.fromMap(locals)).when(scope).getVariablesLocal();
    }
}
