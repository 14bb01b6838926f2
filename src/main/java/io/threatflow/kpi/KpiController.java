package io.threatflow.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.threatflow.access.Groups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/metrics}: the threat KPIs for managers. The API's security only authenticates; which
 * groups may see the numbers is decided here, next to them.
 */
@RestController
@Tag(name = "Metrics", description = "Threat KPIs of a time window (managers)")
@RequestMapping(path = "/api/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
class KpiController {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    private static final List<String> ALLOWED_GROUPS = List.of(Groups.MANAGERS, Groups.ADMINS);

    private final KpiService kpis;
    private final IdentityService identity;
    private final Clock clock;

    KpiController(KpiService kpis, IdentityService identity, Clock clock) {
        this.kpis = kpis;
        this.identity = identity;
        this.clock = clock;
    }

    @Operation(summary = "Threat KPIs of a time window",
            description = "MTTA, MTTC, MTTR, time per step, SLA breaches, outcomes and recurrence, overall and per "
                    + "severity, and the backlog at the window's end. Defined in the README, section Metrics.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The KPIs"),
                    @ApiResponse(responseCode = "400", description = "from or to unparsable, from not before to, "
                            + "or a window longer than 366 days; the problem names the parameter"),
                    @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
                    @ApiResponse(responseCode = "403", description = "Not a manager or administrator")})
    @GetMapping
    KpiReport metrics(
            @Parameter(description = "window start, inclusive: ISO instant or date (UTC); default: to minus 30 days")
            @RequestParam(required = false) String from,
            @Parameter(description = "window end, exclusive: ISO instant or date (UTC); default: now")
            @RequestParam(required = false) String to) {
        requireManager();
        Instant end = to == null ? clock.instant() : KpiWindow.parse("to", to);
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : KpiWindow.parse("from", from);
        return kpis.report(start, end);
    }

    private void requireManager() {
        Authentication user = identity.getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(ALLOWED_GROUPS::contains)) {
            throw new NotAManagerException();
        }
    }

    @ExceptionHandler(InvalidKpiWindowException.class)
    ProblemDetail invalidWindow(InvalidKpiWindowException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + ": " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(NotAManagerException.class)
    ProblemDetail notAManager() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The threat metrics are for the groups " + ALLOWED_GROUPS);
        problem.setTitle("Forbidden");
        return problem;
    }

    private static final class NotAManagerException extends RuntimeException {
        NotAManagerException() {
            super(null, null, false, false);
        }
    }
}
