package io.threatflow.inventory;

import java.util.List;

/** One page of assets, ordered by hostname. */
public record AssetPage(List<Asset> items, int page, int size, long total) {
}
