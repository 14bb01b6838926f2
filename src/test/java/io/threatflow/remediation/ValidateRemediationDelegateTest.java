package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ERADICATION_ATTEMPT;
import static io.threatflow.remediation.RemediationProcess.RETRIES_LEFT;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.remediation.RemediationProcess.THREAT_PERSISTS;
import static io.threatflow.remediation.RemediationProcess.VALIDATION_RESULT;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestAssets.asset;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionService;
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
    private final ValidateRemediationDelegate delegate =
            new ValidateRemediationDelegate(threats, actions, new RemediationProperties(2));

    @BeforeEach
    void registerThreat() {
        when(threats.get("threat-1")).thenReturn(threat);
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
