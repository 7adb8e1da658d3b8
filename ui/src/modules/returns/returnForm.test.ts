import { describe, expect, it } from "vitest";
import { buildRequest } from "../../lib/forms";
import {
  emptyReturnFilters,
  emptyReturnForm,
  returnChangeable,
  returnFormFrom,
  returnListRequestFrom,
  returnRequestFrom,
  returnUpdateFrom,
} from "./returnForm";

describe("return form", () => {
  it("sends the lines with quantities as text and leaves blanks out", () => {
    const form = {
      ...emptyReturnForm(),
      referenceNo: "RT-1",
      warehouseCode: "US-LAX-1",
      returnType: "1",
      handleType: "3",
      lines: [{ productSku: "SKU-MUG-001", qty: 2, remark: "" }, { productSku: "", qty: null, remark: "" }],
    };
    expect(buildRequest(returnRequestFrom(form))).toEqual({
      referenceNo: "RT-1",
      warehouseCode: "US-LAX-1",
      returnType: "1",
      handleType: "3",
      itemDTOs: [{ productSku: "SKU-MUG-001", qty: "2" }, {}],
    });
  });

  it("reads a listed return back, lines under either name, and updates it by number", () => {
    const form = returnFormFrom({
      orderNo: "RT9",
      referenceNo: "RT-9",
      outboundOrderNo: "OB1",
      openItems: [{ productSku: "SKU-LAMP-002", qty: "4", remark: "box dented" }],
    });
    expect(form.lines).toEqual([{ productSku: "SKU-LAMP-002", qty: 4, remark: "box dented" }]);
    const update = buildRequest(returnUpdateFrom(form, "RT9"));
    expect(update.orderNo).toBe("RT9");
    expect(update.outboundOrderNo).toBe("OB1");
    expect(returnChangeable("4"), "a received return cannot change").toBe(false);
  });

  it("filters by warehouse, type and an update-time range", () => {
    const request = buildRequest(
      returnListRequestFrom(
        { ...emptyReturnFilters(), warehouseCode: "US-LAX-1", returnType: "2", timeField: "update", to: "2024-06-01T00:00" },
        1,
        20,
      ),
    );
    expect(request).toEqual({
      warehouseCode: "US-LAX-1",
      returnType: "2",
      endUpdateTime: "2024-06-01 00:00:00",
      commonParam: { pageParam: { pageNum: 1, pageSize: 20 } },
    });
  });
});
