package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_SUMMARY;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;

import io.threatflow.action.ActionRecord;
import io.threatflow.action.ActionService;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SummariseMeasures}: one line per measure of this round, with whether it holds. */
@Component("summariseMeasures")
class SummariseMeasuresDelegate implements JavaDelegate {

    private final ActionService actions;

    SummariseMeasuresDelegate(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MeasureOccasion occasion = MeasureOccasion.of(execution);
        String summary = actions.history(THREAT_ID.from(execution)).stream()
                .filter(r -> r.hasKey(occasion.keyFor(r.threatId(), r.action())))
                .map(SummariseMeasuresDelegate::line)
                .collect(Collectors.joining("\n"));
        MITIGATION_SUMMARY.set(execution, summary.isEmpty() ? "No measure applied." : summary);
    }

    private static String line(ActionRecord r) {
        String label = r.action().label();
        return "- %s%s on %s: %s (%s)".formatted(Character.toUpperCase(label.charAt(0)), label.substring(1), r.target(),
                r.status().label(), r.detail());
    }
}
