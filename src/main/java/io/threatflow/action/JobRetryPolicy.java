package io.threatflow.action;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often, and how far apart, a job that touches an outside system is tried again before an incident is
 * raised. The models name it in {@code camunda:failedJobRetryTimeCycle} as {@code ${jobRetry.cycle}}.
 */
@Component("jobRetry")
public class JobRetryPolicy {

    private final String cycle;

    JobRetryPolicy(@Value("${threatflow.jobs.retry-cycle:R3/PT1M}") String cycle) {
        this.cycle = cycle;
    }

    /** An ISO 8601 repeating interval, e.g. R3/PT1M: three retries one minute apart. */
    public String getCycle() {
        return cycle;
    }
}
