import { describe, expect, it } from "vitest";
import { buildRequest } from "../../lib/forms";
import {
  b2bRequestFrom,
  b2cRequestFrom,
  canCancel,
  cancelOutcomes,
  channelFits,
  emptyOutboundForm,
  lineTotals,
  listRequestFrom,
  outboundFormFrom,
  updateRequestFrom,
  uploadsFrom,
  wireDateTime,
} from "./orderForm";

function filledForm(kind: "b2c" | "b2b") {
  return {
    ...emptyOutboundForm(kind),
    referenceNo: " REF-1 ",
    contactName: "Ann",
    address: "1 Main St",
    city: "Los Angeles",
    postcode: "90001",
    code2: "US",
    warehouseCode: "US-LAX-1",
    shippingMethodCode: "UPS-GROUND",
    lines: [
      { productSku: "SKU-MUG-001", qty: 2, boxNo: "C1", platformSku: "" },
      { productSku: "SKU-LAMP-002", qty: 3, boxNo: "C2", platformSku: "" },
    ],
  };
}

describe("outbound form", () => {
  it("sends a B2C order without carton numbers, signType 0 and no insured value when unused", () => {
    const body = buildRequest(b2cRequestFrom(filledForm("b2c")));
    expect(body.referenceNo, "text is trimmed").toBe("REF-1");
    expect(body.isSign).toBe("-1");
    expect(body.signType, "the documentation's placeholder for no signature").toBe(0);
    expect(body.isInsure).toBe("-1");
    expect("insurePrice" in body, "no insured value without insurance").toBe(false);
    expect(body.itemDTOs).toEqual([
      { productSku: "SKU-MUG-001", qty: "2" },
      { productSku: "SKU-LAMP-002", qty: "3" },
    ]);
    expect("b2bDto" in body, "B2C has no warehouse instructions").toBe(false);
  });

  it("sends signature, insurance and the B2B instructions in their wire forms", () => {
    const form = filledForm("b2b");
    form.isSign = true;
    form.signType = "3";
    form.isInsure = true;
    form.insurePrice = "120.5";
    form.b2b.shipmentNo = "FBA123";
    form.b2b.receiveAddressType = "1";
    form.b2b.isPallet = true;
    form.b2b.limitPlateNum = 4;
    form.b2b.limitPlateHeight = "180";
    const body = buildRequest(b2bRequestFrom(form));
    expect(body.signType).toBe(3);
    expect(body.insurePrice, "money with 2 places").toBe("120.50");
    expect(body.itemDTOs?.[1], "B2B lines keep their carton").toEqual({
      productSku: "SKU-LAMP-002",
      qty: "3",
      boxNo: "C2",
    });
    expect(body.b2bDto).toMatchObject({
      shipmentNo: "FBA123",
      receiveAddressType: 1,
      isPallet: "1",
      limitPlateNum: "4",
      limitPlateHeight: "180.000",
      isChangePackage: "-1",
    });
    expect(body.b2bDto && "limitPlateWeight" in body.b2bDto, "blank limits are left out").toBe(false);
  });

  it("leaves out an insured value that was not given, so Rust names insurePrice", () => {
    const form = filledForm("b2c");
    form.isInsure = true;
    expect("insurePrice" in buildRequest(b2cRequestFrom(form))).toBe(false);
  });

  it("reads a listed order back into the same form, and the update carries the order number", () => {
    const form = outboundFormFrom("b2b", {
      orderNo: "OB1",
      referenceNo: "REF-9",
      contactName: "Bo",
      isSign: "1",
      signType: 2,
      isInsure: "-1",
      insurePrice: "0.00",
      openItems: [{ productSku: "SKU-MUG-001", qty: "5", boxNo: "B7" }],
      openB2b: { shipmentNo: "FBA9", isPallet: "1", limitPlateNum: "3" },
    });
    expect(form.isSign).toBe(true);
    expect(form.signType).toBe("2");
    expect(form.insurePrice).toBe(null);
    expect(form.lines).toEqual([{ productSku: "SKU-MUG-001", qty: 5, boxNo: "B7", platformSku: "" }]);
    expect(form.b2b.shipmentNo).toBe("FBA9");
    expect(form.b2b.limitPlateNum).toBe(3);
    const update = buildRequest(updateRequestFrom(form, "OB1"));
    expect(update.orderNo).toBe("OB1");
    expect(update.referenceNo).toBe("REF-9");
  });

  it("uploads chosen files by path with their type", () => {
    expect(
      uploadsFrom([
        { path: " /tmp/label.pdf ", attachmentType: "SHIPMENT_LABEL" },
        { path: "", attachmentType: "BOL" },
        { path: "/tmp/x.pdf", attachmentType: "" },
      ]),
    ).toEqual([
      { path: "/tmp/label.pdf", attachmentType: "SHIPMENT_LABEL" },
      { path: "/tmp/x.pdf", attachmentType: "OTHER" },
    ]);
  });

  it("counts pieces and cartons live", () => {
    expect(lineTotals(filledForm("b2b").lines)).toEqual({ pieces: 5, cartons: 2 });
  });

  it("offers only the warehouse's channels that take this kind of order", () => {
    const channel = { code: "X", methodType: "1", isOrder: 1, isTransferOrder: -1, openWarehouse: { warehouseCode: "US-LAX-1" } };
    expect(channelFits("b2c", "US-LAX-1")(channel)).toBe(true);
    expect(channelFits("b2b", "US-LAX-1")(channel), "B2B needs a transfer channel").toBe(false);
    expect(channelFits("b2c", "DE-FRA-1")(channel), "another warehouse's channel").toBe(false);
    expect(channelFits("b2c", "US-LAX-1")({ ...channel, methodType: "2" }), "a label channel").toBe(false);
  });
});

describe("outbound list", () => {
  it("filters by one time field, several references and a status", () => {
    const request = buildRequest(
      listRequestFrom(
        { status: "2", reference: "A-1, A-2", timeField: "update", from: "2024-05-01T10:30", to: "" },
        2,
        20,
      ),
    );
    expect(request).toEqual({
      referenceNos: ["A-1", "A-2"],
      status: "2",
      startUpdateTime: "2024-05-01 10:30:00",
      commonParam: { pageParam: { pageNum: 2, pageSize: 20 } },
    });
  });

  it("turns datetime-local values into the wire format", () => {
    expect(wireDateTime("2024-05-01T10:30:15")).toBe("2024-05-01 10:30:15");
    expect(wireDateTime("yesterday"), "kept for Rust to name").toBe("yesterday");
  });

  it("lists each order of a bulk cancel, failures first", () => {
    expect(
      cancelOutcomes({
        successList: [{ orderNo: "OB1", message: "ok" }],
        failList: [{ orderNo: "OB2", message: "shipped" }],
      }),
    ).toEqual([
      { orderNo: "OB2", ok: false, message: "shipped" },
      { orderNo: "OB1", ok: true, message: "ok" },
    ]);
    expect(canCancel("5"), "a shipped order cannot be cancelled").toBe(false);
    expect(canCancel("3")).toBe(true);
  });
});
