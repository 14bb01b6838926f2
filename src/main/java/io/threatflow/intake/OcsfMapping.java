package io.threatflow.intake;

import io.threatflow.web.Problems.FieldError;
import java.util.List;
import java.util.Objects;

/** What one OCSF finding became: a threat report, or the reasons it could not become one. */
public sealed interface OcsfMapping {

    /**
     * @param resolvedBySource the finding's {@code status_id} is 4 (Resolved): the source's word that the threat it
     *                         reported before is gone, not a new report
     */
    record Mapped(ThreatReport report, boolean resolvedBySource) implements OcsfMapping {

        public Mapped {
            Objects.requireNonNull(report, "report");
        }

        Mapped(ThreatReport report) {
            this(report, false);
        }
    }

    record Rejected(String detail, List<FieldError> errors) implements OcsfMapping {

        public Rejected {
            Objects.requireNonNull(detail, "detail");
            errors = List.copyOf(errors);
        }
    }
}
