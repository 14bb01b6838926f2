package io.threatflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class GracefulJobShutdownTest {

    private final JobExecutor jobExecutor = mock(JobExecutor.class);
    private final JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);

    @Test
    void shouldStopAcquiring_letRunningJobsFinish_andReleaseTheRest() throws Exception {
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.initialize();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        threads.execute(() -> {
            started.countDown();
            sleep(300);
            finished.set(true);
        });
        started.await(5, TimeUnit.SECONDS);
        when(jobExecutor.isActive()).thenReturn(true);
        when(jobExecutor.getLockOwner()).thenReturn("node-1");

        new GracefulJobShutdown(jobExecutor, threads, jdbc, Duration.ofSeconds(5))
                .onApplicationEvent(mock(ContextClosedEvent.class));

        verify(jobExecutor).shutdown();
        assertThat(finished).as("the running job was allowed to finish").isTrue();
        verify(jdbc.sql(anyString())).param("owner", "node-1");
    }

    @Test
    void shouldDoNothing_whenTheJobExecutorIsNotRunning() {
        ThreadPoolTaskExecutor threads = mock(ThreadPoolTaskExecutor.class);
        when(jobExecutor.isActive()).thenReturn(false);

        new GracefulJobShutdown(jobExecutor, threads, jdbc, Duration.ofSeconds(5))
                .onApplicationEvent(mock(ContextClosedEvent.class));

        verify(jobExecutor, never()).shutdown();
        verifyNoInteractions(threads, jdbc);
    }

    @Test
    void shouldDoNothing_onANodeWithoutJobExecution() {
        // camunda.bpm.job-execution.enabled=false: the starter makes neither the job executor nor its threads
        new GracefulJobShutdown((JobExecutor) null, null, jdbc, Duration.ofSeconds(5))
                .onApplicationEvent(mock(ContextClosedEvent.class));

        verifyNoInteractions(jdbc);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldKeepLocks_whenAJobIsStillRunningAtTheTimeout() throws Exception {
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.initialize();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        threads.execute(() -> {
            started.countDown();
            await(release);
        });
        started.await(5, TimeUnit.SECONDS);
        when(jobExecutor.isActive()).thenReturn(true);

        new GracefulJobShutdown(jobExecutor, threads, jdbc, Duration.ofMillis(200))
                .onApplicationEvent(mock(ContextClosedEvent.class));

        verify(jobExecutor).shutdown();
        verifyNoInteractions(jdbc);
        release.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
