package io.threatflow.assets;

import io.threatflow.web.Problems;
import java.util.List;

/** A load's body as a whole cannot be read (not JSON, broken CSV, unknown columns, too many rows): nothing is written. */
class UnreadableLoadException extends RuntimeException {

    private final String title;
    private final List<Problems.FieldError> errors;

    UnreadableLoadException(String title, List<Problems.FieldError> errors) {
        super(title, null, false, false);
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    UnreadableLoadException(String title, String field, String message) {
        this(title, List.of(new Problems.FieldError(field, message)));
    }

    String title() {
        return title;
    }

    List<Problems.FieldError> errors() {
        return errors;
    }
}
