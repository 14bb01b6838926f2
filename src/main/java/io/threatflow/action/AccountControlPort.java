package io.threatflow.action;

import io.threatflow.inventory.Asset;

/** Controls the account of an asset's owner. Idempotent per key: see the package documentation. */
public interface AccountControlPort {

    String disableAccount(ActionKey key, Asset asset);

    String enableAccount(ActionKey key, Asset asset);

    String resetCredentials(ActionKey key, Asset asset);
}
