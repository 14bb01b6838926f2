package io.threatflow.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

class NameTaskAfterThreatListenerTest {

    private final NameTaskAfterThreatListener listener = new NameTaskAfterThreatListener();

    private static DelegateTask task(String name, Map<String, Object> variables) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getName()).thenReturn(name);
        when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        return task;
    }

    @Test
    void namesTheThreatAndItsAsset() {
        DelegateTask task = task("Triage threat", Map.of("threatTitle", "RDP exposed", "assetName", "legacy-hr-01"));

        listener.notify(task);

        verify(task).setName("Triage threat: RDP exposed on legacy-hr-01");
    }

    @Test
    void namesTheAssetOnce_whenTheTitleNamesItAlready() {
        DelegateTask task = task("Investigate threat", Map.of("threatTitle", "Log4Shell on WEB-01", "assetName", "web-01"));

        listener.notify(task);

        verify(task).setName("Investigate threat: Log4Shell on WEB-01");
    }

    @Test
    void keepsTheElementsName_whenTheCaseHasNoTitle() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("assetName", "web-01");
        DelegateTask task = task("Approve eradication", variables);

        listener.notify(task);

        verify(task, never()).setName(anyString());
    }

    @Test
    void cutsANameThatTheTaskTableCannotHold() {
        String name = NameTaskAfterThreatListener.bounded("Triage threat: " + "x".repeat(400));

        assertThat(name).hasSize(NameTaskAfterThreatListener.MAX_NAME).endsWith("…");
    }
}
