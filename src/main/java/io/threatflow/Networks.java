package io.threatflow;

import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** IP networks in settings, read without DNS: a host name where a network belongs is an error, not a lookup. */
public final class Networks {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

    private Networks() {
    }

    /** Whether the text is an IPv4 or IPv6 address literal (and so needs no lookup). */
    public static boolean isIpLiteral(String address) {
        return address != null && IP_LITERAL.matcher(address).matches();
    }

    /**
     * A network in CIDR notation, or a single address.
     *
     * @param setting the setting it comes from, named in the error
     * @throws IllegalStateException naming the setting, when it is not one
     */
    public static IpAddressMatcher cidr(String setting, String cidr) {
        String address = cidr == null ? "" : cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
        if (!isIpLiteral(address)) {
            throw new IllegalStateException(setting + ": '" + cidr + "' is not an IP network in CIDR notation");
        }
        try {
            return new IpAddressMatcher(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + ": '" + cidr + "' is not an IP network in CIDR notation", e);
        }
    }
}
