import { describe, expect, it } from "vitest";
import {
  emptyOrderLine,
  emptyPlatformOrderForm,
  lineTotal,
  orderTotal,
  platformOrderRequest,
  platformUploadFiles,
  rfc3339FromInput,
} from "./orderForm";

describe("platform order totals", () => {
  it("multiplies without floating point", () => {
    expect(lineTotal({ quantity: "3", unitPrice: "0.1" }), "0.1 × 3 is exactly 0.3").toBe("0.300");
    expect(lineTotal({ quantity: 2, unitPrice: "19.995" }), "three places kept").toBe("39.990");
    expect(lineTotal({ quantity: "1", unitPrice: "1.0005" }), "rounded half up to 3 places").toBe("1.001");
  });

  it("has no line total until both inputs are numbers", () => {
    expect(lineTotal({ quantity: "", unitPrice: "5" }), "no quantity").toBeNull();
    expect(lineTotal({ quantity: "2", unitPrice: "" }), "no price").toBeNull();
    expect(lineTotal({ quantity: "1.5", unitPrice: "5" }), "half a piece").toBeNull();
    expect(lineTotal({ quantity: null, unitPrice: "abc" }), "nothing usable").toBeNull();
  });

  it("sums the lines, counting unfinished ones as zero", () => {
    const lines = [
      { quantity: "3", unitPrice: "0.1" },
      { quantity: "1", unitPrice: "0.2" },
      { quantity: "", unitPrice: "99" },
    ];
    expect(orderTotal(lines), "0.3 + 0.2, not 0.5000000001").toBe("0.500");
    expect(orderTotal([]), "no lines").toBe("0.000");
  });
});

describe("platform order request", () => {
  it("sends the total, 3-place prices, number totals and RFC 3339 times", () => {
    const form = emptyPlatformOrderForm();
    form.platformOrderNo = " AMZ-1 ";
    form.warehouseCode = "US-LAX-1";
    form.orderTime = "2024-05-01T08:30";
    form.itemDTOs = [
      { sku: "SKU-MUG-001", productName: "", quantity: "2", unitPrice: "12.5" },
      { ...emptyOrderLine(), sku: "SKU-LAMP-002", unitPrice: "30" },
    ];

    expect(platformOrderRequest(form, 480)).toEqual({
      platformOrderNo: "AMZ-1",
      totalAmount: "55.000",
      currencyCode: "USD",
      orderTime: "2024-05-01T08:30:00+08:00",
      warehouseCode: "US-LAX-1",
      itemDTOs: [
        { sku: "SKU-MUG-001", quantity: 2, unitPrice: "12.500", totalPrice: 25, currencyCode: "USD" },
        { sku: "SKU-LAMP-002", quantity: 1, unitPrice: "30.000", totalPrice: 30, currencyCode: "USD" },
      ],
    });
  });

  it("leaves the total out while no line has a price, and a quantity that is not whole", () => {
    const form = emptyPlatformOrderForm();
    form.itemDTOs = [{ sku: "A", productName: "", quantity: "x", unitPrice: "" }];
    const request = platformOrderRequest(form, 0);
    expect(request.totalAmount, "no total without prices").toBeUndefined();
    expect(request.itemDTOs?.[0].quantity, "left out, so Rust names it missing").toBeUndefined();
  });

  it("writes offsets west of UTC and keeps given seconds", () => {
    expect(rfc3339FromInput("2024-01-02T03:04:05", -330)).toBe("2024-01-02T03:04:05-05:30");
    expect(rfc3339FromInput(" ", 0), "blank").toBe("");
  });
});

describe("platform order attachments", () => {
  it("sends each chosen path once, trimmed, with its type or OTHER", () => {
    expect(
      platformUploadFiles([" /tmp/label.pdf ", "", "/tmp/invoice.pdf"], {
        " /tmp/label.pdf ": "SHIPMENT_LABEL",
      }),
    ).toEqual([
      { path: "/tmp/label.pdf", attachmentType: "SHIPMENT_LABEL" },
      { path: "/tmp/invoice.pdf", attachmentType: "OTHER" },
    ]);
  });
});
