package io.threatflow.threat;

import static io.threatflow.testing.TestAssets.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.inventory.InventoryService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The register marks a threat as a dry run when its report asks for one or when the node runs every case dry
 * ({@code threatflow.connectors.dry-run}, bound here as the application binds it), and keeps that in its row.
 */
class DryRunRegistrationTest {

    private final ThreatRepository threats = mock(ThreatRepository.class);
    private final InventoryService inventory = mock(InventoryService.class);

    private final ApplicationContextRunner node = new ApplicationContextRunner()
            .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC))
            .withBean(ThreatRepository.class, () -> threats)
            .withBean(FingerprintRepository.class, () -> mock(FingerprintRepository.class))
            .withBean(SightingRepository.class, () -> mock(SightingRepository.class))
            .withBean(InventoryService.class, () -> inventory)
            .withBean(ThreatService.class);

    @ParameterizedTest(name = "report asks {0}, node set {1}: dry run {2}")
    @CsvSource({"false, false, false", "true, false, true", "false, true, true", "true, true, true"})
    void shouldRegisterADryRun_whenTheReportOrTheNodeAsksForIt(boolean asked, boolean nodeSet, boolean dryRun) {
        when(inventory.resolveId("legacy-hr-01")).thenReturn(asset().build().id());

        node.withPropertyValues("threatflow.connectors.dry-run=" + nodeSet).run(app -> {
            Threat registered = app.getBean(ThreatService.class).register(new NewThreat("RDP exposed",
                    ThreatType.EXPOSED_SERVICE, "legacy-hr-01", null, null, null, 3389, "scanner", null, null, asked));

            assertThat(registered.dryRun()).isEqualTo(dryRun);
            ArgumentCaptor<Threat> row = ArgumentCaptor.forClass(Threat.class);
            verify(threats).insert(row.capture());
            assertThat(row.getValue().dryRun()).as("the register's row").isEqualTo(dryRun);
        });
    }
}
