package io.threatflow.mitigation;

import java.time.Instant;
import java.time.LocalDate;

/** A manager's acceptance of the risk that remains after mitigation, until the review date. */
public record RiskAcceptance(String threatId, String acceptedBy, LocalDate reviewDate, String measures,
                             String comment, Instant acceptedAt) {

    /** How an acceptance stopped being open: reviewed and accepted again, sent back, or the threat was found gone. */
    public enum Ended { RENEWED, SENT_BACK, ELIMINATED }
}
