package io.threatflow.intake;

import io.threatflow.threat.AttackTechnique;
import io.threatflow.threat.NewThreat;
import io.threatflow.web.Problems.FieldError;
import java.util.List;
import java.util.Objects;

/** What one OCSF finding became: a threat report, or the reasons it could not become one. */
public sealed interface OcsfMapping {

    /**
     * @param resolvedBySource the finding's {@code status_id} is 4 (Resolved): the source's word that the threat it
     *                         reported before is gone, not a new report
     * @param attacks          the ATT&CK techniques of the finding, with the names and tactics it gives
     */
    record Mapped(ThreatReport report, boolean resolvedBySource, List<AttackTechnique> attacks) implements OcsfMapping {

        public Mapped {
            Objects.requireNonNull(report, "report");
            attacks = attacks == null ? List.of() : List.copyOf(attacks);
        }

        Mapped(ThreatReport report) {
            this(report, false, List.of());
        }

        /** The threat as reported, with the finding's ATT&CK techniques. */
        NewThreat toNewThreat(java.time.Clock clock) {
            return report.toNewThreat(clock).withAttacks(attacks);
        }
    }

    record Rejected(String detail, List<FieldError> errors) implements OcsfMapping {

        public Rejected {
            Objects.requireNonNull(detail, "detail");
            errors = List.copyOf(errors);
        }
    }
}
