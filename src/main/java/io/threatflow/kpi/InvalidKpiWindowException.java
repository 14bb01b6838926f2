package io.threatflow.kpi;

/** The time window asked for cannot be reported on; {@link #field()} names the request parameter to fix. */
public class InvalidKpiWindowException extends IllegalArgumentException {

    private final String field;

    InvalidKpiWindowException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
