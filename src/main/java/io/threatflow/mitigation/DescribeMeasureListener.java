package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.ASSET_NAME;
import static io.threatflow.mitigation.MitigationProcess.MEASURE;
import static io.threatflow.mitigation.MitigationProcess.MEASURE_DESCRIPTION;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;

import io.threatflow.action.ActionType;
import io.threatflow.mitigation.MitigationProcess.Mode;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of {@code Task_ApproveMeasure}: what the manager is asked to allow, in words (the measure, its target,
 * why it runs now), kept on the task itself as each measure of the loop gets its own approval.
 */
@Component("describeMeasure")
class DescribeMeasureListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        ActionType measure = ActionType.valueOf(MEASURE.from(task));
        String label = measure.label();
        String purpose = Mode.CONTAINMENT.name().equals(MITIGATION_MODE.from(task, Mode.LONG_TERM.name()))
                ? "to contain the threat while it is investigated and remediated"
                : "to lessen the threat's impact for as long as it cannot be eliminated";
        MEASURE_DESCRIPTION.setLocal(task, "%s%s on %s, %s.".formatted(
                label.substring(0, 1).toUpperCase(Locale.ROOT), label.substring(1), ASSET_NAME.from(task), purpose));
    }
}
