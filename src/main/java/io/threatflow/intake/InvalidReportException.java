package io.threatflow.intake;

/** A report that passes each field's own constraints but not a rule between fields. */
class InvalidReportException extends RuntimeException {

    private final String field;

    InvalidReportException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
