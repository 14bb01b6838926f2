package io.threatflow.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends through its DataSource: every execute, executeQuery and
 * executeUpdate, and every statement added to a JDBC batch (one per row the engine flushes in a batch).
 * The benchmark's own bookkeeping queries (polling for tasks and running instances, counting rows) run inside
 * {@link #uncounted} and are left out. It also times each execution by its SQL text, the profile of where the
 * database time goes.
 */
final class SqlStatementCounter {

    private static final AtomicLong STATEMENTS = new AtomicLong();
    /** SQL text -> {executions, nanoseconds} of the statements run outside {@link #uncounted}. */
    private static final Map<String, long[]> TIME_BY_SQL = new ConcurrentHashMap<>();
    private static final ThreadLocal<Boolean> UNCOUNTED = ThreadLocal.withInitial(() -> false);

    private SqlStatementCounter() {
    }

    static long statements() {
        return STATEMENTS.get();
    }

    static <T> T uncounted(Supplier<T> work) {
        boolean before = UNCOUNTED.get();
        UNCOUNTED.set(true);
        try {
            return work.get();
        } finally {
            UNCOUNTED.set(before);
        }
    }

    /** Wraps the application's DataSource bean. */
    static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                        ? new CountingDataSource(dataSource) : bean;
            }
        };
    }

    static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return proxy(Connection.class, super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return proxy(Connection.class, super.getConnection(username, password));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        return proxy(type, target, null);
    }

    /** A proxy that counts; {@code sql} is the text of a prepared statement, timed under that text. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            count(method);
            boolean timed = isExecution(method) && !UNCOUNTED.get();
            long start = timed ? System.nanoTime() : 0;
            Object result = invoke(target, method, args);
            if (timed) {
                String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                long[] figures = TIME_BY_SQL.computeIfAbsent(normalise(text), k -> new long[2]);
                synchronized (figures) {
                    figures[0]++;
                    figures[1] += System.nanoTime() - start;
                }
            }
            String statementSql = method.getName().startsWith("prepare") && args != null && args.length > 0
                    && args[0] instanceof String s ? s : null;
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, statement, statementSql);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, statementSql);
            }
            if (result instanceof Statement statement && !(target instanceof Statement)) {
                return proxy(Statement.class, statement, null);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static void count(Method method) {
        if (UNCOUNTED.get()) {
            return;
        }
        switch (method.getName()) {
            case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch" -> STATEMENTS.incrementAndGet();
            default -> { }
        }
    }

    private static boolean isExecution(Method method) {
        return switch (method.getName()) {
            case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch" -> true;
            default -> false;
        };
    }

    private static String normalise(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 140 ? flat.substring(0, 140) + "…" : flat;
    }

    /** Clears the statement timings (before a measured phase). */
    static void resetTimings() {
        TIME_BY_SQL.clear();
    }

    /** The statements that took the most database time since the last reset: text, executions, total ms. */
    static List<Map<String, Object>> topStatements(int limit) {
        return TIME_BY_SQL.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(limit)
                .map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("sql", e.getKey());
                    row.put("executions", e.getValue()[0]);
                    row.put("totalMillis", e.getValue()[1] / 1_000_000);
                    return row;
                })
                .toList();
    }

    /** Total database time of the timed statements since the last reset, in milliseconds. */
    static long totalMillis() {
        return TIME_BY_SQL.values().stream().mapToLong(v -> v[1]).sum() / 1_000_000;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
