package io.threatflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Laying a change over the real playbook, and resolving every reference of the result. */
class PlaybookBundleTest {

    static Map<String, byte[]> realPlaybook() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String folder : List.of("processes", "forms")) {
            try (Stream<Path> paths = Files.list(Path.of(folder))) {
                paths.sorted().filter(p -> !PlaybookChanges.SYSTEM_RESOURCES.contains(p.getFileName().toString()))
                        .forEach(p -> files.put(p.getFileName().toString(), read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String slaPolicy() {
        return new String(read(Path.of("processes/sla-policy.dmn")), StandardCharsets.UTF_8);
    }

    private final PlaybookBundle current = PlaybookBundle.read(realPlaybook());

    @Test
    void shouldResolveEveryReferenceOfTheShippedPlaybook() {
        assertThat(current.unresolved()).isEmpty();
        assertThat(current.names()).contains("threat-remediation.bpmn", "sla-policy.dmn", "triage-threat.form");
    }

    @Test
    void shouldReplaceTheResourceOfTheSameName_andKeepTheRest() {
        byte[] changed = slaPolicy().replace("\"PT15M\"", "\"PT30M\"").getBytes(StandardCharsets.UTF_8);

        PlaybookBundle.Overlay overlay = current.overlay(PlaybookBundle.read(Map.of("sla-policy.dmn", changed)));

        assertThat(overlay.changed()).containsExactly("sla-policy.dmn");
        assertThat(overlay.added()).isEmpty();
        assertThat(overlay.unchanged()).hasSize(current.names().size() - 1).contains("threat-remediation.bpmn");
        assertThat(overlay.bundle().get("sla-policy.dmn").content()).isEqualTo(changed);
        assertThat(overlay.bundle().unresolved()).isEmpty();
    }

    @Test
    void shouldReplaceTheResourceDefiningTheSameDecision_whateverItsName() {
        byte[] renamed = slaPolicy().getBytes(StandardCharsets.UTF_8);

        PlaybookBundle.Overlay overlay = current.overlay(PlaybookBundle.read(Map.of("service-levels-v2.dmn", renamed)));

        assertThat(overlay.bundle().names()).contains("service-levels-v2.dmn").doesNotContain("sla-policy.dmn");
        assertThat(overlay.changed()).containsExactly("service-levels-v2.dmn");
        assertThat(overlay.replaced()).containsEntry("service-levels-v2.dmn", "sla-policy.dmn");
        assertThat(overlay.bundle().unresolved()).isEmpty();
    }

    @Test
    void shouldCountAnIdenticalFileAsUnchanged() {
        PlaybookBundle.Overlay overlay = current.overlay(PlaybookBundle.read(
                Map.of("sla-policy.dmn", slaPolicy().getBytes(StandardCharsets.UTF_8))));

        assertThat(overlay.changed()).isEmpty();
        assertThat(overlay.added()).isEmpty();
    }

    @Test
    void shouldNameResourceElementAndTarget_whenADecisionIsMissing() {
        byte[] renamedDecision = slaPolicy().replace("id=\"sla-policy\"", "id=\"sla-policy-v2\"")
                .getBytes(StandardCharsets.UTF_8);

        PlaybookBundle merged = current.overlay(PlaybookBundle.read(Map.of("sla-policy.dmn", renamedDecision))).bundle();

        assertThat(merged.unresolved()).extracting(InvalidPlaybookException.Error::resource)
                .containsOnly("threat-remediation.bpmn");
        assertThat(merged.unresolved()).extracting(InvalidPlaybookException.Error::message)
                .anySatisfy(message -> assertThat(message).contains("Task_DetermineServiceLevels", "decision 'sla-policy'"));
    }

    @Test
    void shouldFindMissingFormsCalledProcessesAndRequiredDecisions() {
        String bpmn = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <process id="probe" isExecutable="true">
                    <startEvent id="StartEvent_Probe" camunda:formKey="camunda-forms:deployment:missing.form"/>
                    <userTask id="Task_Probe" camunda:formRef="no-such-form"/>
                    <callActivity id="CallActivity_Probe" calledElement="no-such-process"/>
                    <businessRuleTask id="Task_Dynamic" camunda:decisionRef="${decisionName}"/>
                  </process>
                </definitions>""";
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
                  <decision id="outer" name="Outer"><informationRequirement id="i"><requiredDecision href="#inner"/></informationRequirement></decision>
                </definitions>""";

        List<InvalidPlaybookException.Error> unresolved = PlaybookBundle.read(Map.of("probe.bpmn", bytes(bpmn), "probe.dmn",
                bytes(dmn))).unresolved();

        assertThat(unresolved).extracting(InvalidPlaybookException.Error::message).containsExactlyInAnyOrder(
                "StartEvent_Probe refers to resource 'missing.form', which no resource of the playbook defines",
                "Task_Probe refers to form 'no-such-form', which no resource of the playbook defines",
                "CallActivity_Probe refers to process 'no-such-process', which no resource of the playbook defines",
                "outer refers to decision 'inner', which no resource of the playbook defines");
    }

    @Test
    void shouldRefuseUnknownKindsUnparsableFilesAndDoctypes_namingEach() {
        assertThatThrownBy(() -> PlaybookBundle.read(Map.of(
                "notes.txt", bytes("hello"),
                "broken.form", bytes("{\"id\": "),
                "anonymous.form", bytes("{\"components\": []}"),
                "broken.dmn", bytes("<definitions"),
                "probe.bpmn", bytes("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><d>&e;</d>"))))
                .isInstanceOfSatisfying(InvalidPlaybookException.class, e -> {
                    assertThat(e.errors()).extracting(InvalidPlaybookException.Error::resource).containsExactlyInAnyOrder(
                            "notes.txt", "broken.form", "anonymous.form", "broken.dmn", "probe.bpmn");
                    assertThat(e.getMessage()).doesNotContain("passwd", "apache.org", "Exception");
                });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
