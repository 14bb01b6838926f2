package io.threatflow.inventory;

/**
 * How much the business depends on an asset, ordered from least to most critical. The names are what the
 * inventory table stores and the decisions threat-severity and response-plan take as {@code assetCriticality}.
 */
public enum Criticality {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The word people read: "Critical", never the code. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
