// The filters of the three inventory lists (stock, movements, stock age) and the request they
// make. Time bounds apply to movements only, as SPEC.md §2.7 says.
import type { CommonParam, InventoryListRequest } from "../../lib/bindings";
import { buildRequest } from "../../lib/forms";
import { createTimeRange } from "./timeRange";

/** The inventory lists. */
export type InventoryTab = "stock" | "movements" | "age";

/** The filters as the inputs hold them. */
export type InventoryFilters = { productSku: string; warehouseCode: string; start: string; end: string };

/** No filter. */
export function emptyInventoryFilters(): InventoryFilters {
  return { productSku: "", warehouseCode: "", start: "", end: "" };
}

/** The request of a list for the filters; paging is added by the caller. */
export function inventoryRequest(
  tab: InventoryTab,
  filters: InventoryFilters,
  commonParam?: CommonParam,
): InventoryListRequest {
  return buildRequest({
    productSku: filters.productSku,
    warehouseCode: filters.warehouseCode,
    ...(tab === "movements" ? createTimeRange(filters.start, filters.end) : {}),
    commonParam,
  });
}
