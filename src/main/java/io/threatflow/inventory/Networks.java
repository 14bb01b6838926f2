package io.threatflow.inventory;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** IP networks in settings, read without DNS: a host name where a network belongs is an error, not a lookup. */
public final class Networks {

    private Networks() {
    }

    /**
     * A network in CIDR notation, or a single address.
     *
     * @param setting the setting it comes from, named in the error
     * @throws IllegalStateException naming the setting, when it is not one
     */
    public static IpAddressMatcher cidr(String setting, String cidr) {
        String address = cidr == null ? "" : cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
        if (AssetNames.ipAddress(address).isEmpty()) {
            throw new IllegalStateException(setting + ": '" + cidr + "' is not an IP network in CIDR notation");
        }
        try {
            return new IpAddressMatcher(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + ": '" + cidr + "' is not an IP network in CIDR notation", e);
        }
    }
}
