import { describe, expect, it } from "vitest";
import { batchRequest, parsePastedTable, rowOutcomes } from "./batch";

const zh = (text: string) => text;

describe("pasted platform orders", () => {
  it("reads a table without a header in the default columns, grouping lines by order", () => {
    const table = parsePastedTable(
      "AMZ-1\tUS-LAX-1\tSKU-MUG-001\t2\t12.5\tUSD\r\nAMZ-1\tUS-LAX-1\tSKU-LAMP-002\t1\t30\r\n\nAMZ-2\tDE-FRA-1\tSKU-MUG-001\t1\t9",
    );
    expect(table.rows.map((r) => [r.line, r.order, r.item]), "blank lines skipped, lines grouped").toEqual([
      [1, 0, 0],
      [2, 0, 1],
      [4, 1, 0],
    ]);
    const batch = batchRequest(table, 0);
    expect(batch.length, "two orders").toBe(2);
    expect(batch[0].totalAmount, "the order total is the sum of its lines").toBe("55.000");
    expect(batch[0].itemDTOs?.map((l) => l.sku)).toEqual(["SKU-MUG-001", "SKU-LAMP-002"]);
    expect(batch[1].warehouseCode).toBe("DE-FRA-1");
  });

  it("takes the columns from a header row, in any order, and lists unknown ones", () => {
    const table = parsePastedTable("sku\tplatformOrderNo\tQuantity\tcolour\nSKU-A\tP-1\t3\tred");
    expect(table.columns).toEqual(["sku", "platformOrderNo", "quantity"]);
    expect(table.unknownColumns, "unknown header cells are reported").toEqual(["colour"]);
    expect(table.rows[0].line, "the data starts on line 2").toBe(2);
    expect(batchRequest(table, 0)[0]).toMatchObject({ platformOrderNo: "P-1", itemDTOs: [{ sku: "SKU-A", quantity: 3 }] });
  });

  it("puts Rust's field errors on the rows they name", () => {
    const table = parsePastedTable("P-1\tUS-LAX-1\tA\t1\t1\nP-1\tUS-LAX-1\tB\t0\t1\nP-2\t\tC\t1\t1");
    const outcomes = rowOutcomes(
      table,
      {
        fields: [
          { field: "[0].itemDTOs[1].quantity", message: "至少为 1", messageEn: "at least 1" },
          { field: "[1].warehouseCode", message: "必填", messageEn: "required" },
        ],
      },
      zh,
    );
    expect(outcomes.map((o) => o.state), "the bad line and the order without warehouse").toEqual([
      "unsent",
      "failed",
      "failed",
    ]);
    expect(outcomes[1].messages).toEqual(["[0].itemDTOs[1].quantity: 至少为 1"]);
    expect(outcomes[2].messages).toEqual(["[1].warehouseCode: 必填"]);
  });

  it("marks the rows of the orders the server refused and the others created", () => {
    const table = parsePastedTable("P-1\tUS-LAX-1\tA\t1\t1\nP-2\tXX-1\tB\t1\t1\nP-2\tXX-1\tC\t1\t1");
    const outcomes = rowOutcomes(
      table,
      {
        result: {
          totalQty: 2,
          successQty: 1,
          failQty: 1,
          successList: [{ orderNo: "", platformOrderNo: "P-1", message: "创建成功" }],
          failList: [{ orderNo: "", platformOrderNo: "P-2", message: "[1].warehouseCode: 仓库不存在" }],
        },
      },
      zh,
    );
    expect(outcomes.map((o) => o.state)).toEqual(["created", "failed", "failed"]);
    expect(outcomes[2].messages, "every row of the refused order says why").toEqual([
      "[1].warehouseCode: 仓库不存在",
    ]);
  });
});
