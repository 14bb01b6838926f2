package io.threatflow.mitigation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code threatflow.risk.*}: when the managers are reminded of an accepted risk's review ({@code reminder-before}
 * the review date, default 7 days), and how close to its review date the risk register calls an accepted risk
 * expiring soon ({@code expiring-within}, default 7 days).
 */
@ConfigurationProperties("threatflow.risk")
public record RiskSettings(Duration reminderBefore, Duration expiringWithin) {

    public RiskSettings {
        reminderBefore = positive("reminder-before", reminderBefore);
        expiringWithin = positive("expiring-within", expiringWithin);
    }

    private static Duration positive(String name, Duration value) {
        Duration known = value == null ? Duration.ofDays(7) : value;
        if (known.isNegative() || known.isZero()) {
            throw new IllegalArgumentException("threatflow.risk." + name + " must be positive");
        }
        return known;
    }
}
