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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends through its DataSource: every execute, executeQuery and
 * executeUpdate, and every statement added to a JDBC batch (one per row the engine flushes in a batch).
 * The benchmark's own bookkeeping queries (polling for tasks and running instances, counting rows) run inside
 * {@link #uncounted} and are left out.
 */
final class SqlStatementCounter {

    private static final AtomicLong STATEMENTS = new AtomicLong();
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
        InvocationHandler handler = (proxy, method, args) -> {
            count(method);
            Object result = invoke(target, method, args);
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, statement);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement);
            }
            if (result instanceof Statement statement && !(target instanceof Statement)) {
                return proxy(Statement.class, statement);
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

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
