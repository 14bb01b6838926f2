package io.threatflow.validation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code threatflow.validation.probe.*}: where validation may connect to a service to see whether it is still
 * exposed.
 *
 * @param allowedNetworks the networks (CIDR) a probe may connect into; none: no probing at all
 * @param connectTimeout  how long one connection attempt may take
 * @param attempts        how many attempts before a port that never answers counts as unreachable
 * @param pause           the wait between attempts
 */
@ConfigurationProperties("threatflow.validation.probe")
public record ProbeSettings(List<String> allowedNetworks, Duration connectTimeout, int attempts, Duration pause) {

    public ProbeSettings {
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        attempts = attempts < 1 ? 3 : attempts;
        pause = pause == null ? Duration.ofSeconds(1) : pause;
    }
}
