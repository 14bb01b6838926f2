package io.threatflow.action;

/** The target refused an action (for example an unmanaged asset, or an action that does not apply). */
public class ActionRejectedException extends RuntimeException {

    public ActionRejectedException(String message) {
        super(message);
    }
}
