package io.threatflow.intake;

import io.threatflow.engine.DeferredStarts;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.threat.DuplicateThreatException;
import io.threatflow.threat.NewThreat;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a report into a case: a new threat opens a remediation case; a report of a threat that is open
 * already is correlated to its case as a sighting. Two concurrent reports of one threat open one case: the
 * threat's fingerprints are unique, the loser's transaction rolls back and is retried as a sighting.
 * <p>
 * HTTP intake {@link #accept accepts}: the answer covers the register's commit, and the case starts after it, on the
 * job executor ({@link DeferredStarts}). A further report before the case has started is a sighting in the register.
 * {@link #report} opens the case in the caller's transaction, for callers that need its id at once.
 */
@Service
public class ThreatIntake {

    /**
     * {@code RESOLVED}: the source's word that a threat is gone reached the case that waited for it; {@code IGNORED}:
     * such a word for a threat that is not open, or whose case does not wait for it
     */
    public enum Result { CREATED, DUPLICATE, RESOLVED, IGNORED }

    private static final int MAX_ATTEMPTS = 10;

    public record Outcome(Result result, String threatId, String processInstanceId) {
    }

    private final ThreatService threats;
    private final RemediationCases cases;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final DeferredStarts starts;
    /** The case starts of the batch under way on this thread, scheduled together at its end. */
    private final ThreadLocal<List<DeferredStarts.Request>> batch = new ThreadLocal<>();
    /** Whether the batch under way on this thread has checked the reporter's right to open cases. */
    private final ThreadLocal<Boolean> rightChecked = ThreadLocal.withInitial(() -> false);

    ThreatIntake(ThreatService threats, RemediationCases cases, PlatformTransactionManager transactions,
                 DeferredStarts starts) {
        this.threats = threats;
        this.cases = cases;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.starts = starts;
    }

    /**
     * Registers the threat, or correlates the report to the open threat, and leaves the start of a new threat's
     * case to the job executor: the outcome has no case id for a new threat. Inside {@link #inBatch} the report
     * is rolled back alone when it fails (a savepoint), and the starts are scheduled with the batch.
     */
    public Outcome accept(NewThreat report, String reportedBy) {
        boolean inBatch = batch.get() != null;
        TransactionTemplate scope = inBatch ? savepoint : transaction;
        for (int attempt = 1; ; attempt++) {
            try {
                return scope.execute(status -> registerOrCorrelate(report, reportedBy));
            } catch (DuplicateKeyException | OptimisticLockingException | PessimisticLockingFailureException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Runs the work (calls of {@link #accept} and {@link #resolvedBySource}) in one transaction, each report in its
     * own savepoint, and schedules the case starts of the new threats in one go before the commit.
     */
    public <T> T inBatch(Supplier<T> work) {
        return transaction.execute(status -> {
            batch.set(new ArrayList<>());
            try {
                T result = work.get();
                starts.schedule(batch.get());
                return result;
            } finally {
                batch.remove();
                rightChecked.remove();
            }
        });
    }

    /** Registers the threat and hands it on, or correlates the report to the open threat it describes. */
    private Outcome registerOr(NewThreat report, String reportedBy, java.util.function.Function<Threat, Outcome> created) {
        Threat threat;
        try {
            threat = threats.register(report);
        } catch (DuplicateThreatException open) {
            return correlate(threats.get(open.threatId()), report, reportedBy);
        }
        return created.apply(threat);
    }

    private Outcome registerOrCorrelate(NewThreat report, String reportedBy) {
        return registerOr(report, reportedBy, threat -> scheduleStart(threat, reportedBy));
    }

    private Outcome scheduleStart(Threat threat, String reportedBy) {
        if (!rightChecked.get()) {
            // as the engine would have refused the start in this request; once per batch
            cases.requireRightToOpen();
            rightChecked.set(batch.get() != null);
        }
        DeferredStarts.Request start = new DeferredStarts.Request(threat.id(), reportedBy);
        if (batch.get() != null) {
            batch.get().add(start);
        } else {
            starts.schedule(List.of(start));
        }
        return new Outcome(Result.CREATED, threat.id(), null);
    }

    public Outcome report(NewThreat report, String reportedBy) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> openOrCorrelate(report, reportedBy));
            } catch (DuplicateKeyException | OptimisticLockingException concurrent) {
                // another report of the same threat committed first, or the case moved on while we
                // correlated: the next attempt sees the committed state; a random pause keeps a burst of
                // reports of one threat from colliding again in step
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrent;
                }
                pause(attempt);
            }
        }
    }

    /**
     * The source says the threat it reported is resolved (an OCSF finding with status Resolved). Only the validation
     * of a case after its eradication listens: before that, and for a threat not open, the word changes nothing,
     * and it never opens a threat.
     */
    public Outcome resolvedBySource(NewThreat report, String reportedBy) {
        return (batch.get() != null ? savepoint : transaction).execute(status -> threats.findOpen(report)
                .map(threat -> new Outcome(cases.resolvedBySource(threat.id(), new RemediationCases.SightingReport(
                        report.source(), report.sourceRef(), report.reportedSeverity(), reportedBy))
                        ? Result.RESOLVED : Result.IGNORED, threat.id(), threat.processInstanceId()))
                .orElseGet(() -> new Outcome(Result.IGNORED, null, null)));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reporting a threat", e);
        }
    }

    private Outcome openOrCorrelate(NewThreat report, String reportedBy) {
        return registerOr(report, reportedBy, threat -> new Outcome(Result.CREATED, threat.id(), cases.open(threat.id())));
    }

    private Outcome correlate(Threat threat, NewThreat report, String reportedBy) {
        boolean correlated = cases.addSighting(threat.id(), new RemediationCases.SightingReport(report.source(),
                report.sourceRef(), report.reportedSeverity(), reportedBy));
        if (!correlated) {
            // e.g. a threat under a mitigation started on its own: the sighting is still kept
            threats.recordSighting(threat.id(), report.source(), report.sourceRef(), report.reportedSeverity(),
                    reportedBy);
        }
        return new Outcome(Result.DUPLICATE, threat.id(), threat.processInstanceId());
    }
}
