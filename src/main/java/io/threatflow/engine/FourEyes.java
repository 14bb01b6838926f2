package io.threatflow.engine;

/**
 * Four eyes between two user tasks of one process: whoever completed {@code workTask} in a case may not complete
 * {@code checkTask} in it, nor claim it or be made its assignee, owner or candidate, whatever groups they are in.
 * A feature declares it as a Spring bean; {@link CaseGuard} enforces it for every path into the engine.
 * The variant {@link #authorNeverChecks} names the worker by a process variable the system wrote (e.g. who proposed
 * a playbook change) instead of a task.
 *
 * @param processDefinitionKey the process both tasks belong to
 * @param workTask             the task definition key of the work, e.g. Task_InvestigateThreat; null for an author
 * @param checkTask            the task definition key of its check, e.g. Task_ApproveEradication
 * @param authorVariable       the process variable holding the author's user id; null for a work task
 */
public record FourEyes(String processDefinitionKey, String workTask, String checkTask, String authorVariable) {

    public FourEyes(String processDefinitionKey, String workTask, String checkTask) {
        this(processDefinitionKey, workTask, checkTask, null);
    }

    /** Whoever the case's {@code authorVariable} names never works {@code checkTask}. */
    public static FourEyes authorNeverChecks(String processDefinitionKey, String authorVariable, String checkTask) {
        return new FourEyes(processDefinitionKey, null, checkTask, authorVariable);
    }

    /** What the worker did, as a refusal says it. */
    String work() {
        return authorVariable != null ? "is the " + authorVariable + " of this case" : "completed " + workTask + " in this case";
    }
}
