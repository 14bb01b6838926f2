package io.threatflow.testing;

import io.threatflow.action.ActionKey;
import io.threatflow.action.Connector;
import io.threatflow.action.PatchingPort;
import io.threatflow.action.ScannerPort;
import io.threatflow.inventory.Asset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Outside systems that a test can make fail, in every Spring test context (profile "test"), so that all
 * Spring tests share one context: a second context in the same JVM would register a second engine named
 * "default", and the REST API of the first would start answering from it. Switched off they behave as the
 * inventory adapter does.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
public class SwitchableAdapters {

    /** The scanner fails while set, as an EDR API that times out would. */
    public static final AtomicBoolean scannerFailing = new AtomicBoolean();

    /** Patch management outside the engine's transaction: it applies each idempotency key once. */
    public static final Map<ActionKey, Integer> patchRequests = new ConcurrentHashMap<>();
    public static final Map<ActionKey, Integer> patchesApplied = new ConcurrentHashMap<>();
    /** The node dies after the patch call, before its transaction commits: once. */
    public static final AtomicBoolean dieAfterPatch = new AtomicBoolean();
    /**
     * While set (the default), the patch management says it is a simulation, as it is: it writes the embedded
     * inventory, which validation then reads back. Cleared, it acts as a real system would, whose effect
     * validation cannot see: the case waits for the source's next word.
     */
    public static final AtomicBoolean patchManagementSimulated = new AtomicBoolean(true);

    @Bean
    @Primary
    ScannerPort switchableScanner(@Qualifier("inventoryActionAdapter") ScannerPort real) {
        return assetId -> {
            if (scannerFailing.get()) {
                throw new IllegalStateException("EDR API timed out after 30 s");
            }
            return real.scan(assetId);
        };
    }

    /** Routed for patches and upgrades in application-test.yaml; the inventory takes the other actions. */
    @Bean
    Connector externalPatchManagement(@Qualifier("inventoryActionAdapter") PatchingPort inventory) {
        return new PatchManagement() {
            @Override
            public String name() {
                return "patch-management";
            }

            @Override
            public boolean simulated() {
                return patchManagementSimulated.get();
            }

            @Override
            public String patchSoftware(ActionKey key, Asset asset, String finding) {
                patchRequests.merge(key, 1, Integer::sum);
                boolean first = patchesApplied.putIfAbsent(key, 1) == null;
                // the inventory mirrors the target's state, which a rollback here does not undo
                String detail = inventory.patchSoftware(key, asset, finding);
                if (first && dieAfterPatch.getAndSet(false)) {
                    throw new IllegalStateException("node died before its transaction committed");
                }
                return first ? detail : detail + " (request " + key + " already applied)";
            }

            @Override
            public String upgradeOs(ActionKey key, Asset asset) {
                return inventory.upgradeOs(key, asset);
            }
        };
    }

    private interface PatchManagement extends Connector, PatchingPort {
    }
}
