package io.threatflow.assets;

import io.threatflow.access.CurrentUser;
import io.threatflow.access.Groups;
import io.threatflow.web.NotAllowedException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may read and who may load the asset inventory over {@code /api/assets}, decided here alone: analysts,
 * managers and administrators read it; only administrators change it, since routing picks the connector that acts
 * on a host by its tags and internet-facing flag.
 */
@Component
class AssetAccess {

    static final List<String> READERS = Groups.CASE_READERS;
    static final List<String> WRITERS = List.of(Groups.ADMINS);

    private final CurrentUser user;

    AssetAccess(CurrentUser user) {
        this.user = user;
    }

    void checkRead() {
        user.requireAnyOf(READERS, "The asset inventory");
    }

    void checkWrite() {
        if (!user.isInAnyOf(WRITERS)) {
            throw new NotAllowedException("Only members of " + String.join(", ", WRITERS)
                    + " may load the asset inventory");
        }
    }
}
