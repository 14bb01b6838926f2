package io.threatflow.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * A growing wait after wrong passwords, per user id, instead of Camunda's lock-out: after the n-th failure in a row
 * the user's next login is refused for {@code base-delay * 2^(n-1)}, at most {@code max-delay}; the right password
 * after the wait resets it. Anonymous guessing can delay an account but never lock it (the engine's own login
 * attempts and delays are switched off in application.yaml). Known and unknown user ids are throttled alike, so a
 * 429 tells nothing about who exists. Kept in memory on each node: at most {@code max-tracked} user ids, a user's
 * failures forgotten {@code forget-after} their last one. Failed logins are counted in
 * {@code threatflow.login.failures}, tagged by where: Basic (the APIs) or the webapps' login.
 */
@Component
class LoginThrottle {

    /** Where a login was tried. */
    enum Door { BASIC, WEBAPP }

    @ConfigurationProperties("threatflow.login.throttle")
    record Settings(@DefaultValue("1s") Duration baseDelay, @DefaultValue("60s") Duration maxDelay,
                    @DefaultValue("1h") Duration forgetAfter, @DefaultValue("100000") int maxTracked) {
    }

    private record Failures(int count, Instant until, Instant last) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<Door, Counter> failures;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();

    LoginThrottle(Settings settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.failures = Map.of(Door.BASIC, counter(meters, Door.BASIC), Door.WEBAPP, counter(meters, Door.WEBAPP));
    }

    private static Counter counter(MeterRegistry meters, Door door) {
        return Counter.builder("threatflow.login.failures")
                .description("Logins refused for a wrong password or an unknown user")
                .tag("via", door.name().toLowerCase()).register(meters);
    }

    /** How long the user must still wait before a login is checked; empty when it may be tried now. */
    Optional<Duration> wait(String userId) {
        Failures known = byUser.get(userId);
        Instant now = clock.instant();
        return known == null || !now.isBefore(known.until()) ? Optional.empty()
                : Optional.of(Duration.between(now, known.until()));
    }

    void failed(String userId, Door door) {
        failures.get(door).increment();
        Instant now = clock.instant();
        byUser.compute(userId, (id, before) -> {
            int count = before == null || before.last().plus(settings.forgetAfter()).isBefore(now) ? 1 : before.count() + 1;
            return new Failures(count, now.plus(delay(count)), now);
        });
        if (byUser.size() > settings.maxTracked()) {
            forget(now);
        }
    }

    void succeeded(String userId) {
        byUser.remove(userId);
    }

    private Duration delay(int failures) {
        // base * 2^(failures-1), without overflowing on a long run of failures
        int doublings = Math.min(failures - 1, 30);
        Duration delay = settings.baseDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    /** The forgotten first; then, while there are too many, the longest quiet. */
    private void forget(Instant now) {
        byUser.entrySet().removeIf(entry -> entry.getValue().last().plus(settings.forgetAfter()).isBefore(now));
        int excess = byUser.size() - settings.maxTracked();
        if (excess > 0) {
            byUser.entrySet().stream().sorted(Comparator.comparing(entry -> entry.getValue().last())).limit(excess)
                    .map(Map.Entry::getKey).toList().forEach(byUser::remove);
        }
    }

    /** Seconds for Retry-After: whole, rounded up, at least one. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
