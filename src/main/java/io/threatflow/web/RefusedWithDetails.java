package io.threatflow.web;

import java.util.List;
import java.util.Map;

/**
 * An exception that refuses a request for several reasons, each a small JSON object, answered as one 400 problem
 * with the reasons under {@link #detailsName()} (e.g. a deployment refused by the policy, its violations). The
 * feature that throws it implements this, so that {@code web} needs to know no feature.
 */
public interface RefusedWithDetails {

    /** The problem's title, e.g. "Deployment refused by the policy". */
    String problemTitle();

    /** The property that holds the reasons, e.g. {@code violations}. */
    String detailsName();

    List<Map<String, String>> details();
}
