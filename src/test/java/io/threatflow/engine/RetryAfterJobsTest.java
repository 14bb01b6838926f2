package io.threatflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A job that fails with a Retry-After waits that long, on an engine of its own with the plugin. */
class RetryAfterJobsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static ProcessEngine engine;

    /** What the outside system answered, for the next run of the delegate. */
    static volatile RuntimeException failure;

    /** The delegate of the test process: fails as told. */
    public static class Failing implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            throw failure;
        }
    }

    static final class RateLimited extends RuntimeException implements RetryAfter {
        private final Duration wait;

        RateLimited(Duration wait) {
            super("rate limited");
            this.wait = wait;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(wait);
        }
    }

    @BeforeAll
    static void engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:retry-after-jobs;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("retry-after-jobs")
                .setJobExecutorActivate(false);
        List<ProcessEnginePlugin> plugins = new ArrayList<>(configuration.getProcessEnginePlugins());
        plugins.add(new RetryAfterJobs());
        configuration.setProcessEnginePlugins(plugins);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("retry.bpmn",
                Bpmn.createExecutableProcess("retry").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("call").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT1S")
                        .camundaClass(Failing.class.getName()).endEvent().done()).deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Job failOnce(RuntimeException answer) {
        failure = answer;
        ClockUtil.setCurrentTime(Date.from(NOW));
        String instance = engine.getRuntimeService().startProcessInstanceByKey("retry").getId();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).isSameAs(answer);
        return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    }

    @Test
    void shouldRetryNoEarlierThanTheSystemAsked() {
        Job retried = failOnce(new RateLimited(Duration.ofSeconds(90)));

        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(90)));
    }

    @Test
    void shouldKeepTheRetryCycle_whenItIsLaterOrNoWaitWasAsked() {
        assertThat(failOnce(new RateLimited(Duration.ZERO)).getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(1)));
        assertThat(failOnce(new RateLimited(null)).getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(1)));
        assertThat(failOnce(new IllegalStateException("timed out")).getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(1)));
    }

    @Test
    void shouldFindTheWaitAmongTheCauses_andWaitAnHourAtMost() {
        Job wrapped = failOnce(new IllegalStateException("wrapped", new RateLimited(Duration.ofSeconds(30))));
        assertThat(wrapped.getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(30)));

        Job capped = failOnce(new RateLimited(Duration.ofDays(2)));
        assertThat(capped.getDuedate()).isEqualTo(Date.from(NOW.plus(RetryAfterJobs.LONGEST)));
    }
}
