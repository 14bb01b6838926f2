package io.threatflow.connector.awx;

import io.threatflow.action.ActionType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the AWX / Automation Platform connector, {@code threatflow.connectors.awx.*}. It exists only when
 * {@code url} is given. Give either {@code token} (an OAuth2 or personal access token, sent as a bearer token) or
 * {@code username} and {@code password} (basic auth); both come from the environment or a file.
 *
 * @param jobTemplates  the job template launched for each action type, e.g. {@code PATCH_SOFTWARE: 12}; an action
 *                      without one is refused
 * @param pollInterval  how often the job is looked at while it runs
 * @param maxWait       how long one call follows the job before it gives up as a technical failure; the job's
 *                      retry then follows the same job. Keep it well under the job executor's lock time
 * @param jobLookback   how many of the template's latest jobs a retry searches for the job an earlier try launched
 */
@ConfigurationProperties("threatflow.connectors.awx")
@ConditionalOnProperty(name = "threatflow.connectors.awx.url")
public record AwxProperties(
        URI url,
        String token,
        String username,
        String password,
        Map<ActionType, Integer> jobTemplates,
        Duration connectTimeout,
        Duration readTimeout,
        Duration pollInterval,
        Duration maxWait,
        Integer jobLookback) {

    public AwxProperties {
        Objects.requireNonNull(url, "threatflow.connectors.awx.url");
        if (blank(token) && (blank(username) || blank(password))) {
            throw new IllegalArgumentException("threatflow.connectors.awx: give a token, or a username and password");
        }
        jobTemplates = jobTemplates == null ? Map.of() : Map.copyOf(jobTemplates);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(3) : pollInterval;
        maxWait = maxWait == null ? Duration.ofSeconds(45) : maxWait;
        jobLookback = jobLookback == null ? 50 : jobLookback;
    }

    boolean usesToken() {
        return !blank(token);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Without the token and password: a record would print them. */
    @Override
    public String toString() {
        return "AwxProperties[url=%s, auth=%s, jobTemplates=%s, pollInterval=%s, maxWait=%s]"
                .formatted(url, usesToken() ? "token" : "basic " + username, jobTemplates, pollInterval, maxWait);
    }
}
