package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.threatflow.sla.DueTimes;
import io.threatflow.sla.SlaRegister;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class ExtendResolutionDelegateTest {

    private static final Instant TRIAGE_DUE_AT = Instant.parse("2025-06-01T08:15:00Z");
    private static final Instant CONTAIN_DUE_AT = Instant.parse("2025-06-01T09:00:00Z");
    private static final Instant RESOLVE_DUE_AT = Instant.parse("2025-06-02T08:00:00Z");
    private static final Instant EXTENDED = Instant.parse("2025-06-05T17:00:00Z");

    private final SlaRegister register = mock(SlaRegister.class);
    private final ExtendResolutionDelegate delegate = new ExtendResolutionDelegate(register);

    @Test
    void shouldMoveOnlyResolveDue_inRegisterAndCase() {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1",
                TRIAGE_DUE.name(), Date.from(TRIAGE_DUE_AT), CONTAIN_DUE.name(), Date.from(CONTAIN_DUE_AT),
                RESOLVE_DUE.name(), Date.from(RESOLVE_DUE_AT), EXTENDED_RESOLVE_DUE.name(), Date.from(EXTENDED)));

        delegate.execute(execution);

        verify(register).recordDueTimes("threat-1", new DueTimes(TRIAGE_DUE_AT, CONTAIN_DUE_AT, EXTENDED));
        assertThat(RESOLVE_DUE.from(execution)).as("the timer that follows waits for it").isEqualTo(Date.from(EXTENDED));
        assertThat(TRIAGE_DUE.from(execution)).isEqualTo(Date.from(TRIAGE_DUE_AT));
        assertThat(CONTAIN_DUE.from(execution)).isEqualTo(Date.from(CONTAIN_DUE_AT));
    }

    @Test
    void shouldKeepNoContainmentLevel_whenCaseHadNone() {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1",
                TRIAGE_DUE.name(), Date.from(TRIAGE_DUE_AT), RESOLVE_DUE.name(), Date.from(RESOLVE_DUE_AT),
                EXTENDED_RESOLVE_DUE.name(), Date.from(EXTENDED)));

        delegate.execute(execution);

        verify(register).recordDueTimes("threat-1", new DueTimes(TRIAGE_DUE_AT, null, EXTENDED));
        assertThat(CONTAIN_DUE.optionalFrom(execution)).isEmpty();
        assertThat(RESOLVE_DUE.from(execution)).isEqualTo(Date.from(EXTENDED));
    }

    @Test
    void shouldFailWithoutTouchingRegister_whenCaseHasNoDueTimes() {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1",
                EXTENDED_RESOLVE_DUE.name(), Date.from(EXTENDED)));

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("no due times");
        verifyNoInteractions(register);
    }
}
