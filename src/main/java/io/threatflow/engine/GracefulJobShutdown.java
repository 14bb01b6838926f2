package io.threatflow.engine;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM this node stops acquiring jobs and lets the jobs it holds finish; then it releases the locks of
 * jobs it acquired but never ran, so another node of the cluster takes them at once instead of after the
 * lock expires. A job still running when the timeout ends keeps its lock, so no two nodes run it at once.
 */
@Component
class GracefulJobShutdown implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(GracefulJobShutdown.class);

    private final JobExecutor jobExecutor;
    private final TaskExecutor jobThreads;
    private final JdbcClient jdbc;
    private final Duration timeout;

    /**
     * A node with {@code camunda.bpm.job-execution.enabled=false} (one that only answers requests) has neither a job
     * executor nor its threads, and nothing to stop.
     */
    @Autowired
    GracefulJobShutdown(ObjectProvider<JobExecutor> jobExecutor,
                        @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> jobThreads,
                        JdbcClient jdbc, @Value("${threatflow.jobs.shutdown-timeout:30s}") Duration timeout) {
        this(jobExecutor.getIfAvailable(), jobThreads.getIfAvailable(), jdbc, timeout);
    }

    GracefulJobShutdown(JobExecutor jobExecutor, TaskExecutor jobThreads, JdbcClient jdbc, Duration timeout) {
        this.jobExecutor = jobExecutor;
        this.jobThreads = jobThreads;
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (jobExecutor == null || !jobExecutor.isActive()) {
            return;
        }
        jobExecutor.shutdown();
        boolean idle = true;
        if (jobThreads instanceof ThreadPoolTaskExecutor pool) {
            ThreadPoolExecutor threads = pool.getThreadPoolExecutor();
            threads.shutdown();
            try {
                idle = threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                idle = false;
            }
        }
        if (!idle) {
            // a job still running keeps its lock: another node must not run it at the same time
            log.warn("Jobs still running after {}; their locks expire as configured", timeout);
            return;
        }
        // what is still locked to this node was acquired but never run; the engine has no API to unlock a job,
        // its lock columns are what acquisition reads
        int released = jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = :owner")
                .param("owner", jobExecutor.getLockOwner()).update();
        log.info("Job executor stopped{}", released > 0 ? "; released the locks of " + released + " jobs" : "");
    }
}
