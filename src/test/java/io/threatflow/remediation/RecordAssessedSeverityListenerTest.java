package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class RecordAssessedSeverityListenerTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final RecordAssessedSeverityListener listener = new RecordAssessedSeverityListener(threats);

    @Test
    void shouldRecordDecidedSeverity_whenNothingRatedTheThreatYet() {
        when(threats.get("threat-1")).thenReturn(threat(ThreatType.VULNERABILITY).severity(null).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "HIGH"));

        listener.notify(execution);

        verify(threats).recordSeverity("threat-1", Severity.HIGH);
        assertThat(execution.getVariable(SEVERITY.name())).isEqualTo("HIGH");
        // a decision without SSVC (a modeler removed it) still says what it decided
        assertThat(execution.getVariable(SEVERITY_REASONS.name())).isEqualTo("Severity: High.");
    }

    @Test
    void shouldSayTheEpssScoreIsAboveTheThreshold_whenThatMadeItAProofOfConcept() {
        when(threats.get("threat-1")).thenReturn(threat(ThreatType.VULNERABILITY).severity(null).build());
        Map<String, Object> variables = new HashMap<>(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "MEDIUM",
                SEVERITY_RULE.name(), "SSVC decision Track*", SSVC_DECISION.name(), "Track*",
                SSVC_EXPLOITATION.name(), "poc", SSVC_AUTOMATABLE.name(), "no",
                SSVC_TECHNICAL_IMPACT.name(), "total", SSVC_MISSION_IMPACT.name(), "medium",
                ASSET_CRITICALITY.name(), "MEDIUM", EPSS_SCORE.name(), 0.35));
        variables.putAll(Map.of(EPSS_POC_THRESHOLD.name(), 0.1, CVSS_SCORE.name(), 9.1, CVE.name(), "CVE-2099-0001"));
        DelegateExecution execution = execution(variables);

        listener.notify(execution);

        assertThat((String) execution.getVariable(SEVERITY_REASONS.name()))
                .contains("SSVC decision: track closely (at least medium)")
                .contains("Set by the rule: SSVC decision track closely.")
                .contains("- Exploitation: Proof of concept, EPSS 0.35 is above the threshold 0.1.")
                .contains("- Technical impact: Total, CVSS 9.1.")
                .doesNotContain("Track*", "MEDIUM", "poc");
    }

    @Test
    void shouldKeepTheHigherRating_whenASightingRaisedTheThreatAboveTheDecision() {
        when(threats.get("threat-1")).thenReturn(threat(ThreatType.VULNERABILITY).severity(Severity.CRITICAL).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "MEDIUM"));

        listener.notify(execution);

        verify(threats).recordSeverity("threat-1", Severity.CRITICAL);
        assertThat(execution.getVariable(SEVERITY.name())).isEqualTo("CRITICAL");
    }

    @Test
    void shouldSayWhichInputsLedToTheDecision_inWords() {
        when(threats.get("threat-1")).thenReturn(threat(ThreatType.EXPOSED_SERVICE).severity(null).build());
        Map<String, Object> variables = new HashMap<>(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "HIGH",
                SEVERITY_RULE.name(), "the exposed service's floor is HIGH", SSVC_DECISION.name(), "Track",
                SSVC_EXPLOITATION.name(), "none", SSVC_AUTOMATABLE.name(), "yes",
                SSVC_TECHNICAL_IMPACT.name(), "partial", SSVC_MISSION_IMPACT.name(), "medium",
                ASSET_CRITICALITY.name(), "MEDIUM", THREAT_TYPE.name(), "EXPOSED_SERVICE"));
        variables.putAll(Map.of(INTERNET_FACING.name(), true, RISKY_SERVICE.name(), "remote desktop (RDP)",
                PORT.name(), 3389, EPSS_SCORE.name(), 0.02, EPSS_POC_THRESHOLD.name(), 0.1));
        DelegateExecution execution = execution(variables);

        listener.notify(execution);

        assertThat((String) execution.getVariable(SEVERITY_REASONS.name())).isEqualTo("""
                Severity: High; SSVC decision: track within the usual timelines.
                Set by the rule: the exposed service's floor is high.
                - Exploitation: None, EPSS 0.02 is not above the threshold 0.1.
                - Automatable: Yes, the asset is internet-facing (inventory or report); port 3389 is remote desktop \
                (RDP), a service attackers scan and exploit in bulk.
                - Technical impact: Partial, no CVSS score reported.
                - Mission and well-being impact: Medium, the asset's criticality is medium.""");
    }

    @Test
    void shouldSayTheCveIsExploitedInTheWild_andThatASightingRaisedTheSeverity() {
        when(threats.get("threat-1")).thenReturn(threat(ThreatType.VULNERABILITY).severity(Severity.CRITICAL).build());
        Map<String, Object> variables = new HashMap<>(Map.of(THREAT_ID.name(), "threat-1",
                SEVERITY.name(), "HIGH", SEVERITY_RULE.name(), "SSVC decision Attend", SSVC_DECISION.name(), "Attend",
                SSVC_EXPLOITATION.name(), "active", SSVC_AUTOMATABLE.name(), "no",
                SSVC_TECHNICAL_IMPACT.name(), "total", SSVC_MISSION_IMPACT.name(), "low",
                ASSET_CRITICALITY.name(), "LOW", KNOWN_EXPLOITED.name(), true));
        variables.putAll(Map.of(CVE.name(), "CVE-2024-3400", CVSS_SCORE.name(), 10.0));
        DelegateExecution execution = execution(variables);

        listener.notify(execution);

        assertThat((String) execution.getVariable(SEVERITY_REASONS.name()))
                .startsWith("Severity: Critical; SSVC decision: attend sooner than usual (at least high).")
                .contains("Raised from high by a report of the same threat while it was assessed.")
                .contains("- Exploitation: Active, CVE-2024-3400 is in the CISA KEV catalogue (exploited in the wild).")
                .contains("- Automatable: No, not internet-facing and no risky service reported.")
                .contains("- Technical impact: Total, CVSS 10.0.");
    }
}
