/**
 * The HTTP surface of the asset inventory: {@code GET /api/assets} to read it, {@code POST /api/assets} to load it
 * from JSON or CSV. Apart from {@code inventory} because it needs the access rules and problem details, which
 * themselves build on the threat register and so on the inventory.
 */
package io.threatflow.assets;
