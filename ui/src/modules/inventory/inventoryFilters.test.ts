import { describe, expect, it } from "vitest";
import { inventoryRequest } from "./inventoryFilters";

describe("inventory filters", () => {
  const filters = { productSku: " SKU-MUG-001 ", warehouseCode: "US-LAX-1", start: "2024-05-01T00:00", end: "" };

  it("sends the SKU and warehouse, and the time range for movements", () => {
    expect(inventoryRequest("movements", filters, { pageParam: { pageNum: 1, pageSize: 20 } })).toEqual({
      productSku: "SKU-MUG-001",
      warehouseCode: "US-LAX-1",
      startCreateTime: "2024-05-01 00:00:00",
      commonParam: { pageParam: { pageNum: 1, pageSize: 20 } },
    });
  });

  it("leaves the time range out of stock and stock age", () => {
    expect(inventoryRequest("stock", filters), "stock has no time filter").toEqual({
      productSku: "SKU-MUG-001",
      warehouseCode: "US-LAX-1",
    });
  });
});
