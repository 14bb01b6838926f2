package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ASSET_NAME;
import static io.threatflow.remediation.RemediationProcess.CVE;
import static io.threatflow.remediation.RemediationProcess.DESCRIPTION;
import static io.threatflow.remediation.RemediationProcess.DRY_RUN;
import static io.threatflow.remediation.RemediationProcess.PORT;
import static io.threatflow.remediation.RemediationProcess.REPORTED_BY;
import static io.threatflow.remediation.RemediationProcess.REPORTED_SEVERITY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.remediation.RemediationProcess.THREAT_TITLE;
import static io.threatflow.remediation.RemediationProcess.THREAT_TYPE;
import static io.threatflow.testing.FakeExecution.PROCESS_INSTANCE_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.threat.NewThreat;
import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

class RegisterThreatDelegateTest {

    private final Threat registered = threat(ThreatType.VULNERABILITY).id("threat-42").title("PAN-OS command injection")
            .cve("CVE-2024-3400").port(443).build();
    private final ThreatService threats = mock(ThreatService.class);
    private final RegisterThreatDelegate delegate = new RegisterThreatDelegate(threats);

    @Test
    void shouldRegisterFromFormFields_whenNoThreatIdIsSet() {
        when(threats.register(any())).thenReturn(registered);
        when(threats.get("threat-42")).thenReturn(registered);
        DelegateExecution execution = execution(Map.of(
                THREAT_TITLE.name(), "PAN-OS command injection",
                THREAT_TYPE.name(), " vulnerability ",
                ASSET_NAME.name(), "vpn-gw-01",
                DESCRIPTION.name(), "GlobalProtect gateway exposed",
                REPORTED_SEVERITY.name(), "critical",
                CVE.name(), " cve-2024-3400 ",
                PORT.name(), 443L,
                REPORTED_BY.name(), "alice"));

        delegate.execute(execution);

        ArgumentCaptor<NewThreat> report = ArgumentCaptor.forClass(NewThreat.class);
        verify(threats).register(report.capture());
        assertThat(report.getValue()).isEqualTo(new NewThreat("PAN-OS command injection", ThreatType.VULNERABILITY,
                "vpn-gw-01", "GlobalProtect gateway exposed", Severity.CRITICAL, "CVE-2024-3400", 443,
                "tasklist:alice", null, null, false));
    }

    @Test
    void shouldAttachCase_andWriteThreatVariables_afterRegistering() {
        when(threats.register(any())).thenReturn(registered);
        when(threats.get("threat-42")).thenReturn(registered);
        DelegateExecution execution = execution(minimalForm());

        delegate.execute(execution);

        verify(threats).attachCase("threat-42", PROCESS_INSTANCE_ID);
        assertThat(execution.getProcessBusinessKey()).isEqualTo("threat-42");
        assertThat(execution.getVariables())
                .containsEntry(THREAT_ID.name(), "threat-42")
                .containsEntry(THREAT_TITLE.name(), "PAN-OS command injection")
                .containsEntry(THREAT_TYPE.name(), "VULNERABILITY")
                .containsEntry(ASSET_NAME.name(), "legacy-hr-01")
                .containsEntry(CVE.name(), "CVE-2024-3400")
                .containsEntry(PORT.name(), 443);
    }

    @Test
    void shouldLeaveOptionalFieldsEmpty_andNameSourceTasklist_whenFormHasOnlyRequiredFields() {
        when(threats.register(any())).thenReturn(registered);
        when(threats.get("threat-42")).thenReturn(registered);
        Map<String, Object> form = minimalForm();
        form.put(REPORTED_SEVERITY.name(), " ");
        form.put(CVE.name(), "");

        delegate.execute(execution(form));

        ArgumentCaptor<NewThreat> report = ArgumentCaptor.forClass(NewThreat.class);
        verify(threats).register(report.capture());
        assertThat(report.getValue()).isEqualTo(new NewThreat("Suspicious binary", ThreatType.MALWARE, "laptop-0042",
                null, null, null, null, "tasklist", null, null, false));
    }

    @Test
    void shouldRegisterADryRun_whenTheFormsTickBoxIsSet() {
        when(threats.register(any())).thenReturn(registered);
        when(threats.get("threat-42")).thenReturn(registered);
        Map<String, Object> form = minimalForm();
        form.put(DRY_RUN.name(), true);

        delegate.execute(execution(form));

        ArgumentCaptor<NewThreat> report = ArgumentCaptor.forClass(NewThreat.class);
        verify(threats).register(report.capture());
        assertThat(report.getValue().dryRun()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"threatTitle", "threatType", "assetName"})
    void shouldNameMissingField_andRegisterNothing_whenRequiredFieldIsMissing(String field) {
        Map<String, Object> form = minimalForm();
        form.remove(field);

        assertThatThrownBy(() -> delegate.execute(execution(form)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("'" + field + "' is required to report a threat");
        verify(threats, never()).register(any());
    }

    @Test
    void shouldRefuseAnExposedServiceWithoutPort_inWordsNamingTheField_asTheApiDoes() {
        Map<String, Object> form = minimalForm();
        form.put(THREAT_TYPE.name(), "EXPOSED_SERVICE");

        assertThatThrownBy(() -> delegate.execute(execution(form)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'port' is required for an exposed service: the port it listens on, from 1 to 65535");
        verify(threats, never()).register(any());
    }

    @Test
    void shouldRefuseAMalformedCve_inWords_notWithThePattern() {
        Map<String, Object> form = minimalForm();
        form.put(CVE.name(), "CVE-24-1");

        assertThatThrownBy(() -> delegate.execute(execution(form)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("'cve' must look like CVE-2024-3400")
                .hasMessageNotContaining("\\d").hasMessageNotContaining("^");
        verify(threats, never()).register(any());
    }

    @Test
    void shouldNameField_whenRequiredFieldIsBlank() {
        Map<String, Object> form = minimalForm();
        form.put(THREAT_TITLE.name(), "  ");

        assertThatThrownBy(() -> delegate.execute(execution(form)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("'threatTitle'");
        verify(threats, never()).register(any());
    }

    /** Before: a 5,000-character title reached the database, and the engine API answered 500 with the SQL. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            threatTitle | 201  | must be at most 200 characters
            assetName   | 256  | must be at most 255 characters
            description | 4001 | must be at most 4000 characters""")
    void shouldRefuseAsTheCallersMistake_whenFieldIsLongerThanTheRegisterHolds(String field, int length, String message) {
        Map<String, Object> form = minimalForm();
        form.put(field, "x".repeat(length));

        assertThatThrownBy(() -> delegate.execute(execution(form)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'" + field + "' " + message);
        verify(threats, never()).register(any());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            threatTitle | Beacon\\033[31m
            threatTitle | two\\nlines
            assetName   | host\\0
            description | bell\\7""")
    void shouldRefuseControlCharacters_butKeepLineBreaksOfADescription(String field, String value) {
        Map<String, Object> form = minimalForm();
        form.put(field, value.translateEscapes());

        assertThatThrownBy(() -> delegate.execute(execution(form)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'" + field + "' must not contain control characters");

        when(threats.register(any())).thenReturn(registered);
        when(threats.get("threat-42")).thenReturn(registered);
        form.put(field, field.equals("description") ? "first line\r\n\tsecond" : "\t plain \r\n");
        delegate.execute(execution(form));
        verify(threats).register(any());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            cve  | CVE-2024-1111111111111111111111111111111111111111
            cve  | foo
            port | 0
            port | 65536
            port | 4294967376""")
    void shouldRefuseCveAndPort_thatTheRegisterCannotTake(String field, String value) {
        Map<String, Object> form = minimalForm();
        form.put(field, field.equals("port") ? (Object) Long.valueOf(value) : value);

        assertThatThrownBy(() -> delegate.execute(execution(form)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'" + field + "'");
        verify(threats, never()).register(any());
    }

    @Test
    void shouldNameThreatType_whenItIsUnknown() {
        Map<String, Object> form = minimalForm();
        form.put(THREAT_TYPE.name(), "RANSOMWARE");

        assertThatThrownBy(() -> delegate.execute(execution(form)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageStartingWith("'threatType' must be one of [VULNERABILITY, EXPOSED_SERVICE")
                .hasMessageEndingWith("not 'RANSOMWARE'");
        verify(threats, never()).register(any());
    }

    @Test
    void shouldNameReportedSeverity_whenItIsUnknown() {
        Map<String, Object> form = minimalForm();
        form.put(REPORTED_SEVERITY.name(), "urgent");

        assertThatThrownBy(() -> delegate.execute(execution(form)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageStartingWith("'reportedSeverity' must be one of [LOW, MEDIUM, HIGH, CRITICAL]");
        verify(threats, never()).register(any());
    }

    @Test
    void shouldNotRegisterAgain_whenThreatIdIsSet() {
        when(threats.get("threat-42")).thenReturn(registered);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-42"), "ocsf-finding-17");

        delegate.execute(execution);

        verify(threats, never()).register(any());
        verify(threats).attachCase("threat-42", PROCESS_INSTANCE_ID);
        assertThat(execution.getProcessBusinessKey()).isEqualTo("ocsf-finding-17");
        assertThat(THREAT_TITLE.from(execution)).isEqualTo("PAN-OS command injection");
        assertThat(CVE.from(execution)).isEqualTo("CVE-2024-3400");
    }

    @Test
    void shouldSetBusinessKeyToThreatId_whenThreatIdIsSetAndNoKeyYet() {
        when(threats.get("threat-42")).thenReturn(registered);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-42"));

        delegate.execute(execution);

        assertThat(execution.getProcessBusinessKey()).isEqualTo("threat-42");
    }

    private static Map<String, Object> minimalForm() {
        Map<String, Object> form = new HashMap<>();
        form.put(THREAT_TITLE.name(), "Suspicious binary");
        form.put(THREAT_TYPE.name(), "MALWARE");
        form.put(ASSET_NAME.name(), "laptop-0042");
        return form;
    }
}
