package io.threatflow.connector.ldap;

/** The directory could not be reached or answered with an error that a later try may not meet: retried. */
class LdapFailureException extends RuntimeException {

    LdapFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
