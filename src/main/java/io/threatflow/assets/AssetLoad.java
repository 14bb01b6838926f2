package io.threatflow.assets;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.threatflow.assets.SourceRow.Format;
import io.threatflow.inventory.InventoryService;
import io.threatflow.web.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Loads the rows of one {@code POST /api/assets} into the inventory. Every row is validated on its own, and every
 * good row is written in its own transaction ({@link InventoryService#upsert}): a bad row never holds back a good
 * one, a load of 10,000 hosts holds no lock on the table for its whole length, and a row that loses a race with a
 * concurrent load of the same new host fails alone and is simply written again, now as an update.
 */
@Service
class AssetLoad {

    /**
     * @param index  the position in a JSON array, from 0 (JSON only)
     * @param row    the row of a CSV file, the header being row 1 (CSV only)
     * @param result {@code created}, {@code updated} or {@code rejected}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(Integer index, Integer row, String hostname, String result, String assetId,
                @JsonInclude(JsonInclude.Include.ALWAYS) List<Problems.FieldError> errors) {
    }

    record Result(int created, int updated, int rejected, List<Item> items) {
    }

    private final InventoryService inventory;

    AssetLoad(InventoryService inventory) {
        this.inventory = inventory;
    }

    Result load(List<SourceRow> rows) {
        List<Item> items = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SourceRow row : rows) {
            AssetRowValidator.Checked checked = AssetRowValidator.check(row);
            if (!checked.valid()) {
                items.add(item(row, checked.hostname(), "rejected", null, checked.errors()));
                continue;
            }
            Integer first = seen.putIfAbsent(checked.hostname(), row.position());
            if (first != null) {
                items.add(item(row, checked.hostname(), "rejected", null, List.of(new Problems.FieldError(
                        row.name(AssetField.HOSTNAME), "appears already at " + row.format().where(first)
                        + " of this load"))));
                continue;
            }
            InventoryService.Upserted upserted = upsert(checked);
            items.add(item(row, checked.hostname(), upserted.created() ? "created" : "updated",
                    upserted.asset().id(), List.of()));
        }
        return new Result(count(items, "created"), count(items, "updated"), count(items, "rejected"), items);
    }

    private InventoryService.Upserted upsert(AssetRowValidator.Checked checked) {
        try {
            return inventory.upsert(checked.update());
        } catch (DuplicateKeyException createdMeanwhile) {
            return inventory.upsert(checked.update());
        }
    }

    private static Item item(SourceRow row, String hostname, String result, String assetId,
                             List<Problems.FieldError> errors) {
        boolean json = row.format() == Format.JSON;
        return new Item(json ? row.position() : null, json ? null : row.position(), hostname, result, assetId, errors);
    }

    private static int count(List<Item> items, String result) {
        return (int) items.stream().filter(item -> item.result().equals(result)).count();
    }
}
