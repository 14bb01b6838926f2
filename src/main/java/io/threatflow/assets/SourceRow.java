package io.threatflow.assets;

import io.threatflow.web.Problems;
import java.util.List;
import java.util.Map;

/**
 * One asset as a load's body gives it, before validation: the values of the fields it carries (text, a boolean
 * from JSON, or a list of tags from JSON) and what was wrong with its shape already (a JSON value of the wrong
 * type, a CSV row with too many cells).
 *
 * @param position the index in a JSON array (from 0), or the row of a CSV file (the header is row 1)
 */
record SourceRow(Format format, int position, Map<AssetField, Object> values, List<Problems.FieldError> errors) {

    enum Format {
        JSON, CSV;

        String name(AssetField field) {
            return this == JSON ? field.json : field.csv;
        }

        /** How a message points at another row of the same load: "index 3" or "row 4". */
        String where(int position) {
            return (this == JSON ? "index " : "row ") + position;
        }
    }

    String name(AssetField field) {
        return format.name(field);
    }
}
