package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.ASSET_CRITICALITY;
import static io.threatflow.mitigation.MitigationProcess.ASSET_NAME;
import static io.threatflow.mitigation.MitigationProcess.KNOWN_EXPLOITED;
import static io.threatflow.mitigation.MitigationProcess.OTHER_OPEN_THREATS;
import static io.threatflow.mitigation.MitigationProcess.CASE_ID;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;
import static io.threatflow.mitigation.MitigationProcess.SEVERITY;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.mitigation.MitigationProcess.THREAT_TITLE;
import static io.threatflow.mitigation.MitigationProcess.THREAT_TYPE;
import static io.threatflow.testing.FakeExecution.calledFrom;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.InventoryService;
import io.threatflow.testing.FakeExecution;
import io.threatflow.testing.TestThreats;
import io.threatflow.testing.TestAssets;
import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class PrepareMitigationDelegateTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final InventoryService inventory = mock(InventoryService.class);
    private final PrepareMitigationDelegate delegate = new PrepareMitigationDelegate(threats, inventory);

    @Test
    void shouldDefaultToLongTermAtLevelOne_andLoadThreat_whenStartedOnItsOwn() {
        givenThreat(threat(ThreatType.OUTDATED_OS).title("Windows Server 2012 R2 out of support")
                .severity(Severity.HIGH).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), " threat-1 "));

        delegate.execute(execution);

        assertThat(execution.getVariables())
                .containsEntry(THREAT_ID.name(), "threat-1")
                .containsEntry(CASE_ID.name(), FakeExecution.PROCESS_INSTANCE_ID)
                .containsEntry(MITIGATION_MODE.name(), "LONG_TERM")
                .containsEntry(MITIGATION_LEVEL.name(), 1)
                .containsEntry(THREAT_TITLE.name(), "Windows Server 2012 R2 out of support")
                .containsEntry(THREAT_TYPE.name(), "OUTDATED_OS")
                .containsEntry(ASSET_NAME.name(), "legacy-hr-01")
                .containsEntry(SEVERITY.name(), "HIGH");
        assertThat(execution.getProcessBusinessKey()).isEqualTo("threat-1");
    }

    @Test
    void shouldDefaultToLongTerm_whenModeIsBlank() {
        givenThreat(threat(ThreatType.MALWARE).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", MITIGATION_MODE.name(), " "));

        delegate.execute(execution);

        assertThat(MITIGATION_MODE.from(execution)).isEqualTo("LONG_TERM");
    }

    @Test
    void shouldNormaliseMode_andKeepLevelAndBusinessKey_whenCalledByRemediation() {
        givenThreat(threat(ThreatType.MALWARE).build());
        DelegateExecution execution = calledFrom(execution(Map.of(THREAT_ID.name(), "threat-1",
                MITIGATION_MODE.name(), " containment", MITIGATION_LEVEL.name(), 2L), "case-7"), "remediation-7");

        delegate.execute(execution);

        assertThat(MITIGATION_MODE.from(execution)).isEqualTo("CONTAINMENT");
        assertThat(MITIGATION_LEVEL.from(execution)).isEqualTo(2);
        assertThat(execution.getProcessBusinessKey()).isEqualTo("case-7");
    }

    @Test
    void shouldActInTheCallersCase_whenCalledByRemediation() {
        givenThreat(threat(ThreatType.MALWARE).build());
        DelegateExecution execution = calledFrom(execution(Map.of(THREAT_ID.name(), "threat-1",
                MITIGATION_MODE.name(), "CONTAINMENT"), "threat-1", "mitigation-3"), "remediation-7");

        delegate.execute(execution);

        assertThat(CASE_ID.from(execution)).isEqualTo("remediation-7");
    }

    @Test
    void shouldBeItsOwnCase_whenStartedOnItsOwn() {
        givenThreat(threat(ThreatType.MALWARE).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"), null, "mitigation-3");

        delegate.execute(execution);

        assertThat(CASE_ID.from(execution)).isEqualTo("mitigation-3");
    }

    @Test
    void shouldReplaceACaseIdPassedIn_withTheCallersCase() {
        givenThreat(threat(ThreatType.MALWARE).build());
        DelegateExecution execution = calledFrom(execution(Map.of(THREAT_ID.name(), "threat-1",
                CASE_ID.name(), "remediation-1"), "threat-1", "mitigation-3"), "remediation-7");

        delegate.execute(execution);

        assertThat(CASE_ID.from(execution)).isEqualTo("remediation-7");
    }

    @Test
    void shouldAssumeMediumSeverity_whenThreatIsNotAssessedYet() {
        givenThreat(threat(ThreatType.MALWARE).severity(null).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        assertThat(SEVERITY.from(execution)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void shouldNameMitigationMode_whenModeIsUnknown() {
        givenThreat(threat(ThreatType.MALWARE).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", MITIGATION_MODE.name(), "SHORT"));

        assertThatThrownBy(() -> delegate.execute(execution))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("'mitigationMode' must be one of [CONTAINMENT, LONG_TERM], not 'SHORT'");
        assertThat(execution.getVariables()).doesNotContainKeys(CASE_ID.name(), THREAT_TITLE.name(),
                MITIGATION_LEVEL.name());
    }

    @Test
    void shouldSetWhatApprovalPolicyDecidesFrom_forEachMeasure() {
        Threat threat = threat(ThreatType.MALWARE).knownExploited().build();
        givenThreat(threat);
        when(inventory.get(TestThreats.ASSET_ID)).thenReturn(TestAssets.asset().criticality(Criticality.CRITICAL).build());
        when(threats.openThreatsOnSameAsset(threat)).thenReturn(List.of(threat(ThreatType.VULNERABILITY).id("t-2").build(),
                threat(ThreatType.EXPOSED_SERVICE).id("t-3").build()));
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        assertThat(execution.getVariables()).containsEntry(ASSET_CRITICALITY.name(), "CRITICAL")
                .containsEntry(KNOWN_EXPLOITED.name(), true).containsEntry(OTHER_OPEN_THREATS.name(), 2);
    }

    private void givenThreat(Threat threat) {
        when(threats.get("threat-1")).thenReturn(threat);
        when(inventory.get(TestThreats.ASSET_ID)).thenReturn(TestAssets.asset().build());
    }
}
