import { describe, expect, it } from "vitest";
import type { ImportProblem, RunSummary } from "../../lib/bindings";
import {
  entryTone,
  fileName,
  formatEta,
  formatMoment,
  formatRate,
  isResumable,
  percentSettled,
  problemsByRow,
  sendingCount,
  progressOfSummary,
  runTone,
} from "./progress";

function problem(row: number, columnIndex: number | null, field: string): ImportProblem {
  return {
    row,
    column: columnIndex === null ? null : `col${columnIndex}`,
    columnIndex,
    field,
    zh: `${field} 有误`,
    en: `${field} is wrong`,
  };
}

describe("progress text", () => {
  it("counts failed rows as settled and never passes 100", () => {
    expect(percentSettled({ done: 1, failed: 1, total: 3 }), "2 of 3 settled").toBe(66);
    expect(percentSettled({ done: 3, failed: 0, total: 3 }), "all settled").toBe(100);
    expect(percentSettled({ done: 0, failed: 0, total: 0 }), "an empty run is not divided by 0").toBe(0);
    expect(percentSettled({ done: 5, failed: 0, total: 3 }), "capped at 100").toBe(100);
  });

  it("shows the rate with a decimal only while it is small, and nothing without a rate", () => {
    expect(formatRate(2.46)).toBe("2.5");
    expect(formatRate(38.4)).toBe("38");
    expect(formatRate(null), "no rate yet").toBeNull();
    expect(formatRate(0), "a stalled run has no rate to show").toBeNull();
    expect(formatRate(Number.NaN), "NaN from the first instant").toBeNull();
  });

  it("shows time left as a clock, rounded up, hours only when needed", () => {
    expect(formatEta(7)).toBe("0:07");
    expect(formatEta(125)).toBe("2:05");
    expect(formatEta(3723)).toBe("1:02:03");
    expect(formatEta(0.2), "a fraction left still shows a second").toBe("0:01");
    expect(formatEta(0)).toBe("0:00");
    expect(formatEta(null), "unknown without a rate").toBeNull();
    expect(formatEta(Number.POSITIVE_INFINITY), "infinite is unknown").toBeNull();
  });
});

describe("states", () => {
  it("offers resume only for paused and interrupted runs", () => {
    expect(isResumable("paused")).toBe(true);
    expect(isResumable("interrupted")).toBe(true);
    expect(isResumable("running")).toBe(false);
    expect(isResumable("finished")).toBe(false);
    expect(isResumable("cancelled")).toBe(false);
  });

  it("highlights interrupted runs and refused rows", () => {
    expect(runTone("interrupted"), "waits for the seller").toBe("danger");
    expect(runTone("finished")).toBe("success");
    expect(entryTone("rejected")).toBe("danger");
    expect(entryTone("accepted")).toBe("success");
    expect(entryTone("unknown"), "an unknown outcome is looked up").toBe("warning");
  });
});

describe("sending settings", () => {
  it("sends empty as the default, whole numbers as they are, anything else as 0 to be refused", () => {
    expect(sendingCount(""), "empty field").toBeNull();
    expect(sendingCount(null)).toBeNull();
    expect(sendingCount("8")).toBe(8);
    expect(sendingCount(4)).toBe(4);
    expect(sendingCount("2.5"), "not whole").toBe(0);
    expect(sendingCount("-3"), "negative").toBe(0);
    expect(sendingCount("abc")).toBe(0);
  });
});

describe("problems by row", () => {
  it("groups by row, rows ascending, whole-row problems first then by column", () => {
    const grouped = problemsByRow([
      problem(7, 3, "itemDTOs[0].quantity"),
      problem(3, 1, "warehouseCode"),
      problem(7, null, "itemDTOs"),
      problem(7, 0, "platformOrderNo"),
    ]);
    expect(grouped.map((g) => g.row), "each row once, ascending").toEqual([3, 7]);
    expect(
      grouped[1].problems.map((p) => p.field),
      "row 7: the whole-row problem, then columns A and D",
    ).toEqual(["itemDTOs", "platformOrderNo", "itemDTOs[0].quantity"]);
  });

  it("is empty for a clean file", () => {
    expect(problemsByRow([])).toEqual([]);
  });
});

describe("history", () => {
  it("names the source by its file name on any platform", () => {
    expect(fileName("/tmp/x/orders.csv")).toBe("orders.csv");
    expect(fileName("C:\\Users\\me\\订单.xlsx")).toBe("订单.xlsx");
    expect(fileName(null)).toBe("");
  });

  it("turns a summary's counts into progress: duplicates are done, rejected are failed", () => {
    const run: RunSummary = {
      runId: 4,
      kind: "platform_order",
      sourceFile: "/tmp/orders.csv",
      state: "interrupted",
      note: null,
      counts: { pending: 3, sending: 1, accepted: 4, rejected: 1, unknown: 0, duplicate: 1, total: 10 },
      createdMs: 0,
      updatedMs: 0,
    };
    expect(progressOfSummary(run)).toEqual({
      runId: 4,
      state: "interrupted",
      done: 5,
      failed: 1,
      remaining: 4,
      total: 10,
      ratePerSecond: null,
      etaSeconds: null,
    });
  });

  it("writes a moment as date and minutes, nothing when unknown", () => {
    const at = new Date(2024, 4, 1, 10, 5, 33).getTime();
    expect(formatMoment(at)).toBe("2024-05-01 10:05");
    expect(formatMoment(null)).toBe("");
  });
});
