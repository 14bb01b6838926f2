package io.threatflow.assets;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A field an asset load may carry, with its name in JSON and as a CSV column. */
enum AssetField {
    HOSTNAME("hostname", "hostname"),
    IP("ip", "ip"),
    OS("os", "os"),
    VERSION("version", "version"),
    CRITICALITY("criticality", "criticality"),
    OWNER("owner", "owner"),
    INTERNET_FACING("internetFacing", "internet-facing"),
    TAGS("tags", "tags");

    final String json;
    final String csv;

    AssetField(String json, String csv) {
        this.json = json;
        this.csv = csv;
    }

    static Optional<AssetField> ofJson(String name) {
        return Arrays.stream(values()).filter(field -> field.json.equals(name)).findFirst();
    }

    /** A CSV header name in any case, with a space or underscore for the hyphen ("Internet Facing"). */
    static Optional<AssetField> ofCsv(String name) {
        String column = name.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        return Arrays.stream(values())
                .filter(field -> field.csv.equals(column) || field.json.toLowerCase(Locale.ROOT).equals(column))
                .findFirst();
    }

    static String csvColumns() {
        return String.join(", ", Arrays.stream(values()).map(field -> field.csv).toList());
    }

    static String jsonFields() {
        return String.join(", ", Arrays.stream(values()).map(field -> field.json).toList());
    }
}
