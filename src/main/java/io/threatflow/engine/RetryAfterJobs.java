package io.threatflow.engine;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Honours {@link RetryAfter}: the engine's own handling of a failed job runs first (retries counted down, the due
 * date from the retry cycle, the incident when none are left); then, while retries are left, the job's due date
 * moves to the time the outside system asked for, if that is later. A rate-limited system is not asked again
 * before it said it would answer, and the retries are not spent too early.
 */
@Component
public class RetryAfterJobs extends AbstractProcessEnginePlugin {

    /** Never longer than this, whatever a system asks: a case must not sleep for days on one header. */
    static final Duration LONGEST = Duration.ofHours(1);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory engines = configuration.getFailedJobCommandFactory() == null
                ? new DefaultFailedJobCommandFactory() : configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, exception) -> honouring(engines.getCommand(jobId, exception),
                jobId, retryAfter(exception)));
    }

    private static Command<Object> honouring(Command<Object> engines, String jobId, Optional<Duration> retryAfter) {
        return context -> {
            Object result = engines.execute(context);
            if (retryAfter.isPresent()) {
                JobEntity job = context.getJobManager().findJobById(jobId);
                if (job != null && job.getRetries() > 0) {
                    Duration wait = retryAfter.get().compareTo(LONGEST) > 0 ? LONGEST : retryAfter.get();
                    Date asked = new Date(ClockUtil.getCurrentTime().getTime() + wait.toMillis());
                    if (job.getDuedate() == null || asked.after(job.getDuedate())) {
                        job.setDuedate(asked);
                    }
                }
            }
            return result;
        };
    }

    /** The first {@link RetryAfter} with a time in the exception or its causes. */
    static Optional<Duration> retryAfter(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetryAfter retry && retry.retryAfter().isPresent()) {
                return retry.retryAfter().filter(wait -> !wait.isNegative());
            }
        }
        return Optional.empty();
    }
}
