package io.threatflow.action;

import io.threatflow.engine.ProcessVariable;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions whose target accepted them for later (the webhook's {@code 202}) and posts the result: the case waits
 * in a receive task for the message {@value #MESSAGE_ACTION_RESULT}, correlated by the action's id, which the
 * task holds in its local variable {@code pendingActionId}. Its boundary timer, due at {@code actionResultDue},
 * tells the managers when the result is late.
 */
@Service
public class PendingActions {

    public static final String MESSAGE_ACTION_RESULT = "ActionResult";
    /** Set by the task that applied the action: whether the case is to wait for its result. */
    public static final ProcessVariable<Boolean> ACTION_PENDING = ProcessVariable.of("actionPending", Boolean.class);
    public static final ProcessVariable<String> PENDING_ACTION_ID = ProcessVariable.of("pendingActionId", String.class);
    public static final ProcessVariable<Date> ACTION_RESULT_DUE = ProcessVariable.of("actionResultDue", Date.class);
    /** The posted result, {@code APPLIED}, {@code REJECTED} or {@code FAILED}. */
    public static final ProcessVariable<String> ACTION_RESULT = ProcessVariable.of("actionResult", String.class);
    /** Where both processes keep why the last action was not carried out (also the ActionRejected message). */
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.of("rejectionReason", String.class);

    private final ActionService actions;
    private final RuntimeService runtime;
    private final PendingActionSettings settings;
    private final Clock clock;

    public PendingActions(ActionService actions, RuntimeService runtime, PendingActionSettings settings, Clock clock) {
        this.actions = actions;
        this.runtime = runtime;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Says, on the execution that applied the action, whether the case is to wait for its result, and when the
     * managers are to be told that it is late.
     *
     * @return whether the action is pending
     */
    public boolean await(DelegateExecution execution, ActionKey key, ActionRecord logged) {
        boolean pending = logged.status() == ActionStatus.PENDING;
        // not local: a task with a boundary event is a scope of its own, whose variables end with it
        ACTION_PENDING.set(execution, pending);
        if (pending) {
            PENDING_ACTION_ID.set(execution, key.actionId());
            ACTION_RESULT_DUE.set(execution, Date.from(clock.instant().plus(settings.resultTimeout())));
        }
        return pending;
    }

    /** What became of a posted result. */
    public enum Outcome {
        /** recorded, and handed to the case if it still waits */
        RECORDED,
        /** the same result was recorded before: a repeat, nothing changed */
        REPEATED
    }

    /** The action that {@code actionId} names, if ThreatFlow asked for it. */
    public Optional<ActionRecord> find(String actionId) {
        return actions.findByActionId(actionId);
    }

    /**
     * Records the result the target posted and hands it to the case waiting for it.
     *
     * @throws UnknownActionException       when no action has this id
     * @throws ActionNotPendingException when another result was recorded before, or the action never waited
     */
    @Transactional
    public Outcome accept(String actionId, ActionStatus result, String detail) {
        ActionRecord action = find(actionId).orElseThrow(() -> new UnknownActionException(actionId));
        if (action.status() != ActionStatus.PENDING) {
            if (action.status() == result && action.detail() != null && action.detail().contains(ActionService.RESULT_POSTED)) {
                return Outcome.REPEATED;
            }
            throw new ActionNotPendingException("the action " + actionId + " does not wait for a result: it is "
                    + action.status().name().toLowerCase(Locale.ROOT));
        }
        if (!actions.recordResult(action, result, detail)) {
            throw new ActionNotPendingException("another result for the action " + actionId + " came first");
        }
        VariableMap variables = Variables.createVariables();
        ACTION_RESULT.putIn(variables, result.name());
        if (result != ActionStatus.APPLIED) {
            REJECTION_REASON.putIn(variables, "The system " + (result == ActionStatus.REJECTED ? "refused" : "failed")
                    + " to " + action.action().label() + " on " + action.target()
                    + (detail == null || detail.isBlank() ? "" : ": " + detail));
        }
        // none when the case no longer waits (it was closed or mitigated meanwhile): the result stays on record
        runtime.createMessageCorrelation(MESSAGE_ACTION_RESULT)
                .localVariableEquals(PENDING_ACTION_ID.name(), actionId)
                .setVariables(variables)
                .correlateAll();
        return Outcome.RECORDED;
    }

    /** No action was ever requested under the id. */
    public static class UnknownActionException extends RuntimeException {
        public UnknownActionException(String actionId) {
            super("no action " + actionId + " was requested by ThreatFlow");
        }
    }

    /** The action has its result already, or never waited for one. */
    public static class ActionNotPendingException extends RuntimeException {
        public ActionNotPendingException(String message) {
            super(message);
        }
    }
}
