package io.threatflow.action;

/** What ThreatFlow can do to an asset. Eradication actions remove a threat; the others contain or lift. */
public enum ActionType {
    PATCH_SOFTWARE, UPGRADE_OS, CLOSE_PORT, REMOVE_MALWARE, RESET_CREDENTIALS,
    ISOLATE_HOST, RECONNECT_HOST, BLOCK_PORT, UNBLOCK_PORT, DISABLE_ACCOUNT, ENABLE_ACCOUNT, RAISE_MONITORING,
    NOTIFY_STAKEHOLDERS,
    /** not an action on the asset: validation looking for itself whether a service is still exposed */
    PROBE_SERVICE;

    /** In words, for people. */
    public String label() {
        return switch (this) {
            case PATCH_SOFTWARE -> "patch the software";
            case UPGRADE_OS -> "upgrade the OS";
            case CLOSE_PORT -> "close the port";
            case REMOVE_MALWARE -> "remove the malware";
            case RESET_CREDENTIALS -> "reset the credentials";
            case ISOLATE_HOST -> "isolate the host";
            case RECONNECT_HOST -> "reconnect the host";
            case BLOCK_PORT -> "block the port";
            case UNBLOCK_PORT -> "unblock the port";
            case DISABLE_ACCOUNT -> "disable the account";
            case ENABLE_ACCOUNT -> "enable the account";
            case RAISE_MONITORING -> "raise monitoring";
            case NOTIFY_STAKEHOLDERS -> "notify stakeholders";
            case PROBE_SERVICE -> "probe the service";
        };
    }

    /** The port a connector implements to carry this action out; {@code Void} for an observation. */
    public Class<?> port() {
        return switch (this) {
            case PATCH_SOFTWARE, UPGRADE_OS -> PatchingPort.class;
            case CLOSE_PORT, BLOCK_PORT, UNBLOCK_PORT -> PortControlPort.class;
            case REMOVE_MALWARE -> MalwareRemovalPort.class;
            case RESET_CREDENTIALS, DISABLE_ACCOUNT, ENABLE_ACCOUNT -> AccountControlPort.class;
            case ISOLATE_HOST, RECONNECT_HOST -> HostIsolationPort.class;
            case RAISE_MONITORING -> MonitoringPort.class;
            case NOTIFY_STAKEHOLDERS -> NotificationPort.class;
            case PROBE_SERVICE -> Void.class;
        };
    }

    /** Whether a connector carries it out on the asset (not a notification, not an observation). */
    public boolean onAsset() {
        return this != NOTIFY_STAKEHOLDERS && this != PROBE_SERVICE;
    }

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
