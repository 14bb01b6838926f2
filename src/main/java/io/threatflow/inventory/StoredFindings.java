package io.threatflow.inventory;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An asset's findings as the inventory stores them, read only when asked: a scanned host collects thousands (one
 * per CVE reported on it), and most readers of an asset (enrichment, notification, the response plan) never look
 * at them. {@link #contains} asks for the one finding (the table's primary key); iterating or counting reads them
 * all, once. Unmodifiable, like the sets an {@link Asset} otherwise carries.
 */
final class StoredFindings extends AbstractSet<String> {

    private final JdbcClient jdbc;
    private final String assetId;
    private volatile Set<String> all;

    StoredFindings(JdbcClient jdbc, String assetId) {
        this.jdbc = jdbc;
        this.assetId = assetId;
    }

    @Override
    public boolean contains(Object finding) {
        if (!(finding instanceof String key)) {
            // null included: the set read is immutable and would refuse to be asked for null
            return false;
        }
        Set<String> loaded = all;
        if (loaded != null) {
            return loaded.contains(key);
        }
        return jdbc.sql("select count(*) from asset_finding where asset_id = :id and finding = :finding")
                .param("id", assetId).param("finding", key).query(Long.class).single() > 0;
    }

    @Override
    public Iterator<String> iterator() {
        return all().iterator();
    }

    @Override
    public int size() {
        return all().size();
    }

    private Set<String> all() {
        Set<String> loaded = all;
        if (loaded == null) {
            loaded = Set.copyOf(jdbc.sql("select finding from asset_finding where asset_id = :id")
                    .param("id", assetId).query(String.class).list());
            all = loaded;
        }
        return loaded;
    }
}
