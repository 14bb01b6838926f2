package io.threatflow.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification defines them: HMAC-SHA256, keyed with the base64 part of a
 * {@code whsec_} secret, over {@code "{webhook-id}.{webhook-timestamp}.{body}"}, sent base64-encoded in the
 * {@code webhook-signature} header as {@code v1,<signature>}. The secret itself never leaves this class: its
 * {@link #toString()} says nothing of it.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    static final String PREFIX = "whsec_";
    static final String VERSION = "v1,";

    private final byte[] key;

    private WebhookSignature(byte[] key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException when the secret is not {@code whsec_} followed by base64 (it is not quoted) */
    public static WebhookSignature of(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() == PREFIX.length()) {
            throw new IllegalArgumentException("the webhook secret must be 'whsec_' followed by base64");
        }
        try {
            return new WebhookSignature(Base64.getDecoder().decode(secret.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            // the decoder's message would not quote the secret, but its cause is of no use to anyone either
            throw new IllegalArgumentException("the webhook secret must be 'whsec_' followed by base64");
        }
    }

    /** The value of the {@code webhook-signature} header for this message. */
    public String sign(String id, long timestamp, String body) {
        return VERSION + Base64.getEncoder().encodeToString(hmac(id + "." + timestamp + "." + body));
    }

    /**
     * Whether the header holds a valid signature of this message (it may hold several, space-separated, while a
     * secret is rotated) and the timestamp is within {@code tolerance} of {@code now}, so an old message cannot be
     * replayed.
     */
    public boolean verifies(String id, String timestamp, String body, String header, Instant now, Duration tolerance) {
        if (id == null || timestamp == null || body == null || header == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
            if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
                return false;
            }
        } catch (NumberFormatException | DateTimeException e) {
            // not a number of seconds, or one no clock reaches
            return false;
        }
        byte[] expected = hmac(id + "." + seconds + "." + body);
        for (String candidate : header.trim().split(" +")) {
            if (candidate.startsWith(VERSION)) {
                try {
                    byte[] given = Base64.getDecoder().decode(candidate.substring(VERSION.length()));
                    if (MessageDigest.isEqual(expected, given)) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // another candidate may still match
                }
            }
        }
        return false;
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[secret hidden]";
    }
}
