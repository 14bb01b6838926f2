package io.threatflow.reliability;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for one test run, created on the local server (127.0.0.1:5432, database
 * {@code test}, user {@code postgres}, trust authentication) and dropped afterwards. Without a reachable
 * server the test is skipped with a banner, or fails when THREATFLOW_REQUIRE_POSTGRES=true (CI).
 */
final class PostgresDatabase implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";
    static final String PASSWORD = "";
    private static final String MAINTENANCE_DATABASE = "test";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code threatflow_<random>}; skips (or fails, when required) the calling test without a server. */
    static PostgresDatabase createFresh() {
        String name = "threatflow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = connect(MAINTENANCE_DATABASE); Statement sql = admin.createStatement()) {
            sql.execute("create database " + name);
        } catch (SQLException unreachable) {
            String message = "PostgreSQL at " + SERVER + MAINTENANCE_DATABASE + " (user " + USER + ") is not usable: "
                    + unreachable.getMessage();
            if (Boolean.parseBoolean(System.getenv("THREATFLOW_REQUIRE_POSTGRES"))) {
                fail(message + " and THREATFLOW_REQUIRE_POSTGRES=true");
            }
            System.out.printf("%n%s%n  SKIPPED: %s%n  Set THREATFLOW_REQUIRE_POSTGRES=true to fail instead.%n%s%n%n",
                    "#".repeat(100), message, "#".repeat(100));
            Assumptions.abort(message);
        }
        return new PostgresDatabase(name);
    }

    String name() {
        return name;
    }

    String url() {
        return SERVER + name;
    }

    Connection connect() throws SQLException {
        return connect(name);
    }

    /** Drops the database, closing connections a killed node may have left. */
    @Override
    public void close() throws SQLException {
        try (Connection admin = connect(MAINTENANCE_DATABASE); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static Connection connect(String database) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(SERVER + database + "?connectTimeout=5", USER, PASSWORD);
    }
}
