package io.threatflow.engine;

import java.util.List;

/**
 * Process variables that only steer the engine (a timer's due time, a counter, a copy of a setting) or repeat what
 * another record keeps (the SLA register, a decision's history). The engine keeps no history of them
 * ({@link VariableHistory}): no row in ACT_HI_VARINST and ACT_HI_DETAIL, so nothing may read them from the
 * history; a running case has them as usual. Each process declares its own as a bean.
 */
public record TechnicalVariables(List<ProcessVariable<?>> variables) {

    public TechnicalVariables {
        variables = List.copyOf(variables);
    }
}
