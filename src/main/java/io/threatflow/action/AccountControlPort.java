package io.threatflow.action;

import io.threatflow.inventory.Asset;

public interface AccountControlPort {

    String disableAccount(Asset asset);

    String enableAccount(Asset asset);

    String resetCredentials(Asset asset);
}
