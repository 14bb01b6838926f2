package io.threatflow.intake;

import io.threatflow.web.InvalidFieldException;

/** A report that passes each field's own constraints but not a rule between fields. */
class InvalidReportException extends InvalidFieldException {

    InvalidReportException(String field, String message) {
        super("Invalid threat report", field, message);
    }
}
