package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.DECISION_RISK_ACCEPTANCE_HORIZON;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_DATE;

import io.threatflow.engine.AsEngine;
import io.threatflow.threat.Severity;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * How far ahead a residual risk of a severity may be accepted: the decision {@code risk-acceptance-horizon}
 * (processes/risk-acceptance-horizon.dmn), evaluated on ThreatFlow's authority, since the manager who accepts
 * needs no right on decisions.
 */
@Component
class RiskAcceptanceHorizon {

    private final DecisionService decisions;
    private final AsEngine asEngine;

    RiskAcceptanceHorizon(DecisionService decisions, AsEngine asEngine) {
        this.decisions = decisions;
        this.asEngine = asEngine;
    }

    int maxDays(Severity severity) {
        Object days = asEngine.call(() -> decisions.evaluateDecisionTableByKey(DECISION_RISK_ACCEPTANCE_HORIZON,
                Variables.createVariables().putValue("severity", severity.name())).getSingleResult().getSingleEntry());
        if (!(days instanceof Number number)) {
            throw new IllegalStateException("the decision " + DECISION_RISK_ACCEPTANCE_HORIZON + " gave no maxDays for "
                    + severity);
        }
        return number.intValue();
    }

    /** @throws BadUserRequestException naming {@code riskReviewDate} when it lies beyond the horizon */
    void check(Severity severity, LocalDate reviewDate, LocalDate today) {
        int days = maxDays(severity);
        LocalDate latest = today.plusDays(days);
        if (reviewDate.isAfter(latest)) {
            throw new BadUserRequestException("'" + RISK_REVIEW_DATE.name() + "' may be at most " + days
                    + " days ahead for a " + severity + " threat (" + DECISION_RISK_ACCEPTANCE_HORIZON + "): " + latest
                    + " at the latest, not " + reviewDate);
        }
    }
}
