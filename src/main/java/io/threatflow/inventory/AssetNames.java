package io.threatflow.inventory;

import io.threatflow.Text;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the inventory accepts as an asset's host name and IP address, checked without any DNS lookup. */
public final class AssetNames {

    public static final int MAX_HOSTNAME = 253;

    // RFC 1123 labels: letters, digits and inner hyphens, 1 to 63 characters each
    private static final Pattern HOSTNAME = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    // four decimal octets without leading zeros: 010 is octal to some tools and decimal to others
    private static final Pattern IPV4 = Pattern.compile(
            "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-f:.]{2,45}");

    private AssetNames() {
    }

    /** The host name as stored (trimmed, lower-case, without a trailing root dot), or empty when it is not a DNS name. */
    public static Optional<String> hostname(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String host = Text.strip(name).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.length() <= MAX_HOSTNAME && HOSTNAME.matcher(host).matches() && ipAddress(host).isEmpty()
                ? Optional.of(host) : Optional.empty();
    }

    /** The IPv4 or IPv6 literal as stored (trimmed, lower-case), or empty when it is not one. */
    public static Optional<String> ipAddress(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String ip = Text.strip(literal).toLowerCase(Locale.ROOT);
        if (IPV4.matcher(ip).matches()) {
            return Optional.of(ip);
        }
        if (!ip.contains(":") || !IPV6_CHARACTERS.matcher(ip).matches()) {
            return Optional.empty();
        }
        try {
            // only hex digits, colons and dots with a colon among them: InetAddress parses this as an IPv6
            // literal and refuses it as one, it never asks DNS about it
            InetAddress.getByName(ip);
            return Optional.of(ip);
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }
}
