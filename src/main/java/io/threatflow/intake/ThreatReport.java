package io.threatflow.intake;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.media.Schema;
import io.threatflow.Text;
import io.threatflow.threat.AttackCatalogue;
import io.threatflow.threat.AttackTechnique;
import io.threatflow.threat.NewThreat;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatEvidence;
import io.threatflow.threat.ThreatType;
import io.threatflow.web.StrictBoolean;
import io.threatflow.web.PlainText;
import io.threatflow.web.TimeBounds;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /api/threats}.
 *
 * @param severity the reporter's estimate, kept as the threat's {@code reportedSeverity}; the threat's own
 *                 severity is assessed by the decision threat-severity (which weighs this estimate) and set
 *                 at triage. The field keeps its name for the clients that send it.
 * @param dryRun   record what ThreatFlow would do and change nothing; absent or null: false
 * @param cvssScore, epssScore, exploitAvailable, internetFacing what the reporter knows about exploitability and
 *                 exposure: the inputs of the SSVC decision in threat-severity; absent: unknown (booleans false)
 * @param attackTechniques MITRE ATT&CK technique ids; response-plan and mitigation-measures act on them
 */
public record ThreatReport(
        @NotBlank @Size(max = NewThreat.MAX_TITLE) @PlainText String title,
        @NotNull ThreatType type,
        @NotBlank @Size(max = NewThreat.MAX_ASSET_NAME) @PlainText String asset,
        @Size(max = NewThreat.MAX_DESCRIPTION) @PlainText(lineBreaks = true) String description,
        @Schema(description = "The reporter's estimate of the severity, kept as the threat's reportedSeverity. "
                + "The threat's severity is assessed from it (decision threat-severity) and set at triage.")
        Severity severity,
        @Pattern(regexp = "(?i)" + NewThreat.CVE_FORMAT, message = "must look like CVE-2024-3400")
        @Size(max = NewThreat.MAX_CVE) String cve,
        @Min(1) @Max(65535) Integer port,
        @Size(max = NewThreat.MAX_SOURCE) @PlainText String source,
        @Size(max = NewThreat.MAX_SOURCE_REF) @PlainText String sourceRef,
        Instant detectedAt,
        @Schema(description = "A dry run: every action is recorded with the request it would send (secrets "
                + "masked) and nothing is sent to any outside system; kept out of the KPIs. Default false.")
        @JsonDeserialize(using = StrictBoolean.class)
        Boolean dryRun,
        @Schema(description = "CVSS base score of the weakness, 0.0 to 10.0 (SSVC technical impact).")
        @DecimalMin("0.0") @DecimalMax("10.0") Double cvssScore,
        @Schema(description = "EPSS probability of exploitation, 0.0 to 1.0 (SSVC exploitation).")
        @DecimalMin("0.0") @DecimalMax("1.0") Double epssScore,
        @Schema(description = "A public exploit exists (SSVC exploitation: proof of concept). Default false.")
        @JsonDeserialize(using = StrictBoolean.class)
        Boolean exploitAvailable,
        @Schema(description = "The affected service is reachable from the internet (SSVC automatable), whatever "
                + "the inventory says. Default false.")
        @JsonDeserialize(using = StrictBoolean.class)
        Boolean internetFacing,
        @Schema(description = "MITRE ATT&CK technique ids the threat was seen with, such as T1486 or T1021.001.")
        @Size(max = AttackTechnique.MAX_PER_THREAT)
        List<@NotNull @Pattern(regexp = "(?i)" + AttackTechnique.ID_FORMAT,
                message = "must be an ATT&CK technique id such as T1486 or T1021.001") String> attackTechniques) {

    /** @throws InvalidReportException for what field constraints cannot say */
    NewThreat toNewThreat(Clock clock) {
        // strip(), not trim(): a no-break or em space around a name must not make it another asset
        if (Text.strip(title).isEmpty()) {
            throw new InvalidReportException("title", "must not be blank");
        }
        if (Text.strip(asset).isEmpty()) {
            throw new InvalidReportException("asset", "must not be blank");
        }
        if (type == ThreatType.EXPOSED_SERVICE && port == null) {
            throw new InvalidReportException("port", "is required for an EXPOSED_SERVICE threat");
        }
        if (detectedAt != null) {
            TimeBounds.refusal(detectedAt, clock).ifPresent(refusal -> {
                throw new InvalidReportException("detectedAt", refusal);
            });
        }
        return new NewThreat(Text.strip(title), type, Text.strip(asset), description, severity,
                cve == null ? null : cve.toUpperCase(Locale.ROOT), port, blankToNull(source),
                blankToNull(sourceRef), detectedAt, Boolean.TRUE.equals(dryRun), evidence());
    }

    private ThreatEvidence evidence() {
        List<AttackTechnique> attacks = attackTechniques == null ? List.of() : attackTechniques.stream()
                .map(id -> id.strip().toUpperCase(Locale.ROOT)).distinct().map(AttackCatalogue::describe).toList();
        return new ThreatEvidence(cvssScore, epssScore, Boolean.TRUE.equals(exploitAvailable),
                Boolean.TRUE.equals(internetFacing), attacks);
    }

    private static String blankToNull(String value) {
        return Text.isBlank(value) ? null : Text.strip(value);
    }
}
