import { describe, expect, it } from "vitest";
import { bucketOf, bucketTotals } from "./stockAge";

describe("stock age buckets", () => {
  it("puts the edges of each bucket where the screen says", () => {
    const key = (days: number | null) => bucketOf(days)?.key ?? null;
    expect([0, 30, 31, 60, 61, 90, 91, 180, 181, 900].map(key)).toEqual([
      "0-30",
      "0-30",
      "31-60",
      "31-60",
      "61-90",
      "61-90",
      "91-180",
      "91-180",
      "181+",
      "181+",
    ]);
    expect(key(-2), "a batch stamped in the future is new stock").toBe("0-30");
    expect(key(null), "no age, no bucket").toBeNull();
  });

  it("totals pieces and value per bucket without floating point", () => {
    const totals = bucketTotals([
      { turnoverDays: 5, qty: 10, totalPrice: "0.10" },
      { turnoverDays: 20, qty: 5, totalPrice: "0.20" },
      { turnoverDays: 200, qty: 1, totalPrice: "99.99" },
      { turnoverDays: null, qty: 7, totalPrice: "1.00" },
    ]);
    expect(totals.map((t) => [t.bucket.key, t.qty, t.value, t.batches])).toEqual([
      ["0-30", 15, "0.30", 2],
      ["31-60", 0, "0.00", 0],
      ["61-90", 0, "0.00", 0],
      ["91-180", 0, "0.00", 0],
      ["181+", 1, "99.99", 1],
    ]);
  });
});
