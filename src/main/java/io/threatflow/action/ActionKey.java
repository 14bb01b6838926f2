package io.threatflow.action;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The idempotency key of one action: which threat, why, what, in which case and on which occasion within that
 * case. {@link ActionService} applies an action at most once per key, and a port hands the key to its target
 * (see the package documentation for what a connector must do with it).
 *
 * <p>Build keys with the factory methods, one per occasion; they hold the format of each occasion. The
 * {@linkplain #value() string form} is what the action log stores and what a target sees; it must not change,
 * or a job that runs again would no longer find the key its first run logged.
 *
 * @param caseId   the remediation process instance, or a mitigation started on its own; a later case for the
 *                 same threat has other keys and acts anew
 * @param occasion what sets this application apart from another of the same action in the same case
 */
public record ActionKey(String threatId, ActionPurpose purpose, ActionType action, String caseId, String occasion) {

    public ActionKey {
        Objects.requireNonNull(threatId, "threatId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(occasion, "occasion");
    }

    /** An eradication action, tried once per investigation round and attempt. */
    public static ActionKey eradication(String threatId, ActionType action, String caseId, int round, int attempt) {
        return new ActionKey(threatId, ActionPurpose.ERADICATION, action, caseId,
                "round-" + round + "/attempt-" + attempt);
    }

    /**
     * A containment or mitigation measure of one mitigation run (a case may mitigate more than once after
     * re-investigation), in one mode and at one level, so that a stronger level or a later run applies anew.
     */
    public static ActionKey measure(String threatId, ActionPurpose purpose, ActionType measure, String caseId,
                                    String mitigationId, String mode, int level) {
        return new ActionKey(threatId, purpose, measure, caseId,
                "mitigation-" + mitigationId + "/" + mode.toLowerCase(Locale.ROOT) + "-level-" + level);
    }

    /** The reversal of the containment measure {@code measure}, lifted by the case {@code caseId}. */
    public static ActionKey lift(ActionRecord measure, String caseId) {
        ActionType reversal = measure.action().reversal();
        if (reversal == null) {
            throw new IllegalArgumentException(measure.action() + " has no reversal to lift it");
        }
        return new ActionKey(measure.threatId(), ActionPurpose.LIFT_CONTAINMENT, reversal, caseId,
                "lift-" + measure.id());
    }

    /** What validation observed after an eradication attempt of a round. */
    public static ActionKey validation(String threatId, String caseId, int round, int attempt) {
        return new ActionKey(threatId, ActionPurpose.VALIDATION, ActionType.PROBE_SERVICE, caseId,
                "round-" + round + "/attempt-" + attempt);
    }

    /** The stakeholders' notification that a response to the threat is planned, once per case. */
    public static ActionKey notification(String threatId, String caseId) {
        return new ActionKey(threatId, ActionPurpose.NOTIFICATION, ActionType.NOTIFY_STAKEHOLDERS, caseId,
                "response-planned");
    }

    /** {@code <threatId>/<purpose>/<action>/case-<caseId>/<occasion>}, as stored in {@code action_log}. */
    public String value() {
        return threatId + "/" + purpose + "/" + action + "/case-" + caseId + "/" + occasion;
    }

    /**
     * The id an outside system knows the action by ({@code webhook-id}, {@code /api/actions/{actionId}/result}):
     * a name-based UUID of the key, so the same on every retry and telling nothing of the case.
     */
    public String actionId() {
        return UUID.nameUUIDFromBytes(value().getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String toString() {
        return value();
    }
}
