package io.threatflow.web;

import java.util.Optional;

/**
 * A page in words for an error that a person meets in the browser (a webapp they may not open), where every other
 * surface answers with a problem. Implemented where the rule that refused is known (access.WebappRefusalPage).
 */
public interface ErrorPages {

    /**
     * The HTML page for {@code status} on the request path {@code path} (after the application's
     * {@code contextPath}), or empty to answer with a problem.
     */
    Optional<String> page(int status, String contextPath, String path);
}
