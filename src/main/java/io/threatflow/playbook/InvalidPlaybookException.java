package io.threatflow.playbook;

import java.util.List;

/**
 * A proposed playbook change that cannot be accepted: an unreadable file, a reference that does not resolve, a
 * policy violation. Answered as a 400 problem whose {@code errors} name each resource and what is wrong with it.
 */
class InvalidPlaybookException extends RuntimeException {

    /** @param resource the file (and element) concerned; @param message what is wrong, in words */
    record Error(String resource, String message) {
    }

    private final transient List<Error> errors;

    InvalidPlaybookException(List<Error> errors) {
        super(String.join("; ", errors.stream().map(e -> e.resource() + ": " + e.message()).toList()));
        this.errors = List.copyOf(errors);
    }

    InvalidPlaybookException(String resource, String message) {
        this(List.of(new Error(resource, message)));
    }

    List<Error> errors() {
        return errors;
    }
}
