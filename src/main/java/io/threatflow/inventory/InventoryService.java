package io.threatflow.inventory;

import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InventoryService {

    private static final Logger log = LoggerFactory.getLogger(InventoryService.class);

    private final AssetRepository assets;

    InventoryService(AssetRepository assets) {
        this.assets = assets;
    }

    public Optional<Asset> findByName(String name) {
        return assets.findByName(name);
    }

    /** The id of the asset {@link #findByName} finds, read without the asset's ports, findings and tags. */
    public Optional<String> findIdByName(String name) {
        return assets.findIdByName(name);
    }

    /** The id of the asset {@link #resolve} returns, read without the asset's ports, findings and tags. */
    public String resolveId(String name) {
        return assets.findIdByName(name).orElseGet(() -> resolve(name).id());
    }

    public Optional<Asset> find(String assetId) {
        return assets.findById(assetId);
    }

    public Asset get(String assetId) {
        return assets.findById(assetId)
                .orElseThrow(() -> new IllegalStateException("asset " + assetId + " is not in the inventory"));
    }

    /**
     * The asset a report names, by hostname or IP. One the inventory lacks is registered as unmanaged
     * rather than rejected: the threat is real even when the asset is not yet known.
     */
    @Transactional
    public Asset resolve(String name) {
        return assets.findByName(name).orElseGet(() -> {
            log.info("Asset '{}' is not in the inventory; registering it as unmanaged", name);
            return assets.insert(new Asset(null, name, AssetNames.ipAddress(name).orElse(null), null, null, true,
                    NetworkState.CONNECTED, Criticality.MEDIUM, null, false, false, false, false,
                    Set.of(), Set.of(), Set.of(), false, Set.of()));
        });
    }

    // what a report says a scanner would see on the asset, so that validation can look for it (ThreatService)

    @Transactional
    public void openPort(String assetId, int port) {
        assets.setPort(assetId, port, "OPEN");
    }

    @Transactional
    public void markOsUnsupported(String assetId) {
        assets.setOs(assetId, get(assetId).osVersion(), false);
    }

    @Transactional
    public void markCredentialsCompromised(String assetId) {
        assets.setCredentialsCompromised(assetId, true);
    }

    @Transactional
    public void addFinding(String assetId, String finding) {
        assets.addFinding(assetId, finding);
    }

    /** The result of one {@link #upsert}: the asset as stored, and whether the load created it. */
    public record Upserted(Asset asset, boolean created) {
    }

    /**
     * Creates the asset of a load of the inventory, or updates the one with its hostname (keeping its id and
     * everything the load does not carry). Two loads that create one host at once: the second fails on the
     * unique hostname with a {@link org.springframework.dao.DuplicateKeyException}, and can simply be repeated.
     */
    @Transactional
    public Upserted upsert(AssetUpdate update) {
        Optional<Asset> existing = assets.findByHostname(update.hostname());
        if (existing.isEmpty()) {
            return new Upserted(assets.insert(update.toNewAsset()), true);
        }
        assets.update(existing.get().id(), update);
        return new Upserted(assets.findById(existing.get().id()).orElseThrow(), false);
    }

    public Optional<Asset> findByHostname(String hostname) {
        return assets.findByHostname(hostname);
    }

    public AssetPage search(AssetFilter filter, int page, int size) {
        return assets.search(filter, page, size);
    }

    /** Whether the asset carries the tag ({@link AssetTags}), for routing by tag. */
    public boolean hasTag(String assetId, String tag) {
        return assets.hasTag(assetId, tag);
    }

    public long count() {
        return assets.count();
    }

    public Asset add(Asset asset) {
        return assets.insert(asset);
    }
}
