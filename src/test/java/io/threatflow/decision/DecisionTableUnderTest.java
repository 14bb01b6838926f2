package io.threatflow.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * One decision table from {@code processes/} on a standalone DMN engine (with the decisions it requires). It also records which rules
 * matched, so a test can prove that each rule of the table is reached, not only that the output looks right.
 */
final class DecisionTableUnderTest {

    record Evaluation(DmnDecisionResult result, List<String> matchedRules) {
    }

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final List<String> matchedRules = new ArrayList<>();

    private DecisionTableUnderTest(String file, String decisionKey) {
        DmnDecisionEvaluationListener recordMatchedRules = event -> {
            if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
                table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
            }
        };
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(recordMatchedRules))
                .buildEngine();
        decision = parse(file, decisionKey);
    }

    /** The decision id is the file name: {@code processes/<decisionKey>.dmn}. */
    static DecisionTableUnderTest load(String decisionKey) {
        return new DecisionTableUnderTest(decisionKey, decisionKey);
    }

    /**
     * A decision that another one requires, from the file of its requirements graph:
     * {@code processes/<file>.dmn}. Its own required decisions are evaluated with it, as the engine does.
     */
    static DecisionTableUnderTest load(String file, String decisionKey) {
        return new DecisionTableUnderTest(file, decisionKey);
    }

    Evaluation evaluate(VariableMap variables) {
        matchedRules.clear();
        DmnDecisionResult result = engine.evaluateDecision(decision, variables);
        return new Evaluation(result, List.copyOf(matchedRules));
    }

    private DmnDecision parse(String file, String decisionKey) {
        String resource = "processes/" + file + ".dmn";
        try (InputStream dmn = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (dmn == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return engine.parseDecision(decisionKey, dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
