package io.threatflow.connector;

import io.threatflow.Text;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.inventory.Asset;
import java.util.Locale;
import java.util.regex.Pattern;

/** The asset's host name as a vendor's query may carry it. */
public final class Hostnames {

    /** RFC 1123 labels, and the underscore that Windows NetBIOS names allow; nothing a query language reads. */
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})");

    private Hostnames() {
    }

    /**
     * The host name of the asset, lower case, for a search in {@code system}.
     *
     * @throws ActionRejectedException when the asset has no host name, or one that is not a host name: the system
     *                                 cannot find it
     */
    public static String of(Asset asset, String system) {
        String hostname = Text.strip(asset.hostname());
        if (Text.isBlank(hostname)) {
            throw new ActionRejectedException(system + " finds hosts by name, and asset "
                    + (asset.ipAddress() == null ? asset.id() : asset.ipAddress()) + " has none");
        }
        if (!HOSTNAME.matcher(hostname).matches()) {
            throw new ActionRejectedException(system + " cannot look up \"" + hostname + "\": not a host name");
        }
        return hostname.toLowerCase(Locale.ROOT);
    }
}
