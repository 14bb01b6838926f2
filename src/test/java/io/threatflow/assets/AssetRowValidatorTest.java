package io.threatflow.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.assets.SourceRow.Format;
import io.threatflow.inventory.AssetUpdate;
import io.threatflow.inventory.Criticality;
import io.threatflow.web.Problems;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetRowValidatorTest {

    @Test
    void shouldTurnAGoodCsvRowIntoAnUpdate_normalisingWhatItMay() {
        AssetRowValidator.Checked checked = AssetRowValidator.check(csv(Map.of(AssetField.HOSTNAME, " Web-01.Corp.Example. ",
                AssetField.IP, "2001:DB8::10", AssetField.OS, "Ubuntu", AssetField.VERSION, "24.04",
                AssetField.CRITICALITY, "high", AssetField.OWNER, "web-team", AssetField.INTERNET_FACING, "Yes",
                AssetField.TAGS, "Linux;dmz  pci:scope;linux")));

        assertThat(checked.errors()).isEmpty();
        assertThat(checked.update()).isEqualTo(new AssetUpdate("web-01.corp.example", "2001:db8::10", "Ubuntu", "24.04",
                Criticality.HIGH, "web-team", true, Set.of("linux", "dmz", "pci:scope")));
    }

    @Test
    void shouldLeaveWhatTheRowDoesNotCarry_null() {
        AssetUpdate update = AssetRowValidator.check(csv(Map.of(AssetField.HOSTNAME, "db-01"))).update();

        assertThat(update).isEqualTo(new AssetUpdate("db-01", null, null, null, null, null, null, null));
    }

    @Test
    void shouldNameEveryBadField_inTheFormatsOwnNames() {
        AssetRowValidator.Checked checked = AssetRowValidator.check(csv(Map.of(AssetField.HOSTNAME, "db 01",
                AssetField.IP, "db-01.corp", AssetField.VERSION, "x".repeat(51), AssetField.CRITICALITY, "urgent",
                AssetField.INTERNET_FACING, "maybe", AssetField.TAGS, "linux Bad/Tag", AssetField.OWNER, "a\u0000b")));

        assertThat(checked.errors()).extracting(Problems.FieldError::field).containsExactlyInAnyOrder("hostname", "ip",
                "version", "criticality", "internet-facing", "tags", "owner");
        assertThat(checked.hostname()).as("named in the result as given").isEqualTo("db 01");
    }

    @Test
    void shouldRequireAHostname() {
        assertThat(AssetRowValidator.check(csv(Map.of(AssetField.IP, "10.0.0.1"))).errors())
                .containsExactly(new Problems.FieldError("hostname", "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "::1", "-web", "web-", "web_01", "b\u00FCcher.example", "a..b"})
    void shouldRefuseWhatIsNoDnsHostName(String hostname) {
        assertThat(AssetRowValidator.check(csv(Map.of(AssetField.HOSTNAME, hostname))).errors())
                .extracting(Problems.FieldError::field).containsExactly("hostname");
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "10.0.0", "010.0.0.1", "10.0.0.1.5", "fe80::1::2", "localhost",
            "example.com", "::g", "1:2:3:4:5:6:7:8:9"})
    void shouldRefuseWhatIsNoIpLiteral_withoutAskingDns(String ip) {
        assertThat(AssetRowValidator.check(csv(Map.of(AssetField.HOSTNAME, "h", AssetField.IP, ip))).errors())
                .extracting(Problems.FieldError::field).containsExactly("ip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "::", "fe80::1", "::ffff:10.0.0.1", "2001:db8:0:0:0:0:0:1"})
    void shouldTakeIpv4AndIpv6Literals(String ip) {
        assertThat(AssetRowValidator.check(csv(Map.of(AssetField.HOSTNAME, "h", AssetField.IP, ip))).errors()).isEmpty();
    }

    @Test
    void shouldTakeJsonBooleansAndTagLists_andNameJsonFields() {
        Map<AssetField, Object> values = new EnumMap<>(AssetField.class);
        values.put(AssetField.HOSTNAME, "web-01");
        values.put(AssetField.INTERNET_FACING, false);
        values.put(AssetField.TAGS, List.of("Linux", "no spaces allowed"));
        AssetRowValidator.Checked checked = AssetRowValidator.check(new SourceRow(Format.JSON, 0, values, List.of()));

        assertThat(checked.errors()).extracting(Problems.FieldError::field).containsExactly("tags");
        values.put(AssetField.TAGS, List.of());
        assertThat(AssetRowValidator.check(new SourceRow(Format.JSON, 0, values, List.of())).update().tags())
                .as("an empty list clears the tags").isEmpty();
    }

    private static SourceRow csv(Map<AssetField, Object> values) {
        return new SourceRow(Format.CSV, 2, new EnumMap<>(values), List.of());
    }
}
