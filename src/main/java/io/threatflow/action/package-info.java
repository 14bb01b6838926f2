/**
 * Security actions on assets: the ports a connector implements, the embedded {@code InventoryActionAdapter},
 * and {@link io.threatflow.action.ActionService}, which applies each action through its port and logs it.
 *
 * <h2>The idempotency contract</h2>
 * Every method of an action port ({@link io.threatflow.action.HostIsolationPort},
 * {@link io.threatflow.action.PortControlPort}, {@link io.threatflow.action.PatchingPort},
 * {@link io.threatflow.action.MalwareRemovalPort}, {@link io.threatflow.action.AccountControlPort},
 * {@link io.threatflow.action.MonitoringPort}) takes the action's {@link io.threatflow.action.ActionKey} first.
 * <ul>
 *   <li>{@code ActionService} calls a port at most once per key and commits the result to the action log in
 *       the engine's transaction. When that transaction rolls back after the port returned (the node dies, the
 *       database fails), the job runs again and calls the port again <em>with the same key</em>.</li>
 *   <li>A connector whose target is outside that transaction (an HTTP API, an agent, a ticketing system) must
 *       hand {@link io.threatflow.action.ActionKey#value()} to the target as its idempotency key (an
 *       {@code Idempotency-Key} header, a request id, a ticket reference), so that the target recognises the
 *       second call and does not act twice. Where the target cannot deduplicate, the connector does it itself
 *       before calling.</li>
 *   <li>A connector returns a one-line description of what the target did, which the action log keeps as the
 *       action's detail; on a repeated call it describes the state the first call reached.</li>
 *   <li>A refusal by the target (an unmanaged asset, an action that does not apply) is an
 *       {@link io.threatflow.action.ActionRejectedException}: a business outcome, logged as rejected and never
 *       retried. Any other exception is a technical failure: nothing is logged and the job retries.</li>
 * </ul>
 * An adapter whose target is the engine's own database, as the inventory adapter is, may ignore the key: a
 * rollback undoes its change along with the log entry.
 */
package io.threatflow.action;
