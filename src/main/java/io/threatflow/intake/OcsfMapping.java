package io.threatflow.intake;

import io.threatflow.web.Problems.FieldError;
import java.util.List;
import java.util.Objects;

/** What one OCSF finding became: a threat report, or the reasons it could not become one. */
public sealed interface OcsfMapping {

    record Mapped(ThreatReport report) implements OcsfMapping {

        public Mapped {
            Objects.requireNonNull(report, "report");
        }
    }

    record Rejected(String detail, List<FieldError> errors) implements OcsfMapping {

        public Rejected {
            Objects.requireNonNull(detail, "detail");
            errors = List.copyOf(errors);
        }
    }
}
