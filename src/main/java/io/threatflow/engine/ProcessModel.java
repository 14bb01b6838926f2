package io.threatflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;

/** One deployed version of a process, as the engine parsed it: what flows into what. */
public final class ProcessModel {

    private final ProcessDefinitionEntity definition;

    ProcessModel(ProcessDefinitionEntity definition) {
        this.definition = definition;
    }

    public boolean contains(String elementId) {
        return definition.findActivity(elementId) != null;
    }

    /**
     * The elements a sequence flow into the element comes from; for the start of an embedded subprocess, those
     * that lead into the subprocess.
     */
    public List<String> sources(String elementId) {
        PvmActivity element = definition.findActivity(elementId);
        return element == null ? List.of() : sources(element).stream().map(PvmActivity::getId).toList();
    }

    private static List<PvmActivity> sources(PvmActivity element) {
        List<PvmActivity> sources = new ArrayList<>();
        for (PvmTransition incoming : element.getIncomingTransitions()) {
            sources.add(incoming.getSource());
        }
        if (sources.isEmpty() && element.getFlowScope() instanceof PvmActivity subprocess) {
            sources.addAll(sources(subprocess));
        }
        return sources;
    }
}
