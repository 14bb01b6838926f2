package io.threatflow.mitigation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.threatflow.access.CurrentUser;
import io.threatflow.access.Groups;
import io.threatflow.web.InvalidFieldException;
import io.threatflow.web.Problems;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/risks}: the risk register, for those who may read the threat register. */
@RestController
@Tag(name = "Risks", description = "Accepted residual risks and their reviews")
@RequestMapping(path = "/api/risks", produces = MediaType.APPLICATION_JSON_VALUE)
class RiskController {

    private final RiskRegister register;
    private final CurrentUser user;

    RiskController(RiskRegister register, CurrentUser user) {
        this.register = register;
        this.user = user;
    }

    @Operation(summary = "Accepted residual risks",
            description = "Each accepted risk not yet reviewed again: threat, asset, severity, who accepted it with "
                    + "their comment, when, until when (reviewDate), and its state: ACTIVE, EXPIRING_SOON (within "
                    + "threatflow.risk.expiring-within of its review date) or OVERDUE (its review date has come). The "
                    + "soonest review first.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The accepted risks"),
                    @ApiResponse(responseCode = "400", description = "state is not ACTIVE, EXPIRING_SOON or OVERDUE; "
                            + "the problem names the parameter"),
                    @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
                    @ApiResponse(responseCode = "403", description = "Not an analyst, manager or administrator")})
    @GetMapping
    List<RiskRegister.AcceptedRisk> risks(
            @Parameter(description = "only risks in this state: ACTIVE, EXPIRING_SOON or OVERDUE (any case)")
            @RequestParam(required = false) String state) {
        user.requireAnyOf(Groups.CASE_READERS, "The risk register");
        return register.list(state == null ? null : state(state));
    }

    private static RiskRegister.State state(String value) {
        return RiskRegister.State.parse(value).orElseThrow(() -> new InvalidFieldException(Problems.INVALID_REQUEST, "state",
                        "must be one of " + Arrays.toString(RiskRegister.State.values()) + ", not '" + value + "'"));
    }
}
