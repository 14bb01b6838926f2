package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_OUTCOME;
import static io.threatflow.mitigation.MitigationProcess.REINVESTIGATION_REASON;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.mitigation.MitigationProcess.REVIEW_COMMENT;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.calledFrom;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.threatflow.remediation.RemediationCases;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class RequestReinvestigationDelegateTest {

    private final RemediationCases remediation = mock(RemediationCases.class);
    private final RequestReinvestigationDelegate delegate = new RequestReinvestigationDelegate(remediation);
    private final DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

    @Test
    void shouldOpenNewRemediationCase_whenMitigationWasStartedOnItsOwn() {
        delegate.execute(execution);

        verify(remediation).open("threat-1");
        assertThat(MITIGATION_OUTCOME.from(execution)).isEqualTo("REINVESTIGATE");
    }

    @Test
    void shouldLeaveReinvestigationToCallingCase_whenCalledByRemediation() {
        calledFrom(execution, "remediation-7");

        delegate.execute(execution);

        verifyNoInteractions(remediation);
        assertThat(MITIGATION_OUTCOME.from(execution)).isEqualTo("REINVESTIGATE");
    }

    @Test
    void shouldLeaveReinvestigationToCallingCase_whenRunningInAChildExecutionOfTheCalledInstance() {
        // a child execution has no super execution of its own; only its process instance knows the caller
        DelegateExecution calledInstance = calledFrom(execution(Map.of()), "remediation-7");
        doReturn(calledInstance).when(execution).getProcessInstance();

        delegate.execute(execution);

        assertThat(execution.getSuperExecution()).isNull();
        verifyNoInteractions(remediation);
        assertThat(MITIGATION_OUTCOME.from(execution)).isEqualTo("REINVESTIGATE");
    }

    @Test
    void shouldHandTheManagersReasonBack_forTheInvestigationForm() {
        DelegateExecution refused = execution(Map.of(THREAT_ID.name(), "threat-1", REVIEWED_BY.name(), "mary",
                REVIEW_COMMENT.name(), "the patch exists since Tuesday"));
        calledFrom(refused, "remediation-7");

        delegate.execute(refused);

        assertThat(REINVESTIGATION_REASON.from(refused))
                .isEqualTo("mary refused the residual risk and sent the threat back: the patch exists since Tuesday");
    }
}
