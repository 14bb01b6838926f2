package io.threatflow.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionService;
import io.threatflow.casefile.ThreatTimeline;
import io.threatflow.inventory.InventoryService;
import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.remediation.RemediationProcess;
import io.threatflow.sla.SlaRegister;
import io.threatflow.testing.TestThreats;
import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatPage;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decisions of a case file, read from the last values of the form variables and who completed each task. */
class CaseFilesTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final ThreatService threats = mock(ThreatService.class);
    final RemediationCases cases = mock(RemediationCases.class);
    final ThreatTimeline timeline = mock(ThreatTimeline.class);
    final SlaRegister sla = mock(SlaRegister.class);
    final CaseFiles files = new CaseFiles(threats, mock(InventoryService.class), sla, mock(ActionService.class),
            timeline, cases, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));

    @Test
    void shouldReadEveryDecisionWithWhoTookItAndTheirWords() {
        Threat threat = TestThreats.threat(ThreatType.OUTDATED_OS).severity(Severity.HIGH)
                .reportedSeverity(Severity.MEDIUM).build();
        when(threats.get(threat.id())).thenReturn(threat);
        when(threats.search(any(), eq(0), anyInt())).thenReturn(new ThreatPage(List.of(threat), 0, 21, 1));
        when(sla.dueTimes(threat.id())).thenReturn(Optional.empty());
        when(timeline.of(threat.id())).thenReturn(List.of(new ThreatTimeline.Entry(T0, "REPORTED", "IDENTIFY",
                "Threat reported", null, "analyst", null)));
        RemediationCases.CaseHistory remediation = new RemediationCases.CaseHistory("pi-1", RemediationProcess.KEY,
                "analyst", Map.of("approvalDecision", "REJECTED", "approvalComment", "not before the release",
                "approvedBy", "manager", "overdueDecisionTaken", "EXTEND", "overdueComment", "vendor is late",
                "eliminable", false, "rootCause", "no vendor fix"),
                List.of(task(RemediationProcess.TASK_INVESTIGATE_THREAT, 1, "analyst2"),
                        task(RemediationProcess.TASK_APPROVE_ERADICATION, 2, "someone"),
                        task(RemediationProcess.TASK_DECIDE_ON_OVERDUE_THREAT, 3, "manager2")));
        RemediationCases.CaseHistory mitigation = new RemediationCases.CaseHistory("pi-2", MitigationProcess.KEY,
                "manager", Map.of("measure", "ISOLATE_HOST", "measureApprovalDecision", "REFUSED",
                "measureDecidedBy", "manager3", "measureDecisionComment", "the payroll runs today",
                "riskReviewOutcome", "ACCEPTED", "riskReviewDate", "2027-01-15", "reviewedBy", "manager4"),
                List.of(task(MitigationProcess.TASK_APPROVE_MEASURE, 4, "manager3"),
                        task(MitigationProcess.TASK_REVIEW_RESIDUAL_RISK, 5, "manager4")));
        when(cases.history(eq(threat.id()), anyList())).thenReturn(List.of(mitigation, remediation));

        CaseFile file = files.of(threat.id());

        assertThat(file.decisions()).extracting(CaseFile.Decision::what, CaseFile.Decision::by,
                CaseFile.Decision::answer, CaseFile.Decision::comment).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Investigation", "analyst2", "Cannot be eliminated: mitigate it",
                        "no vendor fix"),
                org.assertj.core.groups.Tuple.tuple("Approval of the eradication", "manager", "Rejected",
                        "not before the release"),
                org.assertj.core.groups.Tuple.tuple("Overdue case", "manager2", "Extend the resolution due time",
                        "vendor is late"),
                org.assertj.core.groups.Tuple.tuple("Approval of a measure", "manager3", "Refused: isolate the host",
                        "the payroll runs today"),
                org.assertj.core.groups.Tuple.tuple("Residual risk", "manager4",
                        "Residual risk accepted, to be reviewed on 2027-01-15", null));
        assertThat(file.cases()).containsExactly("pi-1", "pi-2");
        assertThat(file.related()).isEmpty();
        assertThat(file.reporter()).isEqualTo("analyst");
        assertThat(file.severityWhy()).contains("Reported as medium by analyst.");
        assertThat(file.slaRows()).isEmpty();
        assertThat(file.elapsed()).startsWith("Open for ");
    }

    private static RemediationCases.Activity task(String element, int minutes, String actor) {
        return new RemediationCases.Activity(element, element, "userTask", T0.plusSeconds(60L * minutes - 30),
                T0.plusSeconds(60L * minutes), false, actor);
    }
}
