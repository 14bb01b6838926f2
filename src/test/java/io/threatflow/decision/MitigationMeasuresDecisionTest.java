package io.threatflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.decision.DecisionTableUnderTest.Evaluation;
import io.threatflow.mitigation.MitigationProcess.Mode;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/mitigation-measures.dmn, hit policy COLLECT: the process applies the measures in rule order. */
class MitigationMeasuresDecisionTest {

    private static final DecisionTableUnderTest MITIGATION_MEASURES = DecisionTableUnderTest.load("mitigation-measures");

    /** Level 1 is the first attempt; each residual risk a manager refuses raises it by one. */
    private static final int FIRST_ATTEMPT = 1;
    private static final int REFUSED_ONCE = 2;
    private static final int HIGHEST_LEVEL = 3;

    private static final int MODES = Mode.values().length;
    private static final int TYPES = ThreatType.values().length;
    private static final int SEVERITIES = Severity.values().length;

    record Mitigation(Mode mode, ThreatType type, Severity severity, int level) {

        Mitigation atLevel(int otherLevel) {
            return new Mitigation(mode, type, severity, otherLevel);
        }
    }

    record Selection(Mitigation mitigation, List<String> measures) {
    }

    @ParameterizedTest(name = "{0}, {1}, severity {2}, level {3} -> {5} by {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # mode      | threat type         | severity | level | matching rules, in order                                                     | measures, in order
            CONTAINMENT | MALWARE             | HIGH     | 1     | Rule_MitigationMeasures01 Rule_MitigationMeasures04                           | ISOLATE_HOST RAISE_MONITORING
            CONTAINMENT | COMPROMISED_ACCOUNT | MEDIUM   | 1     | Rule_MitigationMeasures02 Rule_MitigationMeasures04                           | DISABLE_ACCOUNT RAISE_MONITORING
            CONTAINMENT | EXPOSED_SERVICE     | HIGH     | 1     | Rule_MitigationMeasures03 Rule_MitigationMeasures04                           | BLOCK_PORT RAISE_MONITORING
            CONTAINMENT | VULNERABILITY       | CRITICAL | 3     | Rule_MitigationMeasures04                                                     | RAISE_MONITORING
            LONG_TERM   | OUTDATED_OS         | CRITICAL | 1     | Rule_MitigationMeasures04 Rule_MitigationMeasures05                           | RAISE_MONITORING ISOLATE_HOST
            LONG_TERM   | EXPOSED_SERVICE     | CRITICAL | 1     | Rule_MitigationMeasures03 Rule_MitigationMeasures04 Rule_MitigationMeasures05 | BLOCK_PORT RAISE_MONITORING ISOLATE_HOST
            LONG_TERM   | EXPOSED_SERVICE     | MEDIUM   | 1     | Rule_MitigationMeasures03 Rule_MitigationMeasures04                           | BLOCK_PORT RAISE_MONITORING
            LONG_TERM   | COMPROMISED_ACCOUNT | HIGH     | 2     | Rule_MitigationMeasures02 Rule_MitigationMeasures04 Rule_MitigationMeasures06 | DISABLE_ACCOUNT RAISE_MONITORING ISOLATE_HOST
            LONG_TERM   | OTHER               | LOW      | 3     | Rule_MitigationMeasures04 Rule_MitigationMeasures06                           | RAISE_MONITORING ISOLATE_HOST
            LONG_TERM   | MALWARE             | CRITICAL | 3     | Rule_MitigationMeasures01 Rule_MitigationMeasures04                           | ISOLATE_HOST RAISE_MONITORING
            """)
    void shouldCollectMeasures_ofEveryMatchingRule(Mode mode, ThreatType type, Severity severity, int level,
                                                   String rules, String measures) {
        Evaluation evaluation = select(new Mitigation(mode, type, severity, level));

        assertThat(evaluation.matchedRules()).containsExactly(rules.split(" "));
        assertThat(measuresOf(evaluation)).containsExactly(measures.split(" "));
    }

    @Test
    void shouldNeverSelectTheSameMeasureTwice() {
        List<Selection> selections = selectFor(mitigation -> true);

        assertThat(selections).hasSize(MODES * TYPES * SEVERITIES * HIGHEST_LEVEL)
                .filteredOn(selection -> new HashSet<>(selection.measures()).size() != selection.measures().size())
                .as("mitigations that would apply a measure twice")
                .isEmpty();
    }

    @Test
    void shouldAlwaysRaiseMonitoring() {
        List<Selection> selections = selectFor(mitigation -> true);

        assertThat(selections).hasSize(MODES * TYPES * SEVERITIES * HIGHEST_LEVEL)
                .filteredOn(selection -> !selection.measures().contains("RAISE_MONITORING"))
                .as("mitigations without raised monitoring")
                .isEmpty();
    }

    @Test
    void shouldAlwaysIsolateHost_whenThreatIsMalware() {
        List<Selection> selections = selectFor(mitigation -> mitigation.type() == ThreatType.MALWARE);

        assertThat(selections).hasSize(MODES * SEVERITIES * HIGHEST_LEVEL)
                .filteredOn(selection -> !selection.measures().contains("ISOLATE_HOST"))
                .as("malware mitigations that leave the host connected")
                .isEmpty();
    }

    @Test
    void shouldAddHostIsolation_whenRiskIsRefusedForNonMalwareNonCriticalThreatInLongTerm() {
        List<Selection> selections = selectFor(mitigation -> mitigation.mode() == Mode.LONG_TERM
                && mitigation.type() != ThreatType.MALWARE
                && mitigation.severity() != Severity.CRITICAL
                && mitigation.level() == REFUSED_ONCE);

        assertThat(selections).hasSize((TYPES - 1) * (SEVERITIES - 1))
                .filteredOn(selection -> {
                    List<String> firstAttempt = measuresOf(select(selection.mitigation().atLevel(FIRST_ATTEMPT)));
                    return firstAttempt.contains("ISOLATE_HOST")
                            || !selection.measures().equals(append(firstAttempt, "ISOLATE_HOST"));
                })
                .as("refused risks whose measures are not the first attempt's plus host isolation")
                .isEmpty();
    }

    @Test
    void shouldOnlyRaiseMonitoring_whenContainingVulnerability() {
        List<Selection> selections = selectFor(mitigation -> mitigation.mode() == Mode.CONTAINMENT
                && mitigation.type() == ThreatType.VULNERABILITY);

        assertThat(selections).hasSize(SEVERITIES * HIGHEST_LEVEL)
                .filteredOn(selection -> !selection.measures().equals(List.of("RAISE_MONITORING")))
                .as("vulnerability containments that do more than raise monitoring")
                .isEmpty();
    }

    private static List<Selection> selectFor(Predicate<Mitigation> ofInterest) {
        List<Selection> selections = new ArrayList<>();
        for (Mitigation mitigation : everyMitigation()) {
            if (ofInterest.test(mitigation)) {
                selections.add(new Selection(mitigation, measuresOf(select(mitigation))));
            }
        }
        return selections;
    }

    private static List<Mitigation> everyMitigation() {
        List<Mitigation> mitigations = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (ThreatType type : ThreatType.values()) {
                for (Severity severity : Severity.values()) {
                    for (int level = FIRST_ATTEMPT; level <= HIGHEST_LEVEL; level++) {
                        mitigations.add(new Mitigation(mode, type, severity, level));
                    }
                }
            }
        }
        return mitigations;
    }

    private static Evaluation select(Mitigation mitigation) {
        return MITIGATION_MEASURES.evaluate(Variables.createVariables()
                .putValue("mitigationMode", mitigation.mode().name())
                .putValue("threatType", mitigation.type().name())
                .putValue("severity", mitigation.severity().name())
                .putValue("mitigationLevel", mitigation.level()));
    }

    /** As the process reads them: {@code camunda:mapDecisionResult="collectEntries"}. */
    private static List<String> measuresOf(Evaluation evaluation) {
        return evaluation.result().collectEntries("measure");
    }

    private static List<String> append(List<String> measures, String measure) {
        List<String> appended = new ArrayList<>(measures);
        appended.add(measure);
        return appended;
    }
}
