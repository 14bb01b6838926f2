package io.threatflow.web;

/**
 * A request that names a value its field cannot take, where no annotation can say so (a rule between
 * fields, a window too long). Answered as a 400 problem that names {@link #field()}.
 */
public class InvalidFieldException extends RuntimeException {

    private final String title;
    private final String field;

    /** @param title the problem's title, e.g. "Invalid threat report" */
    public InvalidFieldException(String title, String field, String message) {
        super(message);
        this.title = title;
        this.field = field;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
