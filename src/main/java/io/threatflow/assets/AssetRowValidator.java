package io.threatflow.assets;

import io.threatflow.Text;
import io.threatflow.inventory.AssetNames;
import io.threatflow.inventory.AssetTags;
import io.threatflow.inventory.AssetUpdate;
import io.threatflow.inventory.Criticality;
import io.threatflow.web.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks one row of a load field by field, naming every field that is wrong, and turns a good row into an update. */
final class AssetRowValidator {

    static final int MAX_OS = 100;
    static final int MAX_VERSION = 50;
    static final int MAX_OWNER = 200;

    /** Either the update of a good row or what is wrong with a bad one. */
    record Checked(String hostname, AssetUpdate update, List<Problems.FieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private AssetRowValidator() {
    }

    static Checked check(SourceRow row) {
        List<Problems.FieldError> errors = new ArrayList<>(row.errors());
        Object rawHostname = row.values().get(AssetField.HOSTNAME);
        String hostname = null;
        if (rawHostname == null) {
            if (errors.stream().noneMatch(e -> e.field().equals(row.name(AssetField.HOSTNAME)))) {
                errors.add(error(row, AssetField.HOSTNAME, "is required"));
            }
        } else {
            hostname = AssetNames.hostname((String) rawHostname).orElse(null);
            if (hostname == null) {
                errors.add(error(row, AssetField.HOSTNAME, AssetNames.ipAddress((String) rawHostname).isPresent()
                        ? "is an IP address; give the host's DNS name here and the address as " + row.name(AssetField.IP)
                        : "is not a DNS host name: ASCII letters, digits and inner hyphens in dot-separated labels of at "
                                + "most 63 characters, " + AssetNames.MAX_HOSTNAME + " in all"));
            }
        }
        String ip = null;
        if (row.values().get(AssetField.IP) instanceof String rawIp) {
            ip = AssetNames.ipAddress(rawIp).orElse(null);
            if (ip == null) {
                errors.add(error(row, AssetField.IP, "is not an IPv4 or IPv6 address"));
            }
        }
        String os = text(row, AssetField.OS, MAX_OS, errors);
        String version = text(row, AssetField.VERSION, MAX_VERSION, errors);
        String owner = text(row, AssetField.OWNER, MAX_OWNER, errors);
        Criticality criticality = criticality(row, errors);
        Boolean internetFacing = internetFacing(row, errors);
        Set<String> tags = tags(row, errors);
        String named = hostname != null ? hostname : rawHostname == null ? null : Text.strip((String) rawHostname);
        return errors.isEmpty()
                ? new Checked(hostname, new AssetUpdate(hostname, ip, os, version, criticality, owner, internetFacing,
                        tags), List.of())
                : new Checked(named, null, List.copyOf(errors));
    }

    private static String text(SourceRow row, AssetField field, int max, List<Problems.FieldError> errors) {
        if (!(row.values().get(field) instanceof String raw)) {
            return null;
        }
        String value = Text.strip(raw);
        if (value.length() > max) {
            errors.add(error(row, field, "is longer than " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(error(row, field, "must not contain control characters"));
        } else {
            return value.isEmpty() ? null : value;
        }
        return null;
    }

    private static Criticality criticality(SourceRow row, List<Problems.FieldError> errors) {
        if (!(row.values().get(AssetField.CRITICALITY) instanceof String raw)) {
            return null;
        }
        String name = Text.strip(raw).toUpperCase(Locale.ROOT);
        return Arrays.stream(Criticality.values()).filter(c -> c.name().equals(name)).findFirst().orElseGet(() -> {
            errors.add(error(row, AssetField.CRITICALITY, "must be one of " + Arrays.toString(Criticality.values())));
            return null;
        });
    }

    private static Boolean internetFacing(SourceRow row, List<Problems.FieldError> errors) {
        Object raw = row.values().get(AssetField.INTERNET_FACING);
        if (raw == null || raw instanceof Boolean) {
            return (Boolean) raw;
        }
        return switch (Text.strip((String) raw).toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                errors.add(error(row, AssetField.INTERNET_FACING, "must be true, false, yes or no"));
                yield null;
            }
        };
    }

    private static Set<String> tags(SourceRow row, List<Problems.FieldError> errors) {
        Object raw = row.values().get(AssetField.TAGS);
        if (raw == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> given = raw instanceof String cell ? AssetTags.split(cell) : (List<String>) raw;
        Set<String> tags = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String tag : given) {
            AssetTags.normalise(tag).ifPresentOrElse(tags::add, () -> invalid.add(tag));
        }
        if (!invalid.isEmpty()) {
            errors.add(error(row, AssetField.TAGS, invalid.stream().limit(5).map(tag -> "'" + abbreviate(tag) + "'")
                    .toList() + (invalid.size() == 1 ? " is not a tag: " : " are not tags: ") + AssetTags.RULE));
        } else if (tags.size() > AssetTags.MAX_PER_ASSET) {
            errors.add(error(row, AssetField.TAGS, "holds " + tags.size() + " tags; at most "
                    + AssetTags.MAX_PER_ASSET));
        }
        return tags;
    }

    private static String abbreviate(String value) {
        return value.length() > 70 ? value.substring(0, 70) + "…" : value;
    }

    private static Problems.FieldError error(SourceRow row, AssetField field, String message) {
        return new Problems.FieldError(row.name(field), message);
    }
}
