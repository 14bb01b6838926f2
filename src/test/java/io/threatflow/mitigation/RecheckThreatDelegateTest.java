package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.RISK_RECHECK_RESULT;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.mitigation.MitigationProcess.THREAT_STILL_PRESENT;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionService;
import io.threatflow.inventory.Asset;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.validation.ServiceProbe;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class RecheckThreatDelegateTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final ActionService actions = mock(ActionService.class);
    private final ServiceProbe probe = mock(ServiceProbe.class);
    private final RecheckThreatDelegate delegate = new RecheckThreatDelegate(threats, actions, probe,
            Clock.fixed(Instant.parse("2027-03-31T00:00:05Z"), ZoneOffset.UTC));

    @Test
    void shouldTakeTheProbesWord_forAnExposedService() {
        Threat threat = threat("EXPOSED_SERVICE", 3389);
        Asset asset = mock(Asset.class);
        when(actions.scan(threat)).thenReturn(asset);
        when(probe.probe(asset, 3389)).thenReturn(new ServiceProbe.Observation(ServiceProbe.Verdict.CLOSED,
                "TCP 10.0.0.5:3389 refused the connection"));
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        assertThat(THREAT_STILL_PRESENT.from(execution)).isFalse();
        assertThat(RISK_RECHECK_RESULT.from(execution)).isEqualTo("Re-checked on 2027-03-31 00:00 UTC: the threat is "
                + "gone. TCP 10.0.0.5:3389 refused the connection.");
    }

    @Test
    void shouldReadTheScannedAsset_whenTheServiceMayNotBeProbed() {
        Threat threat = threat("EXPOSED_SERVICE", 3389);
        Asset asset = mock(Asset.class);
        when(asset.openPorts()).thenReturn(java.util.Set.of(3389));
        when(asset.blockedPorts()).thenReturn(java.util.Set.of());
        when(asset.describe()).thenReturn("legacy-hr-01: open ports [3389]");
        when(actions.scan(threat)).thenReturn(asset);
        when(probe.probe(asset, 3389)).thenReturn(new ServiceProbe.Observation(ServiceProbe.Verdict.NOT_PROBED,
                "no probe"));
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        assertThat(THREAT_STILL_PRESENT.from(execution)).isTrue();
        assertThat(RISK_RECHECK_RESULT.from(execution)).startsWith("Re-checked on 2027-03-31 00:00 UTC: the threat is "
                + "still present. Read from the asset as the scanner port reports it").endsWith("open ports [3389]");
    }

    @Test
    void shouldNotProbe_whatIsNoExposedService() {
        Threat threat = threat("OUTDATED_OS", null);
        Asset asset = mock(Asset.class);
        when(asset.osSupported()).thenReturn(true);
        when(asset.describe()).thenReturn("legacy-hr-01: Windows Server 2022");
        when(actions.scan(threat)).thenReturn(asset);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        assertThat(THREAT_STILL_PRESENT.from(execution)).isFalse();
        verify(probe, never()).probe(any(), anyInt());
    }

    private Threat threat(String type, Integer port) {
        Threat threat = mock(Threat.class);
        when(threat.type()).thenReturn(io.threatflow.threat.ThreatType.valueOf(type));
        when(threat.port()).thenReturn(port);
        when(threats.get("threat-1")).thenReturn(threat);
        return threat;
    }
}
