package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.*;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.threatflow.action.NotificationPort;
import io.threatflow.action.NotificationPort.Notification;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RemindRiskReviewDelegateTest {

    private final NotificationPort notifications = mock(NotificationPort.class);

    @Test
    void shouldTellTheManagersWhichRiskComesBackWhen() {
        new RemindRiskReviewDelegate(notifications).execute(execution(Map.of(THREAT_ID.name(), "threat-1",
                THREAT_TITLE.name(), "RDP exposed", ASSET_NAME.name(), "legacy-hr-01", SEVERITY.name(), "HIGH",
                REVIEWED_BY.name(), "mona", RISK_REVIEW_DUE.name(), Date.from(Instant.parse("2027-03-31T00:00:00Z")))));

        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifications).send(sent.capture());
        assertThat(sent.getValue().threatId()).isEqualTo("threat-1");
        assertThat(sent.getValue().audience().groups()).containsExactly("managers");
        assertThat(sent.getValue().subject()).isEqualTo("Accepted risk due for review on 2027-03-31: RDP exposed");
        assertThat(sent.getValue().body()).contains("'RDP exposed' on legacy-hr-01 (HIGH) was accepted by mona until "
                + "2027-03-31", "closes as eliminated", "send the threat back to remediation");
    }
}
