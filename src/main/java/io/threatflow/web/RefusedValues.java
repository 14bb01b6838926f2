package io.threatflow.web;

import java.sql.SQLException;

/**
 * A value the database refused as such (too long for its column, a number or time out of range): SQLSTATE class 22,
 * "data exception". It is the sender's value that is wrong, so it is answered as a 400 without the SQL; any other
 * database failure stays a 500.
 */
public final class RefusedValues {

    private RefusedValues() {
    }

    public static boolean refusedByDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
