package io.threatflow.inventory;

import io.threatflow.Text;
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
            boolean looksLikeIp = Text.strip(name).matches("[0-9.]+|[0-9a-fA-F:]+:[0-9a-fA-F:]*");
            return assets.insert(new Asset(null, name, looksLikeIp ? Text.strip(name) : null, null, null, true,
                    NetworkState.CONNECTED, Criticality.MEDIUM, null, false, false, false, false,
                    Set.of(), Set.of(), Set.of()));
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

    public long count() {
        return assets.count();
    }

    public Asset add(Asset asset) {
        return assets.insert(asset);
    }
}
