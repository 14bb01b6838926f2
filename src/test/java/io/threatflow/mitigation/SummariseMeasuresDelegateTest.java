package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.CASE_ID;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_SUMMARY;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionRecord;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionStatus;
import io.threatflow.action.ActionType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class SummariseMeasuresDelegateTest {

    private final ActionService actions = mock(ActionService.class);
    private final SummariseMeasuresDelegate delegate = new SummariseMeasuresDelegate(actions);

    @Test
    void shouldListOnlyMeasuresOfCurrentCaseModeAndLevel() {
        when(actions.history("threat-1")).thenReturn(List.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, "case-1/mitigation-process-instance-1/containment-level-2",
                        ActionStatus.VERIFIED),
                record(ActionType.ISOLATE_HOST, ActionPurpose.MITIGATION, "case-1/mitigation-process-instance-1/long_term-level-1",
                        ActionStatus.INEFFECTIVE),
                record(ActionType.ISOLATE_HOST, ActionPurpose.MITIGATION, "case-1/mitigation-process-instance-1/long_term-level-2",
                        ActionStatus.VERIFIED),
                record(ActionType.RAISE_MONITORING, ActionPurpose.MITIGATION, "case-1/mitigation-process-instance-1/long_term-level-2",
                        ActionStatus.REJECTED),
                record(ActionType.BLOCK_PORT, ActionPurpose.MITIGATION, "case-1/mitigation-process-instance-1/long_term-level-12",
                        ActionStatus.VERIFIED),
                record(ActionType.DISABLE_ACCOUNT, ActionPurpose.MITIGATION, "case-0/mitigation-process-instance-1/long_term-level-2",
                        ActionStatus.VERIFIED),
                record(ActionType.UPGRADE_OS, ActionPurpose.MITIGATION, "case-11/mitigation-process-instance-1/long_term-level-2",
                        ActionStatus.VERIFIED),
                record(ActionType.PATCH_SOFTWARE, ActionPurpose.ERADICATION, "case-1/round-1/attempt-2",
                        ActionStatus.APPLIED)));
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", CASE_ID.name(), "1",
                MITIGATION_MODE.name(), "LONG_TERM", MITIGATION_LEVEL.name(), 2));

        delegate.execute(execution);

        assertThat(MITIGATION_SUMMARY.from(execution)).isEqualTo("""
                - Isolate the host on legacy-hr-01: verified (detail of case-1/mitigation-process-instance-1/long_term-level-2)
                - Raise monitoring on legacy-hr-01: refused (detail of case-1/mitigation-process-instance-1/long_term-level-2)""");
    }

    @Test
    void shouldSayNoMeasureApplied_whenRoundHasNone() {
        when(actions.history("threat-1")).thenReturn(List.of(
                record(ActionType.ISOLATE_HOST, ActionPurpose.MITIGATION, "case-1/mitigation-process-instance-1/long_term-level-1",
                        ActionStatus.VERIFIED),
                record(ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, "case-0/mitigation-process-instance-1/containment-level-1",
                        ActionStatus.VERIFIED)));
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", CASE_ID.name(), "1",
                MITIGATION_MODE.name(), "CONTAINMENT", MITIGATION_LEVEL.name(), 1));

        delegate.execute(execution);

        assertThat(MITIGATION_SUMMARY.from(execution)).isEqualTo("No measure applied.");
    }

    private static ActionRecord record(ActionType action, ActionPurpose purpose, String occasion, ActionStatus status) {
        String caseId = occasion.substring("case-".length(), occasion.indexOf('/'));
        return new ActionRecord(1L, "threat-1", action, purpose, "legacy-hr-01", status, 1,
                "threat-1/" + purpose + "/" + action + "/" + occasion, caseId, "detail of " + occasion,
                Instant.parse("2025-06-01T10:00:00Z"), null);
    }
}
