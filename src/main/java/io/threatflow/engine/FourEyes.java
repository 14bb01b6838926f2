package io.threatflow.engine;

/**
 * Four eyes between two user tasks of one process: whoever completed {@code workTask} in a case may not complete
 * {@code checkTask} in it, nor claim it or be made its assignee, owner or candidate, whatever groups they are in.
 * A feature declares it as a Spring bean; {@link CaseGuard} enforces it for every path into the engine.
 *
 * @param processDefinitionKey the process both tasks belong to
 * @param workTask             the task definition key of the work, e.g. Task_InvestigateThreat
 * @param checkTask            the task definition key of its check, e.g. Task_ApproveEradication
 */
public record FourEyes(String processDefinitionKey, String workTask, String checkTask) {
}
