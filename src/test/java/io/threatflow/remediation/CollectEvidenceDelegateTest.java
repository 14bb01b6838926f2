package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ERADICATION_ATTEMPT;
import static io.threatflow.remediation.RemediationProcess.EVIDENCE;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATION_ROUND;
import static io.threatflow.remediation.RemediationProcess.OTHER_OPEN_THREATS;
import static io.threatflow.remediation.RemediationProcess.REJECTION_REASON;
import static io.threatflow.remediation.RemediationProcess.REMEDIATION_ACTION;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestAssets.asset;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionService;
import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectEvidenceDelegateTest {

    private final Threat threat = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();
    private final ThreatService threats = mock(ThreatService.class);
    private final ActionService actions = mock(ActionService.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:10:00Z"), ZoneOffset.UTC);
    private final CollectEvidenceDelegate delegate = new CollectEvidenceDelegate(threats, actions, clock);

    @BeforeEach
    void registerThreat() {
        when(threats.get("threat-1")).thenReturn(threat);
        when(actions.scan(threat)).thenReturn(asset().openPorts(3389).build());
    }

    @Test
    void shouldStartFirstRound_withFreshScan_andNoOtherThreats() {
        when(threats.openThreatsOnSameAsset(threat)).thenReturn(List.of());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        assertThat(INVESTIGATION_ROUND.from(execution)).isEqualTo(1);
        assertThat(OTHER_OPEN_THREATS.from(execution)).isZero();
        assertThat(ERADICATION_ATTEMPT.from(execution)).isZero();
        assertThat(EVIDENCE.from(execution))
                .startsWith("Evidence taken 2026-12-02 06:10 UTC, investigation round 1.\nAsset:\n")
                .contains("- Host: legacy-hr-01 (10.0.3.30)\n", "- Open ports: 3389\n", "- Blocked ports: none\n")
                .endsWith("Other open threats on this asset: none")
                .doesNotContain("[", "CONNECTED", "unknown OS ,");
    }

    @Test
    void shouldStartNextRound_listingOtherThreats_andLastRefusal() {
        Threat other = threat(ThreatType.MALWARE).id("threat-2").title("Emotet dropper").severity(Severity.CRITICAL)
                .build();
        when(threats.openThreatsOnSameAsset(threat)).thenReturn(List.of(other));
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", INVESTIGATION_ROUND.name(), 2,
                ERADICATION_ATTEMPT.name(), 3, REJECTION_REASON.name(), "asset is not managed",
                REMEDIATION_ACTION.name(), "CLOSE_PORT"));

        delegate.execute(execution);

        assertThat(INVESTIGATION_ROUND.from(execution)).isEqualTo(3);
        assertThat(OTHER_OPEN_THREATS.from(execution)).as("the blast radius approval-policy weighs").isEqualTo(1);
        assertThat(ERADICATION_ATTEMPT.from(execution)).isZero();
        assertThat(EVIDENCE.from(execution))
                .startsWith("Evidence taken 2026-12-02 06:10 UTC, investigation round 3.")
                .contains("Other open threats on this asset:\n- Malware: Emotet dropper (critical, open)")
                .endsWith("\nLast action: Close the port, refused: asset is not managed");
        assertThat(REMEDIATION_ACTION.optionalFrom(execution)).as("the refused action is not offered again").isEmpty();
    }

    @Test
    void shouldNameTenOtherThreats_andCountTheRest_whenAScanLeftHundredsOnTheHost() {
        String longTitle = "x".repeat(200);
        List<Threat> many = java.util.stream.IntStream.range(0, 300).mapToObj(n -> threat(ThreatType.VULNERABILITY)
                .id("threat-" + (n + 10)).title(n + " " + longTitle).severity(Severity.HIGH).build()).toList();
        when(threats.openThreatsOnSameAsset(threat)).thenReturn(many);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        String evidence = EVIDENCE.from(execution);
        assertThat(OTHER_OPEN_THREATS.from(execution)).isEqualTo(300);
        assertThat(evidence).as("the engine keeps at most 4,000 characters in a text variable").hasSizeLessThanOrEqualTo(4000)
                .contains("- Vulnerability: 9 " + longTitle).doesNotContain("- Vulnerability: 10 ")
                .endsWith("- and 290 more (the Threats page lists them all)");
    }
}
