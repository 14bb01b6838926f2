package io.threatflow.access;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked: the account must wait after wrong passwords ({@link LoginThrottle}). */
class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed logins for this account");
        this.wait = wait;
    }

    Duration retryAfter() {
        return wait;
    }
}
