package io.threatflow.action;

import static io.threatflow.testing.TestAssets.asset;
import static io.threatflow.testing.TestThreats.threat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.inventory.Asset;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code threatflow.connectors.dry-run=true} makes a (staging) node run every case dry: no action is sent, also for
 * a threat reported for real before the node was switched (new ones the register marks itself, see
 * {@code threat.DryRunRegistrationTest}). The setting is bound as the application binds it, in a small context of
 * the action service: the one Spring context with the engine serves a JVM (see {@code testing.SwitchableAdapters}).
 */
class NodeDryRunTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Configuration
    @EnableConfigurationProperties(ConnectorSettings.class)
    static class Settings {
    }

    interface PortConnector extends Connector, PortControlPort {
    }

    private final ActionLog log = mock(ActionLog.class);
    private final ScannerPort scanner = mock(ScannerPort.class);
    private final PortConnector edr = mock(PortConnector.class);
    private final Asset host = asset().openPorts(3389).build();
    private final Threat reportedForReal = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();
    private final ActionKey close = ActionKey.eradication("threat-1", ActionType.CLOSE_PORT, "case-1", 1, 1);

    private final ApplicationContextRunner node = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues("threatflow.connectors.routes[0].connector=edr")
            .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
            .withBean(ActionLog.class, () -> log)
            .withBean(ScannerPort.class, () -> scanner)
            .withBean(PortConnector.class, () -> edr)
            .withBean(ConnectorRouter.class)
            .withBean(ActionService.class);

    @BeforeEach
    void edrOnTheAsset() {
        when(edr.name()).thenReturn("edr");
        when(edr.describe(close, host, 3389, null)).thenReturn("POST https://edr.example/ports/3389/close");
        when(edr.closePort(close, host, 3389)).thenReturn("port 3389 closed");
        when(scanner.scan("asset-1")).thenReturn(host);
        when(log.findByKey(close)).thenReturn(Optional.empty(), Optional.of(new ActionRecord(1L, "threat-1",
                ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, "legacy-hr-01", ActionStatus.APPLIED, 1,
                close.value(), "case-1", "logged", NOW, null)));
    }

    @Test
    void shouldSendNothing_alsoForAThreatReportedForReal_whenTheNodeIsSetToDryRun() {
        node.withPropertyValues("threatflow.connectors.dry-run=true").run(app -> {
            app.getBean(ActionService.class).apply(reportedForReal, close, 1);

            verify(log).append(eq(close), eq("legacy-hr-01"), eq(ActionStatus.DRY_RUN), eq(1),
                    startsWith("DRY RUN, nothing was sent: edr would close the port"),
                    eq("POST https://edr.example/ports/3389/close"), eq(NOW));
            verify(edr, never()).closePort(any(), any(), any());
        });
    }

    @Test
    void shouldActForReal_withoutTheSetting() {
        node.run(app -> {
            app.getBean(ActionService.class).apply(reportedForReal, close, 1);

            verify(edr).closePort(close, host, 3389);
            verify(log).append(close, "legacy-hr-01", ActionStatus.APPLIED, 1, "port 3389 closed", NOW);
            verify(log, never()).append(any(), anyString(), eq(ActionStatus.DRY_RUN), any(Integer.class), anyString(),
                    anyString(), any());
        });
    }
}
