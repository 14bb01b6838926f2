package io.threatflow.inventory;

/** What a search of the inventory asks for; a null component does not filter. */
public record AssetFilter(String hostnameContains, String tag, Boolean internetFacing) {
}
