import { describe, expect, it } from "vitest";
import {
  buildRequest,
  fieldErrorsAt,
  fieldErrorsUnder,
  formatDecimal,
  formatMoney,
  rowPath,
  sumDecimals,
  testIdFor,
  unclaimedFieldErrors,
} from "./forms";

const error = {
  fields: [
    { field: "itemDTOs[0].qty", message: "必须大于 0", messageEn: "must be more than 0" },
    { field: "itemDTOs[1].productSku", message: "必填", messageEn: "is required" },
    { field: "itemDTOs[10].qty", message: "必须大于 0", messageEn: "must be more than 0" },
    { field: "warehouseCode", message: "必填", messageEn: "is required" },
  ],
};

describe("buildRequest", () => {
  it("drops empty strings and nulls at every depth but keeps every row", () => {
    const request = buildRequest({
      referenceNo: " REF-1 ",
      remark: "",
      trackingNo: null,
      b2bDto: { shipmentNo: "  ", isPallet: "1" },
      itemDTOs: [{ productSku: "SKU-MUG-001", qty: "2" }, { productSku: "", qty: "" }],
      signType: 0,
    });
    expect(request, "blank fields are left out, rows stay in place").toEqual({
      referenceNo: "REF-1",
      b2bDto: { isPallet: "1" },
      itemDTOs: [{ productSku: "SKU-MUG-001", qty: "2" }, {}],
      signType: 0,
    });
  });

  it("keeps false and zero, which are real answers", () => {
    expect(buildRequest({ flag: false, count: 0 })).toEqual({ flag: false, count: 0 });
  });
});

describe("field errors", () => {
  it("finds the error of one input by its exact path", () => {
    expect(fieldErrorsAt(error, "itemDTOs[0].qty").map((f) => f.messageEn)).toEqual(["must be more than 0"]);
    expect(fieldErrorsAt(error, "itemDTOs[1].qty"), "another row's field is not this one").toEqual([]);
    expect(fieldErrorsAt(null, "warehouseCode"), "no error, no message").toEqual([]);
  });

  it("finds the errors of a whole row without mixing up row 1 and row 10", () => {
    expect(fieldErrorsUnder(error, "itemDTOs[1]").map((f) => f.field)).toEqual(["itemDTOs[1].productSku"]);
    expect(fieldErrorsUnder(error, "itemDTOs").length, "the list prefix covers every row").toBe(3);
  });

  it("lists the errors no input shows", () => {
    expect(unclaimedFieldErrors(error, ["itemDTOs[0].qty", "itemDTOs[1].productSku", "itemDTOs[10].qty"]).map((f) => f.field)).toEqual(["warehouseCode"]);
  });

  it("derives input test ids from wire paths", () => {
    expect(testIdFor("b2b", rowPath("itemDTOs", 0, "qty"))).toBe("b2b-itemDTOs-0-qty");
    expect(testIdFor("b2b", "b2bDto.shipmentNo")).toBe("b2b-b2bDto-shipmentNo");
  });
});

describe("decimals", () => {
  it("pads and rounds to the wire's places", () => {
    expect(formatDecimal("12.5")).toBe("12.50");
    expect(formatDecimal("0.0005", 3), "half up").toBe("0.001");
    expect(formatDecimal("3", 3)).toBe("3.000");
    expect(formatDecimal("-1.005")).toBe("-1.01");
    expect(formatDecimal("abc"), "not a number stays for Rust to name").toBe("abc");
  });

  it("formats money with grouping and currency", () => {
    expect(formatMoney("1234567.5", "USD")).toBe("USD 1,234,567.50");
    expect(formatMoney("0")).toBe("0.00");
  });

  it("sums without floating-point drift", () => {
    expect(sumDecimals(["0.1", "0.2", "", null, "x"]), "0.1 + 0.2 is exactly 0.30").toBe("0.30");
    expect(sumDecimals(["1.250", "2.125"], 3)).toBe("3.375");
  });
});
