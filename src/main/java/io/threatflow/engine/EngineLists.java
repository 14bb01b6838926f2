package io.threatflow.engine;

import java.util.ArrayList;
import java.util.List;

/** The engine configuration's lists of custom parts (parse listeners, history handlers) are null until set. */
final class EngineLists {

    private EngineLists() {
    }

    /** A new list of what was configured, if anything, and then {@code added}. */
    static <T> List<T> appended(List<? extends T> configured, T added) {
        List<T> list = configured == null ? new ArrayList<>() : new ArrayList<>(configured);
        list.add(added);
        return list;
    }
}
