package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.THREAT_PERSISTS;
import static io.threatflow.remediation.RemediationProcess.VALIDATION_EVIDENCE;
import static io.threatflow.remediation.RemediationProcess.VALIDATION_RESULT;
import static io.threatflow.remediation.RemediationProcess.VALIDATION_VERDICT;

import io.threatflow.Text;
import io.threatflow.engine.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_ConfirmValidation}: the analyst's answer becomes the validation's result, with
 * who gave it and the evidence. Only a plain "gone" closes the case as eliminated: a completion that does not
 * answer (engine REST) counts as "still present", so that no case is closed without someone's word.
 */
@Component("recordValidation")
class RecordValidationListener implements TaskListener {

    static final String GONE = "GONE";

    @Override
    public void notify(DelegateTask task) {
        boolean persists = !VALIDATION_VERDICT.optionalFrom(task).map(GONE::equals).orElse(false);
        String evidence = VALIDATION_EVIDENCE.optionalFrom(task).map(text -> Text.oneLine(text, 2000))
                .filter(text -> !text.isEmpty()).orElse("none given");
        THREAT_PERSISTS.set(task, persists);
        VALIDATION_RESULT.set(task, "No word from the source in time; " + Actors.completing(task) + " checked: "
                + (persists ? "the threat is still present" : "the threat is gone") + ". Evidence: " + evidence);
    }
}
