package io.threatflow.engine;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * A user's engine command that {@link CaseGuard} refuses: fields a completion or start may not write (then
 * {@link #fields()} names each), or something only an administrator or someone other than the investigator may do.
 *
 * <p>It is an {@link AuthorizationException} on purpose: the engine REST API's resources let those through
 * unchanged (any other engine exception they turn into a 500), so the webapps answer 403 with Camunda's JSON
 * and its message, and {@code /engine-rest} answers with a problem (web.EngineRestProblems).
 */
public class CommandRefusedException extends AuthorizationException {

    /** A field of the command and why it is refused. */
    public record RefusedField(String field, String reason) {
    }

    private final List<RefusedField> fields;

    CommandRefusedException(String message, List<RefusedField> fields) {
        super(message);
        this.fields = List.copyOf(fields);
    }

    CommandRefusedException(String message) {
        this(message, List.of());
    }

    /** The refused fields; empty when the command is refused as a whole. */
    public List<RefusedField> fields() {
        return fields;
    }
}
