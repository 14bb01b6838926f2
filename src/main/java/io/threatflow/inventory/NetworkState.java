package io.threatflow.inventory;

public enum NetworkState {
    CONNECTED, ISOLATED
}
