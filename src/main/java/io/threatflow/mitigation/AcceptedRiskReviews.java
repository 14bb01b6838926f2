package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.*;

import io.threatflow.engine.AsEngine;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The front door for the review of an accepted risk that a called mitigation hands over: a mitigation of its own
 * for the threat (business key: the threat's id), started at {@code Gateway_RiskReviewJoin}, so it waits for the
 * review date with a durable timer, whatever happens to the case that called the first one. Started on
 * ThreatFlow's authority: the manager whose completion runs this may not start a case at a chosen activity.
 */
@Component
class AcceptedRiskReviews {

    /** What the review needs of the mitigation that accepted the risk. */
    private static final List<String> CARRIED = List.of(THREAT_ID.name(), CASE_ID.name(), MITIGATION_LEVEL.name(),
            THREAT_TITLE.name(), THREAT_TYPE.name(), ASSET_NAME.name(), SEVERITY.name(), ASSET_CRITICALITY.name(),
            KNOWN_EXPLOITED.name(), OTHER_OPEN_THREATS.name(), MITIGATION_SUMMARY.name(), RISK_REVIEW_DUE.name(),
            RISK_REMINDER_DUE.name(), REVIEWED_BY.name(), REVIEW_COMMENT.name(), RISK_REVIEW_DATE.name());

    private final RuntimeService runtime;
    private final AsEngine asEngine;

    AcceptedRiskReviews(RuntimeService runtime, AsEngine asEngine) {
        this.runtime = runtime;
        this.asEngine = asEngine;
    }

    /** @return the id of the mitigation that waits for the review */
    String handOver(DelegateExecution accepted) {
        VariableMap variables = Variables.createVariables();
        CARRIED.forEach(name -> {
            if (accepted.hasVariable(name)) {
                variables.putValue(name, accepted.getVariable(name));
            }
        });
        MITIGATION_MODE.putIn(variables, Mode.LONG_TERM.name());
        CALLED_BY_CASE.putIn(variables, false);
        String threatId = THREAT_ID.from(accepted);
        return asEngine.call(() -> runtime.createProcessInstanceByKey(KEY).businessKey(threatId)
                .startBeforeActivity(GATEWAY_RISK_REVIEW_JOIN).setVariables(variables).execute().getId());
    }
}
