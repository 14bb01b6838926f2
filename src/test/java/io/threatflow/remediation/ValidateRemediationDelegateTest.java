package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ERADICATION_ATTEMPT;
import static io.threatflow.remediation.RemediationProcess.REMEDIATION_ACTION;
import static io.threatflow.remediation.RemediationProcess.SOURCE_WORD_DUE;
import static io.threatflow.remediation.RemediationProcess.VALIDATION_OBSERVED;
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
import io.threatflow.action.ActionType;
import io.threatflow.validation.SourceWordSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
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
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final ValidateRemediationDelegate delegate = new ValidateRemediationDelegate(threats, actions, probe,
            new RemediationProperties(2), new SourceWordSettings(Duration.ofDays(3)), Clock.fixed(NOW, ZoneOffset.UTC));

    /** The case's variables before validation: eradication by closing the port, attempt {@code attempt}. */
    private static Map<String, Object> eradicated(int attempt) {
        return Map.of(THREAT_ID.name(), "threat-1", ERADICATION_ATTEMPT.name(), attempt,
                REMEDIATION_ACTION.name(), "CLOSE_PORT");
    }

    @BeforeEach
    void registerThreat_noProbing_simulatedActions() {
        when(threats.get("threat-1")).thenReturn(threat);
        when(actions.wasSimulated(any())).thenReturn(true);
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

        assertThat(VALIDATION_OBSERVED.from(execution)).isTrue();
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
    void shouldNotProbe_aThreatThatIsNoExposedService_andReadASimulationBackFromTheInventory_sayingSo() {
        Threat outdated = threat(ThreatType.OUTDATED_OS).build();
        when(threats.get("threat-1")).thenReturn(outdated);
        when(actions.scan(outdated)).thenReturn(asset().osSupported(false).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", REMEDIATION_ACTION.name(),
                "UPGRADE_OS"));

        delegate.execute(execution);

        assertThat(VALIDATION_OBSERVED.from(execution)).isTrue();
        assertThat(THREAT_PERSISTS.from(execution)).isTrue();
        assertThat(VALIDATION_RESULT.from(execution)).contains("SIMULATION: read back from ThreatFlow's own inventory");
        verify(actions).wasSimulated(ActionKey.eradication("threat-1", ActionType.UPGRADE_OS,
                execution.getProcessInstanceId(), 1, 1));
        verifyNoInteractions(probe);
        verify(actions, never()).recordObservation(any(), any(), any());
    }

    @Test
    void shouldWaitForTheSourcesWord_whenARealSystemActed_andNothingCanBeProbed() {
        Threat log4shell = threat(ThreatType.VULNERABILITY).build();
        when(threats.get("threat-1")).thenReturn(log4shell);
        when(actions.scan(log4shell)).thenReturn(asset().build());
        when(actions.wasSimulated(any())).thenReturn(false);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", REMEDIATION_ACTION.name(),
                "PATCH_SOFTWARE"));

        delegate.execute(execution);

        assertThat(VALIDATION_OBSERVED.from(execution)).isFalse();
        assertThat(THREAT_PERSISTS.optionalFrom(execution)).as("not decided on the action's own claim").isEmpty();
        assertThat(SOURCE_WORD_DUE.from(execution)).isEqualTo(Date.from(NOW.plus(Duration.ofDays(3))));
        assertThat(VALIDATION_RESULT.from(execution)).contains("Waiting for the source").contains("2026-12-04 10:00 UTC");
        verify(threats).markPhase("threat-1", Phase.VALIDATED);
    }

    @Test
    void shouldWaitForTheSourcesWord_whenNoActionIsNamed() {
        when(actions.scan(threat)).thenReturn(stillOpen);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", REMEDIATION_ACTION.name(),
                "NO_SUCH_ACTION"));

        delegate.execute(execution);

        assertThat(VALIDATION_OBSERVED.from(execution)).isFalse();
        verify(actions, never()).wasSimulated(any());
    }

    @ParameterizedTest(name = "attempt {0} of maxRetries 2 leaves {1}")
    @CsvSource({"1, 2", "2, 1", "3, 0", "4, 0", "7, 0"})
    void shouldCountRetriesLeft_fromMaxRetriesAndAttempt_neverBelowZero(int attempt, int retriesLeft) {
        when(actions.scan(threat)).thenReturn(stillOpen);
        DelegateExecution execution = execution(eradicated(attempt));

        delegate.execute(execution);

        assertThat(RETRIES_LEFT.from(execution)).isEqualTo(retriesLeft);
    }

    @Test
    void shouldReportPersistingThreat_withRetriesLeft() {
        when(actions.scan(threat)).thenReturn(stillOpen);
        DelegateExecution execution = execution(eradicated(1));

        delegate.execute(execution);

        assertThat(THREAT_PERSISTS.from(execution)).isTrue();
        assertThat(VALIDATION_RESULT.from(execution))
                .startsWith("The threat is still present after attempt 1 (2 retries left). SIMULATION: read back from "
                        + "ThreatFlow's own inventory, which the simulated action changed: legacy-hr-01")
                .contains("open ports 3389,").doesNotContain("[", "CONNECTED", "MEDIUM");
        verify(threats).markPhase("threat-1", Phase.VALIDATED);
    }

    @Test
    void shouldReportThreatGone_whenScanNoLongerShowsIt() {
        when(actions.scan(threat)).thenReturn(closed);
        DelegateExecution execution = execution(eradicated(2));

        delegate.execute(execution);

        assertThat(THREAT_PERSISTS.from(execution)).isFalse();
        assertThat(RETRIES_LEFT.from(execution)).isEqualTo(1);
        assertThat(VALIDATION_RESULT.from(execution)).startsWith("The threat is no longer present after attempt 2. SIMULATION");
        verify(threats).markPhase("threat-1", Phase.VALIDATED);
    }

    @Test
    void shouldTreatMissingAttemptAsFirst() {
        when(actions.scan(threat)).thenReturn(stillOpen);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", REMEDIATION_ACTION.name(),
                "CLOSE_PORT"));

        delegate.execute(execution);

        assertThat(RETRIES_LEFT.from(execution)).isEqualTo(2);
        assertThat(VALIDATION_RESULT.from(execution)).contains("after attempt 1");
    }
}
