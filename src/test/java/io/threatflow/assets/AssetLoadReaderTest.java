package io.threatflow.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.web.Problems;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AssetLoadReaderTest {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private final AssetLoadReader reader = new AssetLoadReader(new ObjectMapper(), 3);

    @Test
    void shouldReadCsvColumnsInAnyCaseAndOrder_withRowsNumberedAsInASpreadsheet() {
        List<SourceRow> rows = csv("""
                \uFEFFTags,HOSTNAME,Internet Facing,ip
                "linux; dmz",web-01,yes,10.0.1.10

                ,db-01,,
                """);

        assertThat(rows).extracting(SourceRow::position).containsExactly(2, 3);
        assertThat(rows.get(0).values()).isEqualTo(Map.of(AssetField.TAGS, "linux; dmz", AssetField.HOSTNAME, "web-01",
                AssetField.INTERNET_FACING, "yes", AssetField.IP, "10.0.1.10"));
        assertThat(rows.get(1).values()).as("an empty cell carries nothing").isEqualTo(Map.of(AssetField.HOSTNAME, "db-01"));
    }

    @Test
    void shouldRefuseUnknownColumns_namingEachOfThem() {
        assertThatThrownBy(() -> csv("hostname,ip,colour,rack\nweb-01,10.0.0.1,red,4\n"))
                .isInstanceOfSatisfying(UnreadableLoadException.class, e -> assertThat(e.errors())
                        .extracting(Problems.FieldError::field).containsExactly("colour", "rack"));
    }

    @Test
    void shouldRefuseAHeaderWithoutHostname_orWithAColumnTwice() {
        assertThatThrownBy(() -> csv("ip,os\n10.0.0.1,Linux\n")).isInstanceOfSatisfying(UnreadableLoadException.class,
                e -> assertThat(e.errors()).extracting(Problems.FieldError::field).containsExactly("hostname"));
        assertThatThrownBy(() -> csv("hostname,ip,IP\nweb-01,10.0.0.1,10.0.0.2\n"))
                .isInstanceOfSatisfying(UnreadableLoadException.class,
                        e -> assertThat(e.errors()).extracting(Problems.FieldError::field).containsExactly("IP"));
    }

    @Test
    void shouldRefuseAnUnbalancedQuote_namingItsRow() {
        assertThatThrownBy(() -> csv("hostname,os\nweb-01,Linux\nweb-02,\"Ubuntu\nweb-03,Debian\n"))
                .isInstanceOfSatisfying(UnreadableLoadException.class, e -> assertThat(e.errors())
                        .extracting(Problems.FieldError::field).containsExactly("row 3"));
    }

    @Test
    void shouldKeepARowWithTheWrongNumberOfCells_asARowError() {
        List<SourceRow> rows = csv("hostname,os\nweb-01,Linux,extra\n");

        assertThat(rows.get(0).errors()).extracting(Problems.FieldError::field).containsExactly("row");
    }

    @Test
    void shouldRefuseMoreRowsThanTheLimit() {
        assertThatThrownBy(() -> csv("hostname\na\nb\nc\nd\n")).isInstanceOfSatisfying(UnreadableLoadException.class,
                e -> assertThat(e.title()).isEqualTo("Too many assets"));
        assertThat(csv("hostname\na\nb\nc\n")).hasSize(3);
        assertThatThrownBy(() -> json("[{},{},{},{}]")).isInstanceOf(UnreadableLoadException.class);
    }

    @Test
    void shouldRefuseCsvThatIsNotUtf8() {
        byte[] latin1 = "hostname,owner\nweb-01,J\u00FCrgen\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> reader.read(CSV, latin1)).isInstanceOf(UnreadableLoadException.class);
        assertThat(reader.read(MediaType.valueOf("text/csv;charset=ISO-8859-1"), latin1).get(0).values())
                .containsEntry(AssetField.OWNER, "J\u00FCrgen");
    }

    @Test
    void shouldReadOneObjectOrAnArray_ignoringWhatTheReadSideAdds() {
        SourceRow one = json("""
                {"hostname": "web-01", "internetFacing": true, "tags": ["linux"], "version": 12, "owner": null,
                 "assetId": "x", "openPorts": [22]}""").get(0);

        assertThat(one.values()).isEqualTo(Map.of(AssetField.HOSTNAME, "web-01", AssetField.INTERNET_FACING, true,
                AssetField.TAGS, List.of("linux"), AssetField.VERSION, "12"));
        assertThat(one.errors()).isEmpty();
        assertThat(json("[{\"hostname\": \"a\"}, 7]").get(1).errors()).extracting(Problems.FieldError::field)
                .containsExactly("[1]");
    }

    @Test
    void shouldNameJsonFieldsOfTheWrongTypeOrUnknown() {
        SourceRow row = json("{\"hostname\": 5, \"tags\": \"linux\", \"internetFacing\": 1, \"colour\": \"red\"}").get(0);

        assertThat(row.errors()).extracting(Problems.FieldError::field)
                .containsExactlyInAnyOrder("hostname", "tags", "internetFacing", "colour");
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        for (String body : List.of("hostname,ip", "{\"hostname\": \"a\"} trailing", "\"web-01\"", "42")) {
            assertThatThrownBy(() -> json(body)).as(body).isInstanceOfSatisfying(UnreadableLoadException.class,
                    e -> assertThat(e.errors()).extracting(Problems.FieldError::field).containsExactly("body"));
        }
    }

    private List<SourceRow> csv(String text) {
        return reader.read(CSV, text.getBytes(StandardCharsets.UTF_8));
    }

    private List<SourceRow> json(String text) {
        return reader.read(MediaType.APPLICATION_JSON, text.getBytes(StandardCharsets.UTF_8));
    }
}
