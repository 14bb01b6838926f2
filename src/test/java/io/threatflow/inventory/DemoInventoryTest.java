package io.threatflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationRunner;

class DemoInventoryTest {

    private final InventoryService inventory = mock(InventoryService.class);
    private final DemoInventory demo = new DemoInventory(inventory);

    @Test
    void shouldSeedEveryDemoAsset_whenTheInventoryIsEmpty() {
        when(inventory.count()).thenReturn(0L);

        demo.afterSingletonsInstantiated();

        ArgumentCaptor<Asset> added = ArgumentCaptor.forClass(Asset.class);
        verify(inventory, times(DemoInventory.ASSETS.size())).add(added.capture());
        assertThat(added.getAllValues()).extracting(Asset::hostname)
                .containsExactly("web-01", "db-01", "legacy-hr-01", "laptop-0042", "vpn-gw-01");
    }

    @Test
    void shouldGiveTheDemoAssetsTagsAndInternetFacing_forRoutingToSelectBy() {
        assertThat(DemoInventory.ASSETS).filteredOn(Asset::internetFacing).extracting(Asset::hostname)
                .containsExactly("web-01", "vpn-gw-01");
        assertThat(DemoInventory.ASSETS).allSatisfy(asset -> assertThat(asset.tags()).isNotEmpty()
                .allSatisfy(tag -> assertThat(AssetTags.normalise(tag)).contains(tag)));
        assertThat(DemoInventory.ASSETS.get(0).tags()).contains("linux", "dmz");
    }

    @Test
    void shouldLeaveAnInventoryAlone_thatHoldsAssetsAlready() {
        when(inventory.count()).thenReturn(3L);

        demo.afterSingletonsInstantiated();

        verify(inventory, never()).add(any());
    }

    /** Seeding as an ApplicationRunner raced the first reports: the web server takes requests before runners run. */
    @Test
    void shouldSeedBeforeTheWebServerTakesRequests_notAsARunner() {
        assertThat(demo).isInstanceOf(SmartInitializingSingleton.class).isNotInstanceOf(ApplicationRunner.class);
    }
}
