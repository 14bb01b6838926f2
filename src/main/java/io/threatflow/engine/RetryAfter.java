package io.threatflow.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that knows when trying again makes sense: an outside system answered 429 or 503 with
 * {@code Retry-After}. A job that fails with it (or with it as a cause) is retried no earlier than that, even
 * where its retry cycle would try sooner ({@link RetryAfterJobs}).
 */
public interface RetryAfter {

    Optional<Duration> retryAfter();
}
