package io.threatflow.threat;

/** The report describes a threat that is open already. */
public class DuplicateThreatException extends RuntimeException {

    private final String threatId;

    public DuplicateThreatException(String threatId) {
        super("This threat is already open as threat " + threatId);
        this.threatId = threatId;
    }

    public String threatId() {
        return threatId;
    }
}
