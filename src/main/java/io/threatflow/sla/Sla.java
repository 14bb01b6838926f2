package io.threatflow.sla;

/** The three service levels a case is held to, each with its due time from the decision {@code sla-policy}. */
public enum Sla {
    /** Reported to triaged. */
    TRIAGE,
    /** Reported to contained: the threat can no longer spread or do further harm. */
    CONTAINMENT,
    /** Reported to closed. */
    RESOLUTION
}
