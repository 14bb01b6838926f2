package io.threatflow.testing;

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
public final class PostgresDatabase implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";
    public static final String PASSWORD = "";
    private static final String MAINTENANCE_DATABASE = "test";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code threatflow_<random>}; skips (or fails, when required) the calling test without a server. */
    public static PostgresDatabase createFresh() {
        return createFresh("threatflow_");
    }

    /** A fresh database named {@code <prefix><random>}. */
    public static PostgresDatabase createFresh(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

    public String name() {
        return name;
    }

    public String url() {
        return SERVER + name;
    }

    public Connection connect() throws SQLException {
        return connect(name);
    }

    /** Drops the database, closing connections a killed node may have left. */
    @Override
    public void close() throws SQLException {
        try (Connection admin = connect(MAINTENANCE_DATABASE); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        }
    }

    /**
     * Drops every database whose name starts with {@code prefix}: what earlier runs left when their application
     * context could only close after the test (a benchmark's), so the database could not go with it.
     */
    public static void dropAll(String prefix) throws SQLException {
        try (Connection admin = connect(MAINTENANCE_DATABASE); Statement sql = admin.createStatement();
             var names = sql.executeQuery("select datname from pg_database where datname like '"
                     + prefix.replace("_", "\\_") + "%'")) {
            java.util.List<String> leftovers = new java.util.ArrayList<>();
            while (names.next()) {
                leftovers.add(names.getString(1));
            }
            for (String leftover : leftovers) {
                try (Statement drop = admin.createStatement()) {
                    drop.execute("drop database if exists " + leftover + " with (force)");
                }
            }
        }
    }

    private static Connection connect(String database) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(SERVER + database + "?connectTimeout=5", USER, PASSWORD);
    }
}
