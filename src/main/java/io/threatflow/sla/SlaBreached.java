package io.threatflow.sla;

import io.threatflow.threat.Severity;
import java.time.Instant;

/** Published once a breach is recorded; listeners that count it should wait for the commit. */
public record SlaBreached(String threatId, Sla sla, Severity severity, Instant dueAt, Instant breachedAt) {
}
