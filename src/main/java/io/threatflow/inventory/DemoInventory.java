package io.threatflow.inventory;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds a few assets into an empty inventory, so that a first walk-through has something to act on. It runs
 * once every bean is ready but before the web server takes requests: a report that arrived first would
 * register its asset as unmanaged, leave the inventory not empty and so keep the demo assets out (or, with
 * the same host name, make the seeding fail the start).
 */
@Component
@ConditionalOnProperty(name = "threatflow.demo.enabled", havingValue = "true")
class DemoInventory implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoInventory.class);

    static final List<Asset> ASSETS = List.of(
            asset("web-01", "10.0.1.10", "Ubuntu", "22.04", true, Criticality.HIGH, "web-team", Set.of(22, 443),
                    true, Set.of("linux", "dmz", "server", "web")),
            asset("db-01", "10.0.2.20", "Debian", "12", true, Criticality.CRITICAL, "data-team", Set.of(5432),
                    false, Set.of("linux", "server", "database", "pci")),
            asset("legacy-hr-01", "10.0.3.30", "Windows Server", "2012 R2", false, Criticality.MEDIUM, "hr-it",
                    Set.of(3389, 445), false, Set.of("windows", "server", "legacy")),
            asset("laptop-0042", "10.0.8.42", "Windows", "11 23H2", true, Criticality.LOW, "j.doe", Set.of(),
                    false, Set.of("windows", "workstation")),
            asset("vpn-gw-01", "10.0.0.1", "FortiOS", "7.2.4", true, Criticality.CRITICAL, "network-team",
                    Set.of(443, 10443), true, Set.of("network", "dmz", "vpn")));

    private final InventoryService inventory;

    DemoInventory(InventoryService inventory) {
        this.inventory = inventory;
    }

    @Override
    @Transactional
    public void afterSingletonsInstantiated() {
        if (inventory.count() > 0) {
            return;
        }
        ASSETS.forEach(inventory::add);
        log.info("Seeded {} demo assets into the empty inventory", ASSETS.size());
    }

    private static Asset asset(String host, String ip, String os, String version, boolean supported,
                               Criticality criticality, String owner, Set<Integer> ports,
                               boolean internetFacing, Set<String> tags) {
        return new Asset(null, host, ip, os, version, supported, NetworkState.CONNECTED, criticality, owner, true,
                false, false, false, ports, Set.of(), Set.of(), internetFacing, tags);
    }
}
