package io.threatflow.intake;

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

    /** One reason for a rejection; {@code field} is the OCSF path, e.g. {@code device.hostname}. */
    record FieldError(String field, String message) {
    }
}
