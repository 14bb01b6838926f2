package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.sla.DueTimes;
import io.threatflow.sla.SlaRegister;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordServiceLevelsListenerTest {

    /** The report time of {@code TestThreats}. */
    private static final Instant REPORTED = Instant.parse("2025-06-01T08:00:00Z");

    private final ThreatService threats = mock(ThreatService.class);
    private final SlaRegister register = mock(SlaRegister.class);

    @BeforeEach
    void threatReportedAtEight() {
        when(threats.get("threat-1")).thenReturn(threat(ThreatType.VULNERABILITY).build());
        assertThat(threats.get("threat-1").reportedAt()).isEqualTo(REPORTED);
    }

    private RecordServiceLevelsListener listenerAt(String now) {
        return new RecordServiceLevelsListener(threats, register, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private static DelegateExecution policy(String triage, String contain, String resolve, DueTimes held) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(THREAT_ID.name(), "threat-1");
        variables.put(TRIAGE_WITHIN.name(), triage);
        variables.put(CONTAIN_WITHIN.name(), contain);
        variables.put(RESOLVE_WITHIN.name(), resolve);
        if (held != null) {
            variables.put(TRIAGE_DUE.name(), Date.from(held.triageDue()));
            variables.put(CONTAIN_DUE.name(), held.containDue() == null ? null : Date.from(held.containDue()));
            variables.put(RESOLVE_DUE.name(), Date.from(held.resolveDue()));
        }
        return execution(variables);
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    @Test
    void shouldSetDueTimesFromReportTime_whenCaseIsRegistered() {
        DelegateExecution execution = policy("PT15M", "PT1H", "PT24H", null);

        listenerAt("2025-06-01T08:00:05Z").notify(execution);

        DueTimes expected = new DueTimes(Instant.parse("2025-06-01T08:15:00Z"), Instant.parse("2025-06-01T09:00:00Z"),
                Instant.parse("2025-06-02T08:00:00Z"));
        verify(register).recordDueTimes("threat-1", expected);
        assertThat(TRIAGE_DUE.from(execution)).isEqualTo(at("2025-06-01T08:15:00Z"));
        assertThat(CONTAIN_DUE.from(execution)).isEqualTo(at("2025-06-01T09:00:00Z"));
        assertThat(RESOLVE_DUE.from(execution)).isEqualTo(at("2025-06-02T08:00:00Z"));
    }

    @Test
    void shouldSetContainDueToNull_whenPolicyHasNoContainmentLevel() {
        DelegateExecution execution = policy("P1D", null, "P30D", null);

        listenerAt("2025-06-01T08:00:05Z").notify(execution);

        verify(register).recordDueTimes("threat-1", new DueTimes(Instant.parse("2025-06-02T08:00:00Z"), null,
                Instant.parse("2025-07-01T08:00:00Z")));
        assertThat(execution.hasVariable(CONTAIN_DUE.name())).as("set, so ${containDue != null} can test it").isTrue();
        assertThat(CONTAIN_DUE.optionalFrom(execution)).isEmpty();
    }

    @Test
    void shouldFollowTriagedSeverity_forDueTimesStillAhead() {
        // registered LOW (no containment level), triaged HIGH at 10:00
        DueTimes low = new DueTimes(Instant.parse("2025-06-02T08:00:00Z"), null, Instant.parse("2025-07-01T08:00:00Z"));
        DelegateExecution execution = policy("PT1H", "PT4H", "P3D", low);

        listenerAt("2025-06-01T10:00:00Z").notify(execution);

        DueTimes expected = new DueTimes(low.triageDue(), Instant.parse("2025-06-01T12:00:00Z"),
                Instant.parse("2025-06-04T08:00:00Z"));
        verify(register).recordDueTimes("threat-1", expected);
        assertThat(TRIAGE_DUE.from(execution)).as("triage is done, its due time stands")
                .isEqualTo(at("2025-06-02T08:00:00Z"));
        assertThat(CONTAIN_DUE.from(execution)).isEqualTo(at("2025-06-01T12:00:00Z"));
        assertThat(RESOLVE_DUE.from(execution)).isEqualTo(at("2025-06-04T08:00:00Z"));
    }

    @Test
    void shouldKeepPassedContainDue_whenTriageLowersSeverityAfterIt() {
        // registered CRITICAL, containment due 09:00 has passed when triage lowers the case to LOW at 10:00
        DueTimes critical = new DueTimes(Instant.parse("2025-06-01T08:15:00Z"), Instant.parse("2025-06-01T09:00:00Z"),
                Instant.parse("2025-06-02T08:00:00Z"));
        DelegateExecution execution = policy("P1D", null, "P30D", critical);

        listenerAt("2025-06-01T10:00:00Z").notify(execution);

        DueTimes expected = new DueTimes(critical.triageDue(), critical.containDue(),
                Instant.parse("2025-07-01T08:00:00Z"));
        verify(register).recordDueTimes("threat-1", expected);
        assertThat(CONTAIN_DUE.from(execution)).as("its breach happened").isEqualTo(at("2025-06-01T09:00:00Z"));
        assertThat(RESOLVE_DUE.from(execution)).isEqualTo(at("2025-07-01T08:00:00Z"));
    }
}
