package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.threatflow.engine.DeferredStarts;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A saturated node answers a report at once with 503, Retry-After and a problem, and reads nothing of it. */
class IntakeAdmissionTest {

    private final DeferredStarts starts = mock(DeferredStarts.class);

    @Test
    void shouldRefuseAtOnce_whenAsManyReportsAsAllowedAreInFlight() throws Exception {
        IntakeAdmission admission = new IntakeAdmission(1, 100, Duration.ofSeconds(7), starts);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slow = (request, response) -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((MockHttpServletResponse) response).setStatus(201);
        };
        MockHttpServletResponse first = new MockHttpServletResponse();
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> {
            try {
                admission.doFilter(report("/api/threats"), first, slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = new MockHttpServletResponse();
        FilterChain never = (request, response) -> {
            throw new AssertionError("a refused report must not be read");
        };
        admission.doFilter(report("/api/findings/ocsf"), second, never);

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("7");
        assertThat(second.getContentType()).startsWith("application/problem+json");
        assertThat(second.getContentAsString()).contains("Intake at its limit").contains("nothing was stored");
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        assertThat(first.getStatus()).isEqualTo(201);

        MockHttpServletResponse third = new MockHttpServletResponse();
        admission.doFilter(report("/api/threats"), third, (request, response) ->
                ((MockHttpServletResponse) response).setStatus(201));
        assertThat(third.getStatus()).as("the slot is free again").isEqualTo(201);
    }

    @Test
    void shouldRefuse_whileTooManyAcceptedCasesWaitForTheirStart() throws Exception {
        when(starts.pending()).thenReturn(50L);
        IntakeAdmission admission = new IntakeAdmission(16, 50, Duration.ofSeconds(5), starts);
        MockHttpServletResponse answer = new MockHttpServletResponse();

        admission.doFilter(report("/api/threats"), answer, (request, response) -> {
            throw new AssertionError("a refused report must not be read");
        });

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
        assertThat(answer.getContentAsString()).contains("More than 50 accepted cases wait");
    }

    @Test
    void shouldLetOtherRequestsThrough_evenWhenSaturated() throws Exception {
        when(starts.pending()).thenReturn(1_000_000L);
        IntakeAdmission admission = new IntakeAdmission(16, 50, Duration.ofSeconds(5), starts);
        MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/threats");
        read.setRequestURI("/api/threats");
        MockHttpServletResponse answer = new MockHttpServletResponse();

        admission.doFilter(read, answer, (request, response) -> ((MockHttpServletResponse) response).setStatus(200));

        assertThat(answer.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest report(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        return request;
    }
}
