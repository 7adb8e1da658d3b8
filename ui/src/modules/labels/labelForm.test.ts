import { describe, expect, it } from "vitest";
import {
  emptyLabelFilters,
  emptyLabelForm,
  emptyLine,
  labelFormFrom,
  labelListRequest,
  labelRequestFrom,
  numberOrBlank,
} from "./labelForm";

describe("express label form", () => {
  it("sends measures as JSON numbers, money padded, services as 1 / -1", () => {
    const form = emptyLabelForm();
    form.referenceNo = " EL-1 ";
    form.shippingMethodCode = "UPS-LABEL";
    form.length = "30";
    form.weight = "1.25";
    form.isInsure = true;
    form.insurePrice = "50";
    form.shipper.name = "Warehouse";
    form.consignee.countryCode = "US";
    form.itemDTOs[0] = { ...emptyLine(), declareName: "杯子", declareValue: "9.5", qty: "2" };

    const request = labelRequestFrom(form);

    expect(request.referenceNo, "text is trimmed").toBe("EL-1");
    expect(request.length, "length is a JSON number").toBe(30);
    expect(request.weight, "weight keeps its decimals").toBe(1.25);
    expect(request.width, "a blank measure is left out").toBeUndefined();
    expect(request.isInsure, "insured is 1").toBe(1);
    expect(request.insurePrice, "money has 2 places").toBe("50.00");
    expect(request.isSign, "no signature is -1").toBe(-1);
    expect(request.signType, "no signature type without signature").toBeUndefined();
    expect(request.shipper, "blank address fields are left out").toEqual({ name: "Warehouse" });
    expect(request.itemDTOs, "the declared line").toEqual([
      { declareName: "杯子", declareValue: "9.50", qty: 2 },
    ]);
  });

  it("keeps an empty address block so Rust names its missing fields", () => {
    const request = labelRequestFrom(emptyLabelForm());
    expect(request.consignee, "an empty block is sent as {}").toEqual({});
    expect(request.itemDTOs, "a blank last line is dropped").toEqual([]);
  });

  it("keeps a blank line in the middle so row numbers match the server's paths", () => {
    const form = emptyLabelForm();
    form.itemDTOs = [emptyLine(), { ...emptyLine(), declareName: "Lamp" }];
    const request = labelRequestFrom(form);
    expect(request.itemDTOs?.length, "the first, blank line stays as itemDTOs[0]").toBe(2);
    expect(request.itemDTOs?.[1].declareName).toBe("Lamp");
  });

  it("leaves out text that is not a number, so Rust names the field", () => {
    expect(numberOrBlank("abc"), "not a number").toBeUndefined();
    expect(numberOrBlank(" "), "blank").toBeUndefined();
    expect(numberOrBlank("0.5")).toBe(0.5);
    expect(numberOrBlank(12), "a number input may hand back a number").toBe(12);
    expect(numberOrBlank(null), "or null when empty").toBeUndefined();
  });

  it("fills the form from a label and sends the same content back", () => {
    const form = labelFormFrom({
      orderNo: "EL1",
      orderType: 1,
      referenceNo: "R1",
      shippingMethodCode: "UPS-LABEL",
      weight: 2,
      isSign: 1,
      signType: 3,
      consignee: { name: "Ann", countryCode: "US", city: "LA", address: "1 Main", postcode: "90001", phone: "1" },
      itemDTOs: [{ declareName: "Mug", qty: 1, declareValue: "5.00" }],
    });
    expect(form.isSign, "signature ticked").toBe(true);
    const request = labelRequestFrom(form);
    expect(request.signType, "the signature type comes back").toBe(3);
    expect(request.consignee?.city).toBe("LA");
    expect(request.itemDTOs).toEqual([{ declareName: "Mug", qty: 1, declareValue: "5.00" }]);
  });

  it("builds the list request from the filters", () => {
    const filters = { ...emptyLabelFilters(), status: "4", start: "2024-05-01T08:30" };
    expect(labelListRequest(filters, 2, 20)).toEqual({
      status: "4",
      startCreateTime: "2024-05-01 08:30:00",
      commonParam: { pageParam: { pageNum: 2, pageSize: 20 } },
    });
  });
});
