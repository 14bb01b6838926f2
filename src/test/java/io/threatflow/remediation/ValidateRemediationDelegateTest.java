package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ERADICATION_ATTEMPT;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATION_ROUND;
import static io.threatflow.remediation.RemediationProcess.RETRIES_LEFT;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.remediation.RemediationProcess.THREAT_PERSISTS;
import static io.threatflow.remediation.RemediationProcess.VALIDATION_RESULT;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestAssets.asset;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionService;
import io.threatflow.validation.ServiceProbe;
import io.threatflow.inventory.Asset;
import io.threatflow.threat.Phase;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateRemediationDelegateTest {

    private final Threat threat = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();
    private final Asset stillOpen = asset().openPorts(3389).build();
    private final Asset closed = asset().openPorts(443).build();
    private final ThreatService threats = mock(ThreatService.class);
    private final ActionService actions = mock(ActionService.class);
    private final ServiceProbe probe = mock(ServiceProbe.class);
    private final ValidateRemediationDelegate delegate =
            new ValidateRemediationDelegate(threats, actions, probe, new RemediationProperties(2));

    @BeforeEach
    void registerThreat_noProbing() {
        when(threats.get("threat-1")).thenReturn(threat);
        when(probe.probe(any(), anyInt())).thenReturn(new ServiceProbe.Observation(ServiceProbe.Verdict.NOT_PROBED,
                "no probe: threatflow.validation.probe.allowed-networks is empty"));
    }

    @ParameterizedTest(name = "probe {0}: persists {1}")
    @CsvSource({"OPEN, true", "CLOSED, false", "UNREACHABLE, false"})
    void shouldTakeTheProbesWord_overTheInventorys_andKeepItAsEvidence(ServiceProbe.Verdict verdict, boolean persists) {
        when(actions.scan(threat)).thenReturn(stillOpen);
        when(probe.probe(stillOpen, 3389)).thenReturn(new ServiceProbe.Observation(verdict, "TCP probe of 127.0.0.1:3389: seen"));
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", ERADICATION_ATTEMPT.name(), 2,
                INVESTIGATION_ROUND.name(), 1));

        delegate.execute(execution);

        assertThat(THREAT_PERSISTS.from(execution)).isEqualTo(persists);
        assertThat(VALIDATION_RESULT.from(execution)).endsWith(" TCP probe of 127.0.0.1:3389: seen.");
        verify(actions).recordObservation(ActionKey.validation("threat-1", execution.getProcessInstanceId(), 1, 2),
                stillOpen.hostname(), "TCP probe of 127.0.0.1:3389: seen");
    }

    @Test
    void shouldGoOnToClosure_withoutScanOrProbe_sayingNothingWasValidated_whenTheEradicationWasADryRun() {
        when(actions.eradicationWasDryRun(threat, "process-instance-1")).thenReturn(true);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", ERADICATION_ATTEMPT.name(), 1,
                INVESTIGATION_ROUND.name(), 1));

        delegate.execute(execution);

        assertThat(THREAT_PERSISTS.from(execution)).as("nothing changed, yet the case is not sent round again")
                .isFalse();
        assertThat(RETRIES_LEFT.from(execution)).isEqualTo(2);
        assertThat(VALIDATION_RESULT.from(execution))
                .startsWith("Dry run: nothing was changed, so nothing was validated.")
                .doesNotContain("no longer present");
        verifyNoInteractions(probe);
        verify(actions, never()).scan(any());
        verify(actions, never()).recordObservation(any(), any(), any());
        verify(threats).markPhase("threat-1", Phase.VALIDATED);
    }

    @Test
    void shouldNotProbe_aThreatThatIsNoExposedService() {
        Threat outdated = threat(ThreatType.OUTDATED_OS).build();
        when(threats.get("threat-1")).thenReturn(outdated);
        when(actions.scan(outdated)).thenReturn(asset().osSupported(false).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        assertThat(THREAT_PERSISTS.from(execution)).isTrue();
        verifyNoInteractions(probe);
        verify(actions, never()).recordObservation(any(), any(), any());
    }

    @ParameterizedTest(name = "attempt {0} of maxRetries 2 leaves {1}")
    @CsvSource({"1, 2", "2, 1", "3, 0", "4, 0", "7, 0"})
    void shouldCountRetriesLeft_fromMaxRetriesAndAttempt_neverBelowZero(int attempt, int retriesLeft) {
        when(actions.scan(threat)).thenReturn(stillOpen);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", ERADICATION_ATTEMPT.name(), attempt));

        delegate.execute(execution);

        assertThat(RETRIES_LEFT.from(execution)).isEqualTo(retriesLeft);
    }

    @Test
    void shouldReportPersistingThreat_withRetriesLeft() {
        when(actions.scan(threat)).thenReturn(stillOpen);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", ERADICATION_ATTEMPT.name(), 1));

        delegate.execute(execution);

        assertThat(THREAT_PERSISTS.from(execution)).isTrue();
        assertThat(VALIDATION_RESULT.from(execution))
                .startsWith("The threat is still present after attempt 1 (2 retries left). Scan: legacy-hr-01")
                .contains("open ports [3389]");
        verify(threats).markPhase("threat-1", Phase.VALIDATED);
    }

    @Test
    void shouldReportThreatGone_whenScanNoLongerShowsIt() {
        when(actions.scan(threat)).thenReturn(closed);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", ERADICATION_ATTEMPT.name(), 2));

        delegate.execute(execution);

        assertThat(THREAT_PERSISTS.from(execution)).isFalse();
        assertThat(RETRIES_LEFT.from(execution)).isEqualTo(1);
        assertThat(VALIDATION_RESULT.from(execution)).startsWith("The threat is no longer present after attempt 2. Scan: ");
        verify(threats).markPhase("threat-1", Phase.VALIDATED);
    }

    @Test
    void shouldTreatMissingAttemptAsFirst() {
        when(actions.scan(threat)).thenReturn(stillOpen);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        assertThat(RETRIES_LEFT.from(execution)).isEqualTo(2);
        assertThat(VALIDATION_RESULT.from(execution)).contains("after attempt 1");
    }
}
