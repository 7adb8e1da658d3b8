import { describe, expect, it } from "vitest";
import {
  cartonErrors,
  cartonTotals,
  cartonsFromItems,
  duplicateCarton,
  emptyCarton,
  formPathOf,
  itemsFromCartons,
  nextBoxNo,
  type Carton,
} from "./cartons";
import { emptyInboundForm, inboundFormFrom, inboundRequestFrom, inboundUpdateFrom } from "./inboundForm";

function carton(boxNo: string, lines: [string, string][], weight = "5"): Carton {
  return {
    boxNo,
    length: "40",
    width: "30",
    height: "20",
    weight,
    lines: lines.map(([productSku, qty]) => ({ productSku, qty })),
  };
}

describe("carton totals", () => {
  it("adds the pieces of each SKU across cartons, in the order SKUs first appear", () => {
    const totals = cartonTotals([
      carton("1", [["SKU-MUG-001", "10"], ["SKU-LAMP-002", "2"]], "5.5"),
      carton("2", [["SKU-MUG-001", "12"]], "6.25"),
      carton("3", [["SKU-LAMP-002", " 3 "]], "0.1"),
    ]);
    expect(totals.skus, "per-SKU pieces and carton counts").toEqual([
      { productSku: "SKU-MUG-001", qty: 22, cartons: 2 },
      { productSku: "SKU-LAMP-002", qty: 5, cartons: 2 },
    ]);
    expect(totals.cartons, "every carton counts").toBe(3);
    expect(totals.pieces, "all pieces").toBe(27);
    expect(totals.weight, "weight without floating-point drift, 3 places").toBe("11.850");
  });

  it("ignores lines without a SKU or a whole quantity while the seller types", () => {
    const totals = cartonTotals([carton("1", [["", "4"], ["SKU-MUG-001", "2.5"], ["SKU-MUG-001", "x"]], "")]);
    expect(totals.skus, "nothing countable yet").toEqual([]);
    expect(totals.pieces, "no pieces").toBe(0);
    expect(totals.weight, "blank weight counts as zero").toBe("0.000");
  });
});

describe("box numbers and duplicating", () => {
  it("counts trailing numbers up and keeps their padding", () => {
    expect(nextBoxNo([]), "the first carton").toBe("1");
    expect(nextBoxNo(["1", "2"]), "after the last").toBe("3");
    expect(nextBoxNo(["BOX-009"]), "padding kept").toBe("BOX-010");
    expect(nextBoxNo(["CTN"]), "a number-less box gets a suffix").toBe("CTN-2");
    expect(nextBoxNo(["1", "2", "3"], "1"), "skips numbers in use").toBe("4");
  });

  it("duplicates a carton N times right after it with fresh numbers and copied lines", () => {
    const cartons = [carton("A1", [["SKU-MUG-001", "10"]]), carton("B1", [["SKU-LAMP-002", "1"]])];
    const result = duplicateCarton(cartons, 0, 2);
    expect(result.map((c) => c.boxNo), "copies follow the source").toEqual(["A1", "A2", "A3", "B1"]);
    expect(result[2].lines, "lines copied").toEqual([{ productSku: "SKU-MUG-001", qty: "10" }]);
    result[1].lines[0].qty = "99";
    expect(cartons[0].lines[0].qty, "a copy's lines are its own").toBe("10");
    expect(duplicateCarton(cartons, 0, 0), "zero copies change nothing").toEqual(cartons);
  });

  it("numbers a new carton after the others and gives it one empty line", () => {
    const next = emptyCarton([carton("7", [["SKU-MUG-001", "1"]])]);
    expect(next.boxNo, "next number").toBe("8");
    expect(next.lines, "one line to fill").toEqual([{ productSku: "", qty: "" }]);
  });
});

describe("cartons ⇄ itemDTOs", () => {
  const cartons = [
    carton("1", [["SKU-MUG-001", "10"], ["", "3"]]),
    carton("2", [["SKU-LAMP-002", "2"]]),
  ];

  it("sends one row per line, repeating the carton's number, size and weight", () => {
    const { items, origins } = itemsFromCartons(cartons);
    expect(items, "rows").toEqual([
      { productSku: "SKU-MUG-001", boxNo: "1", qty: "10", length: "40", width: "30", height: "20", weight: "5", isMixedBox: "1" },
      { productSku: "", boxNo: "1", qty: "3", length: "40", width: "30", height: "20", weight: "5", isMixedBox: "1" },
      { productSku: "SKU-LAMP-002", boxNo: "2", qty: "2", length: "40", width: "30", height: "20", weight: "5", isMixedBox: "-1" },
    ]);
    expect(origins, "each row remembers its carton and line").toEqual([
      { carton: 0, line: 0 },
      { carton: 0, line: 1 },
      { carton: 1, line: 0 },
    ]);
  });

  it("maps itemDTOs[i] errors back to the carton or the line input", () => {
    const { origins } = itemsFromCartons(cartons);
    expect(formPathOf("itemDTOs[1].productSku", origins), "line field").toBe("cartons[0].lines[1].productSku");
    expect(formPathOf("itemDTOs[2].qty", origins), "line of the second carton").toBe("cartons[1].lines[0].qty");
    expect(formPathOf("itemDTOs[2].weight", origins), "carton field").toBe("cartons[1].weight");
    expect(formPathOf("itemDTOs[1].boxNo", origins), "box number of the row's carton").toBe("cartons[0].boxNo");
    expect(formPathOf("itemDTOs[2]", origins), "a whole row").toBe("cartons[1].lines[0]");
    expect(formPathOf("itemDTOs[9].qty", origins), "unknown rows stay").toBe("itemDTOs[9].qty");
    expect(formPathOf("warehouseCode", origins), "header fields stay").toBe("warehouseCode");

    const mapped = cartonErrors(
      { fields: [{ field: "itemDTOs[1].productSku", message: "必填", messageEn: "required" }] },
      origins,
    );
    expect(mapped.fields, "messages kept, path moved").toEqual([
      { field: "cartons[0].lines[1].productSku", message: "必填", messageEn: "required" },
    ]);
  });

  it("groups the server's rows back into cartons by box number", () => {
    const back = cartonsFromItems([
      { productSku: "SKU-MUG-001", boxNo: "1", qty: "10", length: "40.000", weight: "5.000", receivedQty: "8" },
      { productSku: "SKU-LAMP-002", boxNo: "2", qty: "2" },
      { productSku: "SKU-LAMP-002", boxNo: "1", qty: "1" },
    ]);
    expect(back.map((c) => c.boxNo), "cartons in first-seen order").toEqual(["1", "2"]);
    expect(back[0].lines, "lines of carton 1 with what was received").toEqual([
      { productSku: "SKU-MUG-001", qty: "10", receivedQty: "8" },
      { productSku: "SKU-LAMP-002", qty: "1" },
    ]);
    expect(back[0].length, "carton size from its first row").toBe("40.000");
  });
});

describe("inbound form", () => {
  it("sends container fields only for a full container", () => {
    const form = {
      ...emptyInboundForm(),
      referenceNo: " REF-1 ",
      warehouseCode: "US-LAX-1",
      containerType: "1",
      containerNo: "MSCU1234567",
      cartons: [carton("1", [["SKU-MUG-001", "5"]])],
    };
    const express = inboundRequestFrom(form).request;
    expect(express.containerType, "express: no container").toBeUndefined();
    expect(express.containerNo, "express: no container number").toBeUndefined();
    expect(express.referenceNo, "trimmed").toBe("REF-1");
    expect(express.itemDTOs?.length, "one row").toBe(1);

    const full = inboundRequestFrom({ ...form, shippingType: "1" }).request;
    expect(full.containerType, "full container keeps its size").toBe("1");
    expect(full.containerNo, "and its number").toBe("MSCU1234567");
  });

  it("edits an existing order and sends it back with its number", () => {
    const form = inboundFormFrom({
      orderNo: "IB202401010001",
      referenceNo: "REF-2",
      warehouseCode: "DE-FRA-1",
      transitType: "1",
      shippingType: "2",
      status: "2",
      openItems: [{ productSku: "SKU-MUG-001", boxNo: "1", qty: "4" }],
    });
    expect(form.cartons, "lines from openItems").toHaveLength(1);
    const { request } = inboundUpdateFrom("IB202401010001", form);
    expect(request.orderNo, "order number sent").toBe("IB202401010001");
    expect(request.itemDTOs?.[0], "line sent back").toMatchObject({ productSku: "SKU-MUG-001", boxNo: "1", qty: "4" });
  });
});
