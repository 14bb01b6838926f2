package io.threatflow.notification;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configured values that must never be shown: the webhook URLs and the SMTP password. Every text about a
 * failed delivery passes {@link #redact} before it reaches the outbox or the log; URLs of any kind are masked
 * too, since a library's message may quote the request it failed on.
 */
final class Secrets {

    static final String MASK = "(secret)";
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+");

    private final List<String> values;

    Secrets(List<String> values) {
        this.values = values.stream().filter(Objects::nonNull).filter(v -> v.length() >= 4).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static Secrets of(NotificationProperties properties, String mailPassword) {
        return new Secrets(Stream.concat(properties.routes().values().stream()
                        .flatMap(route -> Stream.of(route.slackWebhookUrl(), route.teamsWebhookUrl())),
                Stream.of(mailPassword)).toList());
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String value : values) {
            redacted = redacted.replace(value, MASK);
        }
        return URL.matcher(redacted).replaceAll("(url)");
    }
}
