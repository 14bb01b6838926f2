package io.threatflow.threat;

public class ThreatNotFoundException extends RuntimeException {

    public ThreatNotFoundException(String threatId) {
        super("No threat with id '" + threatId + "' in the register");
    }
}
