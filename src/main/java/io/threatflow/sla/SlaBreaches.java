package io.threatflow.sla;

import io.threatflow.threat.Severity;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records that a case missed a service level and tells the rest of the application, once per breach. */
@Service
public class SlaBreaches {

    private final SlaRegister register;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaBreaches(SlaRegister register, ApplicationEventPublisher events, Clock clock) {
        this.register = register;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the breach and publishes {@link SlaBreached} (in the caller's transaction, so listeners that
     * count it wait for the commit).
     *
     * @param taskId the overdue user task, if the breach concerns one
     * @return the breach if this call recorded it, null if it was recorded before
     */
    @Transactional
    public SlaBreached record(String threatId, Sla sla, Severity severity, Instant dueAt, String taskId) {
        SlaBreached breach = new SlaBreached(threatId, sla, severity, dueAt, clock.instant());
        if (!register.recordBreach(breach, taskId)) {
            return null;
        }
        events.publishEvent(breach);
        return breach;
    }
}
