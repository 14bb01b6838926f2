package io.threatflow.observability;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.threatflow.Text;
import java.util.Arrays;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * What a log line says in its own words stays on that line: every message, and every exception's message, is written
 * with its control characters escaped (logback-spring.xml puts these converters in place of {@code %m} and
 * {@code %wEx}). An asset named {@code "host\n2026-12-01 ERROR forged"} can then no longer add a line of its own,
 * and an ESC sequence in a title no longer reaches a terminal. This covers every logger, Camunda's and Spring's
 * included, since any of them may quote what a user sent. A stack trace keeps its lines.
 */
public final class OneLineMessages {

    private OneLineMessages() {
    }

    /** {@code %m}, {@code %msg}, {@code %message}. */
    public static final class Message extends MessageConverter {

        @Override
        public String convert(ILoggingEvent event) {
            return Text.escapeControlCharacters(event.getFormattedMessage());
        }
    }

    /** {@code %wEx}: Spring Boot's stack trace, with each exception's message escaped. */
    public static final class StackTrace extends ExtendedWhitespaceThrowableProxyConverter {

        @Override
        protected String throwableProxyToString(IThrowableProxy throwable) {
            return super.throwableProxyToString(new Escaped(throwable));
        }
    }

    private record Escaped(IThrowableProxy throwable) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return Text.escapeControlCharacters(throwable.getMessage());
        }

        @Override
        public String getClassName() {
            return throwable.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return throwable.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return throwable.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return throwable.getCause() == null ? null : new Escaped(throwable.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = throwable.getSuppressed();
            return suppressed == null ? null : Arrays.stream(suppressed).map(Escaped::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return throwable.isCyclic();
        }
    }
}
