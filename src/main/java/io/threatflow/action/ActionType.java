package io.threatflow.action;

/** What ThreatFlow can do to an asset. Eradication actions remove a threat; the others contain or lift. */
public enum ActionType {
    PATCH_SOFTWARE, UPGRADE_OS, CLOSE_PORT, REMOVE_MALWARE, RESET_CREDENTIALS,
    ISOLATE_HOST, RECONNECT_HOST, BLOCK_PORT, UNBLOCK_PORT, DISABLE_ACCOUNT, ENABLE_ACCOUNT, RAISE_MONITORING,
    NOTIFY_STAKEHOLDERS;

    /** The action that undoes a containment measure when the threat is gone, if there is one. */
    public ActionType reversal() {
        return switch (this) {
            case ISOLATE_HOST -> RECONNECT_HOST;
            case BLOCK_PORT -> UNBLOCK_PORT;
            case DISABLE_ACCOUNT -> ENABLE_ACCOUNT;
            default -> null;
        };
    }
}
