package io.threatflow.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The threat KPIs of a time window, from the engine's history and the threat register. */
@Service
public class KpiService {

    private final KpiFactsLoader facts;
    private final Clock clock;

    KpiService(KpiFactsLoader facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * The KPIs of {@code [from, to)}.
     *
     * @throws InvalidKpiWindowException when {@code from} is not before {@code to} or the window is longer than 366 days
     */
    // one snapshot for the several queries, so a case closing meanwhile is not counted half
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public KpiReport report(Instant from, Instant to) {
        KpiWindow window = KpiWindow.of(from, to);
        return KpiCalculator.report(window, facts.load(window), facts.overdueRiskReviews(window),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }
}
