package io.threatflow.inventory;

import io.threatflow.Text;
import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
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
                    NetworkState.CONNECTED, Severity.MEDIUM, null, false, false, false, false,
                    Set.of(), Set.of(), Set.of()));
        });
    }

    /** Records on the asset what the report says a scanner would see, so validation can look for it. */
    @Transactional
    public void recordFinding(Threat threat) {
        String assetId = threat.assetId();
        switch (threat.type()) {
            case EXPOSED_SERVICE -> {
                if (threat.port() != null) {
                    assets.setPort(assetId, threat.port(), "OPEN");
                }
            }
            case OUTDATED_OS -> {
                Asset asset = get(assetId);
                assets.setOs(assetId, asset.osVersion(), false);
            }
            case COMPROMISED_ACCOUNT -> assets.setCredentialsCompromised(assetId, true);
            default -> assets.addFinding(assetId, threat.findingKey());
        }
    }

    public long count() {
        return assets.count();
    }

    public Asset add(Asset asset) {
        return assets.insert(asset);
    }
}
