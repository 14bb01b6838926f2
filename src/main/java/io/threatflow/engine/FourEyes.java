package io.threatflow.engine;

import java.util.List;

/**
 * Four eyes on a check task of one process: the people who did the work it checks may not complete it, nor claim
 * it or be made its assignee, owner or candidate, whatever groups they are in. A feature declares it as a Spring
 * bean; {@link CaseGuard} enforces it for every path into the engine.
 *
 * @param processDefinitionKey the process the check task belongs to
 * @param checkTask            the task definition key of the check, e.g. Task_ApproveEradication
 * @param workers              who did the work; each is excluded
 */
public record FourEyes(String processDefinitionKey, String checkTask, List<Worker> workers) {

    public FourEyes {
        workers = List.copyOf(workers);
        if (workers.isEmpty()) {
            throw new IllegalArgumentException("four eyes on " + checkTask + " names no one to exclude");
        }
    }

    /** Whoever completed {@code workTask} in the same case may not work {@code checkTask}. */
    public static FourEyes between(String processDefinitionKey, String workTask, String checkTask, String didWhat) {
        return new FourEyes(processDefinitionKey, checkTask, List.of(new CompletedTask(workTask, false, didWhat)));
    }

    /** Someone whose part in the case excludes them from the check. */
    public sealed interface Worker {

        /** What they did, in words, e.g. "investigated this threat". */
        String didWhat();
    }

    /**
     * Whoever completed {@code taskDefinitionKey}: in the check task's own process instance, or with
     * {@code inCallingCase} in the instance that called it (a call activity's parent).
     */
    public record CompletedTask(String taskDefinitionKey, boolean inCallingCase, String didWhat) implements Worker {
    }

    /** Whoever started the check task's process instance (Tasklist's start form or the REST API). */
    public record StartedInstance(String didWhat) implements Worker {
    }

    /** Whoever a process variable that only the system writes names, e.g. who proposed a playbook change. */
    public record NamedBy(String variable, String didWhat) implements Worker {
    }
}
