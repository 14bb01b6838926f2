package io.threatflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threatflow.testing.MigratedDatabase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that gives assets internet-facing and tags, and the SQL of {@link AssetRepository} that writes,
 * updates and searches them, on the embedded H2 and on PostgreSQL (skipped with a banner without a server at
 * 127.0.0.1:5432).
 */
class AssetRepositoryDatabaseTest {

    private MigratedDatabase database;
    private JdbcClient jdbc;
    private AssetRepository assets;

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldGiveAssetsOfEarlierReleases_noTagsAndNotInternetFacing(MigratedDatabase.Kind database) {
        open(database);
        migrate("5");
        jdbc.sql("insert into asset (id, hostname, registered_at) values ('old-1', 'old-host', ?)")
                .param(OffsetDateTime.now()).update();

        migrate(null);

        Asset old = assets.findById("old-1").orElseThrow();
        assertThat(old.internetFacing()).isFalse();
        assertThat(old.tags()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldRoundTripTags_andUpdateOnlyWhatALoadCarries(MigratedDatabase.Kind database) {
        open(database);
        migrate(null);
        Asset web = assets.insert(asset("web-01", true, Set.of("linux", "dmz")));

        assertThat(assets.findByHostname("WEB-01")).get().satisfies(found -> {
            assertThat(found.tags()).containsExactly("dmz", "linux");
            assertThat(found.internetFacing()).isTrue();
        });
        assertThat(assets.hasTag(web.id(), " DMZ ")).isTrue();
        assertThat(assets.hasTag(web.id(), "windows")).isFalse();

        assets.update(web.id(), new AssetUpdate("web-01", "10.0.1.99", null, null, Criticality.CRITICAL, null, null,
                null));
        Asset kept = assets.findById(web.id()).orElseThrow();
        assertThat(kept.tags()).as("tags not carried: kept").containsExactly("dmz", "linux");
        assertThat(kept.internetFacing()).isTrue();
        assertThat(kept.ipAddress()).isEqualTo("10.0.1.99");
        assertThat(kept.criticality()).isEqualTo(Criticality.CRITICAL);
        assertThat(kept.osName()).isEqualTo("Ubuntu");
        assertThat(kept.openPorts()).containsExactly(443);

        assets.update(web.id(), new AssetUpdate("web-01", null, null, null, null, null, false, Set.of("linux", "pci")));
        Asset replaced = assets.findById(web.id()).orElseThrow();
        assertThat(replaced.tags()).as("tags carried: replaced").containsExactly("linux", "pci");
        assertThat(replaced.internetFacing()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldSearchByHostnameTagAndInternetFacing_andNameNoAssetByASharedIp(MigratedDatabase.Kind database) {
        open(database);
        migrate(null);
        assets.insert(asset("web-01", true, Set.of("linux", "dmz")));
        assets.insert(asset("web-02", false, Set.of("linux")));
        assets.insert(asset("db_01", false, Set.of("dmz")));

        assertThat(hostnames(new AssetFilter("WEB", null, null))).containsExactly("web-01", "web-02");
        assertThat(hostnames(new AssetFilter(null, "dmz", null))).containsExactly("db_01", "web-01");
        assertThat(hostnames(new AssetFilter(null, "dmz", false))).containsExactly("db_01");
        assertThat(hostnames(new AssetFilter("_", null, null))).as("_ is a character, not a wildcard")
                .containsExactly("db_01");
        assertThat(assets.search(new AssetFilter(null, null, null), 1, 2).items()).extracting(Asset::hostname)
                .containsExactly("web-02");

        assertThat(assets.findByName("10.0.0.7")).as("three assets share the address").isEmpty();
        assertThat(assets.findByName("WEB-02")).get().extracting(Asset::hostname).isEqualTo("web-02");
    }

    @ParameterizedTest
    @EnumSource(MigratedDatabase.Kind.class)
    void shouldReadAnAssetsFindingsWhenAsked_oneByOneOrAll(MigratedDatabase.Kind database) {
        open(database);
        migrate(null);
        Asset web = assets.insert(asset("web-01", true, Set.of("linux")));
        assets.addFinding(web.id(), "CVE-2024-0001");
        assets.addFinding(web.id(), "CVE-2024-0002");
        assets.addFinding(web.id(), "CVE-2024-0002");

        Set<String> findings = assets.findById(web.id()).orElseThrow().findings();
        assertThat(findings.contains("CVE-2024-0001")).isTrue();
        assertThat(findings.contains("CVE-2024-9999")).isFalse();
        assertThat(findings.contains(42)).isFalse();
        assertThat(findings).hasSize(2).containsExactlyInAnyOrder("CVE-2024-0001", "CVE-2024-0002")
                .isEqualTo(Set.of("CVE-2024-0001", "CVE-2024-0002"));
        assertThat(findings.contains("CVE-2024-0002")).as("read from what was read").isTrue();
        assertThat(findings.contains(null)).as("as a HashSet answers").isFalse();
        assertThatThrownBy(() -> findings.add("CVE-2024-0003")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> findings.remove("CVE-2024-0001")).isInstanceOf(UnsupportedOperationException.class);
    }

    private java.util.List<String> hostnames(AssetFilter filter) {
        return assets.search(filter, 0, 20).items().stream().map(Asset::hostname).toList();
    }

    private static Asset asset(String hostname, boolean internetFacing, Set<String> tags) {
        return new Asset(null, hostname, "10.0.0.7", "Ubuntu", "24.04", true, NetworkState.CONNECTED, Criticality.HIGH,
                "web-team", true, false, false, false, Set.of(443), Set.of(), Set.of(), internetFacing, tags);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private void open(MigratedDatabase.Kind kind) {
        database = MigratedDatabase.open(kind, "threatflow_asset_");
        jdbc = database.jdbc();
        assets = new AssetRepository(jdbc, Clock.systemUTC());
    }

    private void migrate(String target) {
        database.migrate(target);
    }
}
