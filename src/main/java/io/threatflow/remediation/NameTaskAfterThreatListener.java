package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ASSET_NAME;
import static io.threatflow.remediation.RemediationProcess.THREAT_TITLE;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of every user task of a threat case (both processes): the task's name carries the threat, "Triage
 * threat: RDP exposed on legacy-hr-01", so that Tasklist's cards tell one case from another.
 *
 * <p>A listener and not a name expression in the BPMN: the {@code name} attribute is also the element's label, which
 * Cockpit's diagram, the engine's history and the case page's timeline show as written, {@code ${threatTitle}}
 * included. A case without the variables (none is known on any path, as Task_RegisterThreat and
 * Task_PrepareMitigation set them first) keeps the element's name.
 */
@Component("nameTaskAfterThreat")
public class NameTaskAfterThreatListener implements TaskListener {

    /** ACT_RU_TASK.NAME_ holds 255 characters. */
    static final int MAX_NAME = 255;

    @Override
    public void notify(DelegateTask task) {
        String title = THREAT_TITLE.optionalFrom(task).map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        if (title == null) {
            return;
        }
        String asset = ASSET_NAME.optionalFrom(task).map(String::strip).orElse("");
        // a title from the intake often names the asset already ("Log4Shell on web-01")
        boolean named = asset.isEmpty() || title.toLowerCase(Locale.ROOT).contains(asset.toLowerCase(Locale.ROOT));
        task.setName(bounded(task.getName() + ": " + title + (named ? "" : " on " + asset)));
    }

    static String bounded(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }
}
