package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.Text;
import io.threatflow.engine.ProcessVariable;
import io.threatflow.threat.DuplicateThreatException;
import io.threatflow.threat.NewThreat;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.Arrays;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
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

    /**
     * The start form's fields, held to what the register takes. A field that is missing, too long, of the wrong type
     * or holding control characters is the reporter's mistake: a {@link BadUserRequestException} naming the variable,
     * which the engine REST API answers with 400, instead of a 500 from the database with its SQL.
     */
    private String registerFromForm(DelegateExecution execution) {
        String source = REPORTED_BY.optionalFrom(execution).map(user -> "tasklist:" + user).orElse("tasklist");
        NewThreat report;
        try {
            String title = text(execution, THREAT_TITLE, NewThreat.MAX_TITLE, true);
            ThreatType type = parse(ThreatType.class, text(execution, THREAT_TYPE, Integer.MAX_VALUE, true),
                    THREAT_TYPE.name());
            report = new NewThreat(
                    title,
                    type,
                    text(execution, ASSET_NAME, NewThreat.MAX_ASSET_NAME, true),
                    text(execution, DESCRIPTION, NewThreat.MAX_DESCRIPTION, false),
                    REPORTED_SEVERITY.from(execution, null),
                    cve(execution),
                    port(execution, type),
                    source, null, null,
                    DRY_RUN.from(execution, false));
        } catch (BadUserRequestException e) {
            throw e;
        } catch (ProcessEngineException wrongType) {
            throw new BadUserRequestException(wrongType.getMessage());
        }
        try {
            return threats.register(report).id();
        } catch (DuplicateThreatException e) {
            throw new BadUserRequestException(e.getMessage() + ": work on that case instead of reporting it again");
        }
    }

    /** A one-line field is checked without the blanks around it, which the register strips; a description may break lines. */
    private static String text(DelegateExecution execution, ProcessVariable<String> field, int max, boolean required) {
        String value = field.optionalFrom(execution).orElse(null);
        if (value == null || value.isBlank()) {
            if (required) {
                throw refused(field, "is required to report a threat");
            }
            return value;
        }
        boolean lineBreaks = field == DESCRIPTION;
        if (value.length() > max) {
            throw refused(field, "must be at most " + max + " characters");
        }
        if (Text.hasControlCharacters(lineBreaks ? value : Text.strip(value), lineBreaks)) {
            throw refused(field, "must not contain control characters");
        }
        return value;
    }

    private static String cve(DelegateExecution execution) {
        String cve = CVE.optionalFrom(execution).filter(s -> !s.isBlank()).map(String::trim)
                .map(s -> s.toUpperCase(Locale.ROOT)).orElse(null);
        if (cve != null && (cve.length() > NewThreat.MAX_CVE || !cve.matches(NewThreat.CVE_FORMAT))) {
            throw refused(CVE, "must look like CVE-2024-3400, in at most " + NewThreat.MAX_CVE + " characters");
        }
        return cve;
    }

    /** The API's rule (ThreatReport): an exposed service names its port, from 1 to 65535. */
    private static Integer port(DelegateExecution execution, ThreatType type) {
        Integer port = PORT.optionalFrom(execution).orElse(null);
        if (port == null && type == ThreatType.EXPOSED_SERVICE) {
            throw refused(PORT, "is required for an exposed service: the port it listens on, from 1 to 65535");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw refused(PORT, "must be from 1 to 65535");
        }
        return port;
    }

    private static BadUserRequestException refused(ProcessVariable<?> field, String problem) {
        return new BadUserRequestException("'" + field.name() + "' " + problem);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("'" + field + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", not '" + Text.oneLine(value, 40) + "'");
        }
    }
}
