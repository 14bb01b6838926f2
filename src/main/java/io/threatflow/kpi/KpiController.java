package io.threatflow.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.threatflow.web.NotAllowedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/metrics}: the threat KPIs for managers. The API's security only authenticates; which
 * groups may see the numbers is decided by {@link KpiReaders}.
 */
@RestController
@Tag(name = "Metrics", description = "Threat KPIs of a time window (managers)")
@RequestMapping(path = "/api/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
class KpiController {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final KpiService kpis;
    private final KpiReaders readers;
    private final Clock clock;

    KpiController(KpiService kpis, KpiReaders readers, Clock clock) {
        this.kpis = kpis;
        this.readers = readers;
        this.clock = clock;
    }

    @Operation(summary = "Threat KPIs of a time window",
            description = "MTTA, MTTC, MTTR, time per step, SLA breaches, outcomes and recurrence, overall and per "
                    + "severity, and the backlog at the window's end. Defined in docs/metrics.md.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The KPIs"),
                    @ApiResponse(responseCode = "400", description = "from or to unparsable or not between 1970 "
                            + "and one day from now, from not before to, or a window longer than 366 days; the problem "
                            + "names the parameter"),
                    @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
                    @ApiResponse(responseCode = "403", description = "Not a manager or administrator")})
    @GetMapping
    KpiReport metrics(
            @Parameter(description = "window start, inclusive: ISO instant or date (UTC); default: to minus 30 days")
            @RequestParam(required = false) String from,
            @Parameter(description = "window end, exclusive: ISO instant or date (UTC); default: now")
            @RequestParam(required = false) String to) {
        if (!readers.mayRead()) {
            throw new NotAllowedException(readers.refusal());
        }
        Instant end = to == null ? clock.instant() : KpiWindow.parse("to", to, clock);
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : KpiWindow.parse("from", from, clock);
        return kpis.report(start, end);
    }
}
