package io.threatflow.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The history time to live of every process definition: {@code threatflow.history.longest-case} plus
 * {@code threatflow.history.time-to-live} days, counted from a case's start (removal-time strategy {@code start}).
 * It is set when a model is parsed, so that a version deployed while the node runs (a playbook change) has it
 * from its first case on, whatever its file says; {@link HistoryRetention} sets it on what was deployed before.
 */
@Component
class HistoryTimeToLive extends AbstractProcessEnginePlugin {

    private final int days;
    private final int longestCaseDays;

    HistoryTimeToLive(@Value("${threatflow.history.time-to-live:180}") int days,
            @Value("${threatflow.history.longest-case:400}") int longestCaseDays) {
        this.days = days;
        this.longestCaseDays = longestCaseDays;
    }

    /** Days from a case's start to the removal of its history. */
    int fromStart() {
        return longestCaseDays + days;
    }

    /** Days a case may run and still keep its history {@link #afterEnd()} days after its end. */
    int longestCase() {
        return longestCaseDays;
    }

    int afterEnd() {
        return days;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        BpmnParseListener timeToLive = new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.setHistoryTimeToLive(fromStart());
            }
        };
        configuration.setCustomPostBPMNParseListeners(
                EngineLists.appended(configuration.getCustomPostBPMNParseListeners(), timeToLive));
    }
}
