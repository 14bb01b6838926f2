package io.threatflow.web;

/** The user is known but may not do this: a 403 problem with the reason as its detail. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String reason) {
        super(reason, null, false, false);
    }
}
