package io.threatflow.inventory;

import io.threatflow.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one definition of an inventory tag ({@code linux}, {@code dmz}, {@code pci:scope}): lower-case, trimmed,
 * {@code [a-z0-9._:-]{1,64}}. The import writes tags this way and routing compares a configured tag the same way.
 */
public final class AssetTags {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9._:-]{1,64}");
    /** Tags one asset may carry: enough for any routing scheme, few enough to keep a row cheap. */
    public static final int MAX_PER_ASSET = 64;
    public static final String RULE = "lower-case letters, digits and . _ : - , 1 to 64 characters";

    private static final Pattern SEPARATORS = Pattern.compile("[;\\s\\u00A0]+");

    private AssetTags() {
    }

    /** The tag as stored, or empty when it is not a valid tag even after trimming and lower-casing. */
    public static Optional<String> normalise(String tag) {
        String lower = lower(tag);
        return lower != null && PATTERN.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }

    /** The tags of a text cell, separated by {@code ;} or white space, empty parts dropped, not yet validated. */
    public static List<String> split(String cell) {
        return cell == null ? List.of()
                : Arrays.stream(SEPARATORS.split(Text.strip(cell))).filter(part -> !part.isEmpty()).toList();
    }

    static String lower(String tag) {
        return tag == null ? null : Text.strip(tag).toLowerCase(Locale.ROOT);
    }
}
