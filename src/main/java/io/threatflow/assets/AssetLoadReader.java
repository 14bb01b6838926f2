package io.threatflow.assets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.Text;
import io.threatflow.assets.SourceRow.Format;
import io.threatflow.web.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads the body of {@code POST /api/assets} into rows: a JSON object or array, or CSV with a header row. The whole
 * body is read before anything is written, so that a body that is broken as a whole ({@link UnreadableLoadException})
 * changes nothing; a row that is merely wrong is left to validation and rejected on its own.
 */
@Component
class AssetLoadReader {

    static final MediaType TEXT_CSV = MediaType.valueOf("text/csv");

    /** Fields of the read side ({@link AssetView}) that a load ignores, so that what GET gave can be posted back. */
    private static final Set<String> READ_ONLY = Set.of("assetId", "osSupported", "managed", "networkState",
            "accountDisabled", "credentialsCompromised", "monitoringElevated", "openPorts", "blockedPorts", "findings");

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    private static final String UNREADABLE = "Unreadable request body";
    private static final String UNREADABLE_CSV = "Unreadable CSV";

    private final ObjectMapper json;
    private final int maxRows;

    AssetLoadReader(ObjectMapper json, @Value("${threatflow.assets.import.max-rows:10000}") int maxRows) {
        this.json = json;
        this.maxRows = maxRows;
    }

    List<SourceRow> read(MediaType contentType, byte[] body) {
        if (body == null || body.length == 0) {
            throw new UnreadableLoadException(UNREADABLE, "body", "is empty");
        }
        return TEXT_CSV.isCompatibleWith(contentType) ? csv(text(contentType, body)) : json(body);
    }

    private List<SourceRow> json(byte[] body) {
        JsonNode root;
        try {
            root = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException parsing ? parsing.getOriginalMessage() : e.getMessage();
            throw new UnreadableLoadException(UNREADABLE, "body", "is not valid JSON: " + reason);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new UnreadableLoadException(UNREADABLE, "body", "must be an asset (a JSON object) or an array of them");
        }
        if (root.isArray() && root.size() > maxRows) {
            throw tooMany();
        }
        List<SourceRow> rows = new ArrayList<>();
        if (root.isObject()) {
            rows.add(jsonRow(0, root));
        } else {
            for (int i = 0; i < root.size(); i++) {
                rows.add(jsonRow(i, root.get(i)));
            }
        }
        return rows;
    }

    private static SourceRow jsonRow(int index, JsonNode node) {
        Map<AssetField, Object> values = new EnumMap<>(AssetField.class);
        List<Problems.FieldError> errors = new ArrayList<>();
        if (!node.isObject()) {
            errors.add(new Problems.FieldError("[" + index + "]", "must be an asset (a JSON object)"));
            return new SourceRow(Format.JSON, index, values, errors);
        }
        node.properties().forEach(property -> {
            String name = property.getKey();
            JsonNode value = property.getValue();
            var field = AssetField.ofJson(name);
            if (field.isEmpty()) {
                if (!READ_ONLY.contains(name)) {
                    errors.add(new Problems.FieldError(name, "is not a field of an asset; the fields are "
                            + AssetField.jsonFields()));
                }
            } else if (!value.isNull()) {
                jsonValue(field.get(), value, values, errors);
            }
        });
        return new SourceRow(Format.JSON, index, values, errors);
    }

    private static void jsonValue(AssetField field, JsonNode value, Map<AssetField, Object> values,
                                  List<Problems.FieldError> errors) {
        if (field == AssetField.TAGS) {
            if (!value.isArray()) {
                errors.add(new Problems.FieldError(field.json, "must be an array of tags"));
                return;
            }
            List<String> tags = new ArrayList<>();
            for (JsonNode tag : value) {
                if (!tag.isTextual()) {
                    errors.add(new Problems.FieldError(field.json, "must be an array of strings"));
                    return;
                }
                tags.add(tag.asText());
            }
            values.put(field, tags);
        } else if (field == AssetField.INTERNET_FACING && value.isBoolean()) {
            values.put(field, value.booleanValue());
        } else if (value.isTextual() || (value.isNumber() && field == AssetField.VERSION)) {
            values.put(field, value.asText());
        } else {
            errors.add(new Problems.FieldError(field.json, field == AssetField.INTERNET_FACING
                    ? "must be true or false" : "must be a string"));
        }
    }

    private List<SourceRow> csv(String text) {
        List<SourceRow> rows = new ArrayList<>();
        long lastRow = 0;
        try (CSVParser parser = CSVParser.parse(text, CSV)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableLoadException(UNREADABLE_CSV, "body", "has no header row");
            }
            CSVRecord header = records.next();
            lastRow = header.getRecordNumber();
            List<AssetField> columns = header(header);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                lastRow = record.getRecordNumber();
                if (rows.size() == maxRows) {
                    throw tooMany();
                }
                rows.add(csvRow(columns, record));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException broken) {
            String reason = broken.getCause() != null ? broken.getCause().getMessage() : broken.getMessage();
            throw new UnreadableLoadException(UNREADABLE_CSV, "row " + (lastRow + 1),
                    "cannot be read as CSV (an unbalanced quote?): " + reason);
        }
        return rows;
    }

    private static List<AssetField> header(CSVRecord header) {
        List<AssetField> columns = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = Text.strip(header.get(i));
            var field = AssetField.ofCsv(name);
            if (name.isEmpty()) {
                errors.put("column " + (i + 1), "has no name in the header row");
            } else if (field.isEmpty()) {
                errors.put(name, "is not a column of an asset; the columns are " + AssetField.csvColumns());
            } else if (columns.contains(field.get())) {
                errors.put(name, "appears twice in the header row");
            }
            columns.add(field.orElse(null));
        }
        if (errors.isEmpty() && !columns.contains(AssetField.HOSTNAME)) {
            errors.put("hostname", "the header row has no hostname column");
        }
        if (!errors.isEmpty()) {
            throw new UnreadableLoadException(UNREADABLE_CSV, errors.entrySet().stream()
                    .map(e -> new Problems.FieldError(e.getKey(), e.getValue())).toList());
        }
        return columns;
    }

    private static SourceRow csvRow(List<AssetField> columns, CSVRecord record) {
        Map<AssetField, Object> values = new EnumMap<>(AssetField.class);
        List<Problems.FieldError> errors = new ArrayList<>();
        if (record.size() != columns.size()) {
            errors.add(new Problems.FieldError("row", "has " + record.size() + " cells where the header row has "
                    + columns.size()));
        }
        for (int i = 0; i < Math.min(record.size(), columns.size()); i++) {
            String cell = record.get(i);
            // an empty cell carries nothing: a gap in a spreadsheet never wipes what the inventory holds
            if (!Text.isBlank(cell)) {
                values.put(columns.get(i), cell);
            }
        }
        return new SourceRow(Format.CSV, (int) record.getRecordNumber(), values, errors);
    }

    private static String text(MediaType contentType, byte[] body) {
        Charset charset = contentType.getCharset() != null ? contentType.getCharset() : StandardCharsets.UTF_8;
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableLoadException(UNREADABLE_CSV, "body", "is not " + charset.name() + " text");
        }
    }

    private UnreadableLoadException tooMany() {
        return new UnreadableLoadException("Too many assets", "body", "holds more than " + maxRows
                + " assets; send at most " + maxRows + " in one request");
    }
}
