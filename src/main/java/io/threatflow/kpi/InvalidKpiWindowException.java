package io.threatflow.kpi;

import io.threatflow.web.InvalidFieldException;
import io.threatflow.web.Problems;

/** The time window asked for cannot be reported on; {@link #field()} names the request parameter to fix. */
public class InvalidKpiWindowException extends InvalidFieldException {

    InvalidKpiWindowException(String field, String message) {
        super(Problems.INVALID_REQUEST, field, message);
    }
}
