import { describe, expect, it } from "vitest";
import { emptyProductForm, isEditable, productFormFrom, productRequestFrom, YES } from "./productForm";

describe("product form", () => {
  it("sends units only with the measures they describe and no battery unless it has one", () => {
    const form = { ...emptyProductForm(), productSku: " SKU-NEW-1 ", name: "杯子", productWeight: "0.35" };
    form.battery.batteryType = "6";
    const request = productRequestFrom(form);
    expect(request.productSku, "trimmed").toBe("SKU-NEW-1");
    expect(request.productWeightType, "kg with the weight").toBe("1");
    expect(request.productLengthType, "no size, no unit").toBeUndefined();
    expect(request.openBattery, "isBattery = no drops the section").toBeUndefined();
    expect(request.isBattery, "no is sent as -1").toBe("-1");
  });

  it("sends the battery section and platform SKUs in form order", () => {
    const form = {
      ...emptyProductForm(),
      productSku: "SKU-BAT-1",
      nameEn: "Power bank",
      isBattery: YES,
      productLength: "10",
      platformSkus: [
        { platformType: "1", platformSku: "X00ABC", platformSkuBarcode: "", barcodeType: "" },
        { platformType: "4", platformSku: "EB-1", platformSkuBarcode: "123456789012", barcodeType: "7" },
      ],
    };
    form.battery.batteryType = "6";
    form.battery.batteryEnergy = "37";
    const request = productRequestFrom(form);
    expect(request.productLengthType, "cm with a size").toBe("2");
    expect(request.openBattery, "battery kept").toEqual({ batteryType: "6", batteryEnergy: "37" });
    expect(request.openPlatformSkus, "rows kept in order, blanks dropped").toEqual([
      { platformType: "1", platformSku: "X00ABC" },
      { platformType: "4", platformSku: "EB-1", platformSkuBarcode: "123456789012", barcodeType: "7" },
    ]);
  });

  it("edits a listed product with its battery, category and platform SKUs", () => {
    const form = productFormFrom({
      productSku: "SKU-LAMP-002",
      name: "台灯",
      isBattery: "1",
      openBattery: { batteryType: "6", batteryCapacity: "2000" },
      openCategory: { code: "HOME", name: "家居" },
      openPlatformSkus: [{ platformType: "1", platformSku: "X0LAMP" }],
      productLength: "20.000",
      productLengthType: "2",
      status: "2",
    });
    expect(form.productCategoryCode, "category from openCategory").toBe("HOME");
    expect(form.battery.batteryCapacity, "battery filled").toBe("2000");
    expect(form.platformSkus[0].platformSku, "platform SKU filled").toBe("X0LAMP");
    expect(productRequestFrom(form).productLength, "measure sent back as it came").toBe("20.000");
  });

  it("allows edits only where the OMS does", () => {
    expect(isEditable("2"), "pending review").toBe(true);
    expect(isEditable("3"), "approved").toBe(false);
    expect(isEditable("-1"), "discarded").toBe(false);
  });
});
