package io.threatflow.inventory;

import io.threatflow.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AssetRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    AssetRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Looks an asset up by hostname (case-insensitive) or IP address. */
    public Optional<Asset> findByName(String name) {
        return jdbc.sql("select * from asset where hostname = :name or ip_address = :name")
                .param("name", Text.strip(name).toLowerCase(java.util.Locale.ROOT))
                .query(this::row).optional();
    }

    public Optional<Asset> findById(String id) {
        return jdbc.sql("select * from asset where id = :id").param("id", id).query(this::row).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from asset").query(Long.class).single();
    }

    public Asset insert(Asset asset) {
        String id = asset.id() != null ? asset.id() : UUID.randomUUID().toString();
        jdbc.sql("""
                insert into asset (id, hostname, ip_address, os_name, os_version, os_supported, network_state,
                  criticality, owner, managed, account_disabled, credentials_compromised, monitoring, registered_at)
                values (:id, :hostname, :ip, :osName, :osVersion, :osSupported, :networkState,
                  :criticality, :owner, :managed, :accountDisabled, :credentialsCompromised, :monitoring, :now)
                """)
                .param("id", id)
                .param("hostname", Text.strip(asset.hostname()).toLowerCase(java.util.Locale.ROOT))
                .param("ip", asset.ipAddress())
                .param("osName", asset.osName())
                .param("osVersion", asset.osVersion())
                .param("osSupported", asset.osSupported())
                .param("networkState", asset.networkState().name())
                .param("criticality", asset.criticality().name())
                .param("owner", asset.owner())
                .param("managed", asset.managed())
                .param("accountDisabled", asset.accountDisabled())
                .param("credentialsCompromised", asset.credentialsCompromised())
                .param("monitoring", asset.monitoringElevated() ? "ELEVATED" : "STANDARD")
                .param("now", OffsetDateTime.now(clock))
                .update();
        asset.openPorts().forEach(port -> setPort(id, port, "OPEN"));
        asset.blockedPorts().forEach(port -> setPort(id, port, "BLOCKED"));
        asset.findings().forEach(finding -> addFinding(id, finding));
        return findById(id).orElseThrow();
    }

    public void setPort(String assetId, int port, String state) {
        int updated = jdbc.sql("update asset_port set state = :state where asset_id = :id and port = :port")
                .param("state", state).param("id", assetId).param("port", port).update();
        if (updated == 0) {
            jdbc.sql("insert into asset_port (asset_id, port, state) values (:id, :port, :state)")
                    .param("id", assetId).param("port", port).param("state", state).update();
        }
    }

    public void removePort(String assetId, int port) {
        jdbc.sql("delete from asset_port where asset_id = :id and port = :port")
                .param("id", assetId).param("port", port).update();
    }

    public void addFinding(String assetId, String finding) {
        jdbc.sql("""
                insert into asset_finding (asset_id, finding)
                select :id, :finding where not exists
                  (select 1 from asset_finding where asset_id = :id and finding = :finding)
                """).param("id", assetId).param("finding", finding).update();
    }

    public void removeFinding(String assetId, String finding) {
        jdbc.sql("delete from asset_finding where asset_id = :id and finding = :finding")
                .param("id", assetId).param("finding", finding).update();
    }

    public void setNetworkState(String assetId, NetworkState state) {
        update(assetId, "network_state", state.name());
    }

    public void setOs(String assetId, String osVersion, boolean supported) {
        jdbc.sql("update asset set os_version = :version, os_supported = :supported where id = :id")
                .param("version", osVersion).param("supported", supported).param("id", assetId).update();
    }

    public void setAccountDisabled(String assetId, boolean disabled) {
        update(assetId, "account_disabled", disabled);
    }

    public void setCredentialsCompromised(String assetId, boolean compromised) {
        update(assetId, "credentials_compromised", compromised);
    }

    public void setMonitoringElevated(String assetId, boolean elevated) {
        update(assetId, "monitoring", elevated ? "ELEVATED" : "STANDARD");
    }

    private void update(String assetId, String column, Object value) {
        // column names come from this class only, never from input
        jdbc.sql("update asset set " + column + " = :value where id = :id")
                .param("value", value).param("id", assetId).update();
    }

    private Asset row(ResultSet rs, int rowNum) throws SQLException {
        String id = rs.getString("id");
        Set<Integer> open = new TreeSet<>();
        Set<Integer> blocked = new TreeSet<>();
        jdbc.sql("select port, state from asset_port where asset_id = :id").param("id", id)
                .query((p, n) -> {
                    ("OPEN".equals(p.getString("state")) ? open : blocked).add(p.getInt("port"));
                    return null;
                }).list();
        Set<String> findings = new HashSet<>(jdbc.sql("select finding from asset_finding where asset_id = :id")
                .param("id", id).query(String.class).list());
        return new Asset(id, rs.getString("hostname"), rs.getString("ip_address"), rs.getString("os_name"),
                rs.getString("os_version"), rs.getBoolean("os_supported"),
                NetworkState.valueOf(rs.getString("network_state")), Criticality.valueOf(rs.getString("criticality")),
                rs.getString("owner"), rs.getBoolean("managed"), rs.getBoolean("account_disabled"),
                rs.getBoolean("credentials_compromised"), "ELEVATED".equals(rs.getString("monitoring")),
                open, blocked, findings);
    }
}
