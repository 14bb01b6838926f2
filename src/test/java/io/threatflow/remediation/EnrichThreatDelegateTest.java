package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestAssets.asset;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionService;
import io.threatflow.inventory.InventoryService;
import io.threatflow.threat.KnownExploitedCatalog;
import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.AttackCatalogue;
import io.threatflow.threat.ThreatEvidence;
import io.threatflow.threat.ThreatType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichThreatDelegateTest {

    private static final KnownExploitedCatalog.Entry PAN_OS = new KnownExploitedCatalog.Entry("CVE-2024-3400",
            "Palo Alto Networks", "PAN-OS", "PAN-OS Command Injection Vulnerability", "2024-04-12",
            "Apply mitigations per vendor instructions.", "2024-04-19", "Unknown");

    private final ThreatService threats = mock(ThreatService.class);
    private final InventoryService inventory = mock(InventoryService.class);
    private final KnownExploitedCatalog kev = mock(KnownExploitedCatalog.class);
    private final ActionService actions = mock(ActionService.class);
    private final EnrichThreatDelegate delegate = new EnrichThreatDelegate(threats, inventory, actions, kev,
            new SsvcSettings(0.1));
    private final DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

    @BeforeEach
    void inventoryKnowsAsset() {
        when(inventory.get("asset-1")).thenReturn(asset().build());
        when(actions.reach(any())).thenReturn("edr: isolate host, reconnect host");
        when(kev.version()).thenReturn("2025.06.01");
        when(threats.evidence("threat-1")).thenReturn(ThreatEvidence.NONE);
    }

    @Test
    void shouldPassTheReportsEvidence_toTheSsvcDecisionAndTheResponsePlan() {
        givenThreat(threat(ThreatType.VULNERABILITY).cve("CVE-2020-0001").build());
        when(kev.find("CVE-2020-0001")).thenReturn(Optional.empty());
        when(threats.evidence("threat-1")).thenReturn(new ThreatEvidence(9.8, 0.35, true, true,
                List.of(AttackCatalogue.describe("T1486"), AttackCatalogue.describe("T1190"))));

        delegate.execute(execution);

        assertThat(execution.getVariables())
                .containsEntry(CVSS_SCORE.name(), 9.8)
                .containsEntry(EPSS_SCORE.name(), 0.35)
                .containsEntry(EPSS_POC_THRESHOLD.name(), 0.1)
                .containsEntry(EXPLOIT_AVAILABLE.name(), true)
                .containsEntry(INTERNET_FACING.name(), true)
                .containsEntry(ATTACK_IDS.name(), "T1486 TA0040 T1190 TA0001")
                .containsEntry(ATTACK_SUMMARY.name(), "T1486 Data Encrypted for Impact (Impact, TA0040)\n"
                        + "T1190 Exploit Public-Facing Application (Initial Access, TA0001)");
    }

    @Test
    void shouldCountTheAssetAsInternetFacing_whenTheInventorySaysSo() {
        givenThreat(threat(ThreatType.EXPOSED_SERVICE).port(3389).build());
        when(inventory.get("asset-1")).thenReturn(asset().internetFacing(true).build());

        delegate.execute(execution);

        assertThat(execution.getVariables()).containsEntry(INTERNET_FACING.name(), true)
                .containsEntry(ATTACK_IDS.name(), "").containsEntry(ATTACK_SUMMARY.name(), "none reported");
    }

    @Test
    void shouldRecordKnownExploitation_whenCveIsInKev() {
        givenThreat(threat(ThreatType.VULNERABILITY).cve("CVE-2024-3400").reportedSeverity(Severity.HIGH).build());
        when(kev.find("CVE-2024-3400")).thenReturn(Optional.of(PAN_OS));

        delegate.execute(execution);

        verify(threats).recordEnrichment("threat-1", true);
        assertThat(execution.getVariables())
                .containsEntry(KNOWN_EXPLOITED.name(), true)
                .containsEntry(KEV_SUMMARY.name(), PAN_OS.summary())
                .containsEntry(ASSET_CRITICALITY.name(), "MEDIUM")
                .containsEntry(ASSET_MANAGEMENT.name(), "edr: isolate host, reconnect host")
                .containsEntry(REPORTED_SEVERITY.name(), "HIGH");
    }

    @Test
    void shouldSayCveIsNotInKev_withCatalogueVersion() {
        givenThreat(threat(ThreatType.VULNERABILITY).cve("CVE-2020-0001").build());
        when(kev.find("CVE-2020-0001")).thenReturn(Optional.empty());

        delegate.execute(execution);

        verify(threats).recordEnrichment("threat-1", false);
        assertThat(execution.getVariables())
                .containsEntry(KNOWN_EXPLOITED.name(), false)
                .containsEntry(KEV_SUMMARY.name(), "CVE-2020-0001 is not in the CISA KEV catalogue (version 2025.06.01).")
                .containsEntry(REPORTED_SEVERITY.name(), null);
    }

    @Test
    void shouldSayNoCveReported_whenThreatHasNone() {
        givenThreat(threat(ThreatType.MALWARE).build());
        when(kev.find(null)).thenReturn(Optional.empty());

        delegate.execute(execution);

        verify(threats).recordEnrichment("threat-1", false);
        assertThat(KEV_SUMMARY.from(execution)).isEqualTo("No CVE reported.");
    }

    private void givenThreat(Threat threat) {
        when(threats.get("threat-1")).thenReturn(threat);
    }

    @Test
    void shouldSayWhoCanActOnTheAsset_asTheRoutesHaveIt() {
        var unmanaged = asset().unmanaged().build();
        when(inventory.get("asset-1")).thenReturn(unmanaged);
        when(actions.reach(unmanaged)).thenReturn("UNMANAGED: no connector is routed for any action on legacy-hr-01");
        givenThreat(threat(ThreatType.EXPOSED_SERVICE).port(23).build());

        delegate.execute(execution);

        assertThat(execution.getVariables()).containsEntry(ASSET_MANAGEMENT.name(),
                "UNMANAGED: no connector is routed for any action on legacy-hr-01");
    }

    @Test
    void shouldSayWhatWasReported_inWords_forTriage() {
        givenThreat(threat(ThreatType.EXPOSED_SERVICE).port(3389).reportedSeverity(Severity.HIGH).build());
        execution.setVariable(REPORTED_BY.name(), "alice");

        delegate.execute(execution);

        assertThat(REPORT_SUMMARY.from(execution)).isEqualTo("""
                Reported by: alice, through test, 2025-06-01 08:00 UTC
                Type: Exposed service
                Their severity estimate: High
                Port: 3389
                Description: none given""");
    }
}
