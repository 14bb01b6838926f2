package io.threatflow.intake;

import io.threatflow.engine.DeferredStarts;
import io.threatflow.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the intake answering at once when more arrives than the node can take: a report beyond
 * {@code threatflow.intake.max-concurrent} requests in flight, or while more than {@code threatflow.intake.max-backlog}
 * accepted cases wait for their start, is answered 503 with {@code Retry-After} before anything is read or stored.
 * What was answered 201 was committed and its case starts (from the job executor's backlog), so nothing answered is
 * lost. Runs before authentication, so that a flood costs no password checks.
 */
@Component
@Order(-150)
class IntakeAdmission extends OncePerRequestFilter {

    /** How long a counted backlog is trusted: one count a second, whatever the request rate. */
    private static final long BACKLOG_FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final Semaphore inFlight;
    private final long maxBacklog;
    private final long retryAfterSeconds;
    private final DeferredStarts starts;
    private final AtomicBoolean counting = new AtomicBoolean();
    private volatile long backlog;
    private volatile long countedAt = System.nanoTime() - BACKLOG_FRESH_NANOS;

    IntakeAdmission(@Value("${threatflow.intake.max-concurrent:16}") int maxConcurrent,
                    @Value("${threatflow.intake.max-backlog:20000}") long maxBacklog,
                    @Value("${threatflow.intake.retry-after:5s}") Duration retryAfter, DeferredStarts starts) {
        this.inFlight = new Semaphore(maxConcurrent);
        this.maxBacklog = maxBacklog;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        this.starts = starts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !(path.equals("/api/threats") || path.equals("/api/findings/ocsf"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (backlog() >= maxBacklog) {
            refuse(request, response, "More than " + maxBacklog + " accepted cases wait for their start on this "
                    + "node; nothing was stored. Send the report again after " + retryAfterSeconds + " seconds.");
            return;
        }
        if (!inFlight.tryAcquire()) {
            refuse(request, response, "This node takes no more reports at the moment; nothing was stored. Send the "
                    + "report again after " + retryAfterSeconds + " seconds.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.release();
        }
    }

    private long backlog() {
        long now = System.nanoTime();
        if (now - countedAt >= BACKLOG_FRESH_NANOS && counting.compareAndSet(false, true)) {
            try {
                backlog = starts.pending();
                countedAt = System.nanoTime();
            } finally {
                counting.set(false);
            }
        }
        return backlog;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Intake at its limit", detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        Problems.write(response, problem);
    }
}
