package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.threat.DuplicateThreatException;
import io.threatflow.threat.NewThreat;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterThreat}: registers a threat reported through the Tasklist start form; a threat
 * reported over the API arrives registered, with its {@code threatId}. Either way the case is attached to
 * the threat and the business key is the threat id.
 */
@Component("registerThreat")
class RegisterThreatDelegate implements JavaDelegate {

    private final ThreatService threats;

    RegisterThreatDelegate(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String threatId = THREAT_ID.optionalFrom(execution).orElseGet(() -> registerFromForm(execution));
        Threat threat = threats.get(threatId);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(threatId);
        }
        threats.attachCase(threatId, execution.getProcessInstanceId());
        THREAT_ID.set(execution, threatId);
        THREAT_TITLE.set(execution, threat.title());
        THREAT_TYPE.set(execution, threat.type().name());
        ASSET_NAME.set(execution, threat.assetName());
        CVE.set(execution, threat.cve());
        PORT.set(execution, threat.port());
    }

    private String registerFromForm(DelegateExecution execution) {
        String source = REPORTED_BY.optionalFrom(execution).map(user -> "tasklist:" + user).orElse("tasklist");
        NewThreat report = new NewThreat(
                required(THREAT_TITLE.optionalFrom(execution).orElse(null), THREAT_TITLE.name()),
                parse(ThreatType.class, required(THREAT_TYPE.optionalFrom(execution).orElse(null), THREAT_TYPE.name()),
                        THREAT_TYPE.name()),
                required(ASSET_NAME.optionalFrom(execution).orElse(null), ASSET_NAME.name()),
                DESCRIPTION.optionalFrom(execution).orElse(null),
                REPORTED_SEVERITY.from(execution, null),
                CVE.optionalFrom(execution).filter(s -> !s.isBlank()).map(String::trim).map(String::toUpperCase)
                        .orElse(null),
                PORT.optionalFrom(execution).orElse(null),
                source, null, null,
                DRY_RUN.from(execution, false));
        try {
            return threats.register(report).id();
        } catch (DuplicateThreatException e) {
            throw new ProcessEngineException(e.getMessage() + ": work on that case instead of reporting it again");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ProcessEngineException("'" + field + "' is required to report a threat");
        }
        return value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("'" + field + "' must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
        }
    }
}
