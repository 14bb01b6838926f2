package io.threatflow.mitigation;

import io.threatflow.engine.FourEyes;
import io.threatflow.engine.FourEyes.CompletedTask;
import io.threatflow.engine.FourEyes.StartedInstance;
import io.threatflow.remediation.RemediationProcess;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Four eyes on a measure that needs approval ({@code Task_ApproveMeasure}): whoever started the mitigation (a
 * manager in Tasklist, or the analyst whose triage or investigation called it), or triaged or investigated the
 * threat in the remediation case that called it, never decides it, whatever groups they are in. engine.CaseGuard
 * enforces it for every path into the engine.
 */
@Configuration(proxyBeanMethods = false)
class MeasureFourEyes {

    @Bean
    FourEyes requesterNeverApprovesMeasure() {
        return new FourEyes(MitigationProcess.KEY, MitigationProcess.TASK_APPROVE_MEASURE, List.of(
                new StartedInstance("started this mitigation"),
                new CompletedTask(RemediationProcess.TASK_TRIAGE_THREAT, true, "triaged this threat"),
                new CompletedTask(RemediationProcess.TASK_INVESTIGATE_THREAT, true, "investigated this threat")));
    }
}
