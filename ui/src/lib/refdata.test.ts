import { describe, expect, it } from "vitest";
import type { CommonParam, Page } from "./bindings";
import { pageThrough } from "./refdata";

function server(total: number, reportTotal = true) {
  const asked: number[] = [];
  const fetchPage = async (param: CommonParam): Promise<Page<number>> => {
    const pageNum = param.pageParam?.pageNum ?? 1;
    const pageSize = param.pageParam?.pageSize ?? 10;
    asked.push(pageNum);
    const start = (pageNum - 1) * pageSize;
    const list = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i);
    return { pageNum, pageSize, totalCount: reportTotal ? total : null, list };
  };
  return { asked, fetchPage };
}

describe("pageThrough", () => {
  it("collects every row across pages and stops at totalCount", async () => {
    const { asked, fetchPage } = server(25);
    const rows = await pageThrough(fetchPage, 10);
    expect(rows.length, "all 25 rows").toBe(25);
    expect(asked, "three pages, no extra call").toEqual([1, 2, 3]);
  });

  it("stops after a full last page when the total is known", async () => {
    const { asked, fetchPage } = server(20);
    await pageThrough(fetchPage, 10);
    expect(asked).toEqual([1, 2]);
  });

  it("stops on an empty page when the server gives no total", async () => {
    const { asked, fetchPage } = server(20, false);
    const rows = await pageThrough(fetchPage, 10);
    expect(rows.length).toBe(20);
    expect(asked, "the empty third page ends it").toEqual([1, 2, 3]);
  });
});
