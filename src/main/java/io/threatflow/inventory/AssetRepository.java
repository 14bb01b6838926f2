package io.threatflow.inventory;

import io.threatflow.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Looks an asset up by hostname (case-insensitive) or else IP address. An address that several assets share
     * (loaded from an inventory with stale DHCP leases) names none of them rather than an arbitrary one.
     */
    public Optional<Asset> findByName(String name) {
        String key = Text.strip(name).toLowerCase(Locale.ROOT);
        Optional<Asset> byHostname = findByHostname(key);
        if (byHostname.isPresent()) {
            return byHostname;
        }
        List<Asset> byIp = jdbc.sql("select * from asset where ip_address = :ip fetch first 2 rows only")
                .param("ip", key).query(this::row).list();
        return byIp.size() == 1 ? Optional.of(byIp.get(0)) : Optional.empty();
    }

    /**
     * The id of the asset {@link #findByName} finds, without loading its ports, findings and tags: the intake
     * looks an asset up for every report, and a host with thousands of findings must not make each look-up read
     * them all.
     */
    public Optional<String> findIdByName(String name) {
        String key = Text.strip(name).toLowerCase(Locale.ROOT);
        Optional<String> byHostname = jdbc.sql("select id from asset where hostname = :hostname")
                .param("hostname", key).query(String.class).optional();
        if (byHostname.isPresent()) {
            return byHostname;
        }
        List<String> byIp = jdbc.sql("select id from asset where ip_address = :ip fetch first 2 rows only")
                .param("ip", key).query(String.class).list();
        return byIp.size() == 1 ? Optional.of(byIp.get(0)) : Optional.empty();
    }

    /** Looks an asset up by hostname, case-insensitive (hostnames are stored lower-case). */
    public Optional<Asset> findByHostname(String hostname) {
        return jdbc.sql("select * from asset where hostname = :hostname")
                .param("hostname", Text.strip(hostname).toLowerCase(Locale.ROOT))
                .query(this::row).optional();
    }

    /** Whether the asset carries the tag: one primary-key look-up, for routing by tag. */
    public boolean hasTag(String assetId, String tag) {
        return AssetTags.normalise(tag).map(normalised -> jdbc.sql(
                        "select count(*) from asset_tag where asset_id = :id and tag = :tag")
                .param("id", assetId).param("tag", normalised).query(Long.class).single() > 0).orElse(false);
    }

    /**
     * One page of assets by hostname, filtered by part of the hostname, a tag and internet-facing, each when
     * given.
     */
    public AssetPage search(AssetFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.hostnameContains() != null) {
            where.append(" and hostname like :hostname escape '!'");
            params.put("hostname", "%" + Text.strip(filter.hostnameContains()).toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.tag() != null) {
            where.append(" and exists (select 1 from asset_tag t where t.asset_id = asset.id and t.tag = :tag)");
            params.put("tag", AssetTags.lower(filter.tag()));
        }
        if (filter.internetFacing() != null) {
            where.append(" and internet_facing = :internetFacing");
            params.put("internetFacing", filter.internetFacing());
        }
        long total = jdbc.sql("select count(*) from asset" + where).params(params).query(Long.class).single();
        List<Asset> items = jdbc.sql("select * from asset" + where + " order by hostname limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(this::row).list();
        return new AssetPage(items, page, size, total);
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
                  criticality, owner, managed, account_disabled, credentials_compromised, monitoring, internet_facing,
                  registered_at)
                values (:id, :hostname, :ip, :osName, :osVersion, :osSupported, :networkState,
                  :criticality, :owner, :managed, :accountDisabled, :credentialsCompromised, :monitoring,
                  :internetFacing, :now)
                """)
                .param("id", id)
                .param("hostname", Text.strip(asset.hostname()).toLowerCase(Locale.ROOT))
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
                .param("internetFacing", asset.internetFacing())
                .param("now", OffsetDateTime.now(clock))
                .update();
        asset.openPorts().forEach(port -> setPort(id, port, "OPEN"));
        asset.blockedPorts().forEach(port -> setPort(id, port, "BLOCKED"));
        asset.findings().forEach(finding -> addFinding(id, finding));
        asset.tags().forEach(tag -> addTag(id, tag));
        return findById(id).orElseThrow();
    }

    /**
     * Writes what a load of the inventory carries onto an existing asset, and marks it managed: the inventory
     * holds it now. Columns the update leaves null keep their values; tags, when carried, replace the old ones.
     */
    public void update(String assetId, AssetUpdate update) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("managed", true);
        if (update.ipAddress() != null) {
            columns.put("ip_address", update.ipAddress());
        }
        if (update.osName() != null) {
            columns.put("os_name", update.osName());
        }
        if (update.osVersion() != null) {
            columns.put("os_version", update.osVersion());
        }
        if (update.criticality() != null) {
            columns.put("criticality", update.criticality().name());
        }
        if (update.owner() != null) {
            columns.put("owner", update.owner());
        }
        if (update.internetFacing() != null) {
            columns.put("internet_facing", update.internetFacing());
        }
        // column names come from this method only, never from input
        String set = columns.keySet().stream().map(column -> column + " = :" + column)
                .collect(java.util.stream.Collectors.joining(", "));
        jdbc.sql("update asset set " + set + " where id = :id").params(columns).param("id", assetId).update();
        if (update.tags() != null) {
            jdbc.sql("delete from asset_tag where asset_id = :id").param("id", assetId).update();
            update.tags().forEach(tag -> addTag(assetId, tag));
        }
    }

    private void addTag(String assetId, String tag) {
        jdbc.sql("insert into asset_tag (asset_id, tag) values (:id, :tag)").param("id", assetId).param("tag", tag)
                .update();
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
        Set<String> findings = new StoredFindings(jdbc, id);
        Set<String> tags = new TreeSet<>(jdbc.sql("select tag from asset_tag where asset_id = :id")
                .param("id", id).query(String.class).list());
        return new Asset(id, rs.getString("hostname"), rs.getString("ip_address"), rs.getString("os_name"),
                rs.getString("os_version"), rs.getBoolean("os_supported"),
                NetworkState.valueOf(rs.getString("network_state")), Criticality.valueOf(rs.getString("criticality")),
                rs.getString("owner"), rs.getBoolean("managed"), rs.getBoolean("account_disabled"),
                rs.getBoolean("credentials_compromised"), "ELEVATED".equals(rs.getString("monitoring")),
                open, blocked, findings, rs.getBoolean("internet_facing"), tags);
    }
}
