package io.threatflow.benchmark;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Plays the analysts and managers: polls the open tasks and completes each as soon as it appears, with the
 * answers that move a case on (never a refusal). Runs without an authenticated user, so the engine checks
 * no authorization: what is measured is the engine and the application, not the access rules.
 */
final class TaskPlayers implements AutoCloseable {

    private final TaskService tasks;
    private final ExecutorService workers;
    private final Thread poller;
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final Map<String, AtomicLong> byTask = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    TaskPlayers(TaskService tasks, int threads) {
        this.tasks = tasks;
        this.workers = Executors.newFixedThreadPool(threads);
        this.poller = new Thread(this::poll, "benchmark-task-poller");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    long completed() {
        return completed.get();
    }

    long retried() {
        return retried.get();
    }

    /** A snapshot: completed tasks by task definition key. */
    Map<String, Long> completedByTask() {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        byTask.forEach((task, count) -> snapshot.put(task, count.get()));
        return snapshot;
    }

    void check() {
        if (failure != null) {
            throw failure;
        }
    }

    private void poll() {
        while (running) {
            try {
                for (Task task : SqlStatementCounter.uncounted(
                        () -> tasks.createTaskQuery().orderByTaskCreateTime().asc().listPage(0, 500))) {
                    if (taken.add(task.getId())) {
                        workers.execute(() -> answer(task));
                    }
                }
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a poll that races a commit is simply repeated
            }
        }
    }

    private void answer(Task task) {
        try {
            tasks.complete(task.getId(), answers(task));
            completed.incrementAndGet();
            byTask.computeIfAbsent(task.getTaskDefinitionKey(), k -> new AtomicLong()).incrementAndGet();
        } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
            // a job moved the case at the same moment: the next poll offers the task again
            retried.incrementAndGet();
            taken.remove(task.getId());
        } catch (RuntimeException e) {
            failure = new IllegalStateException("could not complete " + task.getTaskDefinitionKey() + " " + task.getId(), e);
        }
    }

    private Map<String, Object> answers(Task task) {
        String id = task.getId();
        return switch (task.getTaskDefinitionKey()) {
            case "Task_TriageThreat" -> {
                String title = String.valueOf(tasks.getVariable(id, "threatTitle"));
                Object severity = tasks.getVariable(id, "severity");
                yield Map.of("falsePositive", title.startsWith(ThreatMix.FALSE_POSITIVE_MARK),
                        "severity", severity == null ? "MEDIUM" : severity, "triageNotes", "benchmark triage");
            }
            case "Task_InvestigateThreat" -> Map.of("rootCause", "benchmark root cause", "eliminable", true,
                    "remediationAction", tasks.getVariable(id, "remediationAction"));
            case "Task_ApproveEradication" -> Map.of("eradicationDecision", "APPROVED", "approvalComment", "benchmark");
            case "Task_ConfirmClosure" -> Map.of("lessonsLearned", "benchmark lessons");
            case "Task_ReviewResidualRisk" -> Map.of("residualRiskAccepted", true,
                    "riskReviewDate", LocalDate.now().plusDays(20).toString(), "reviewComment", "benchmark");
            default -> throw new IllegalStateException("the benchmark does not know task " + task.getTaskDefinitionKey());
        };
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.interrupt();
        poller.join(5_000);
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
    }
}
