import { describe, expect, it } from "vitest";
import { createTimeRange, wireTimeFromInput } from "./timeRange";

describe("time filters", () => {
  it("turns a datetime-local value into the OMS's time text", () => {
    expect(wireTimeFromInput("2024-05-01T08:30"), "seconds added").toBe("2024-05-01 08:30:00");
    expect(wireTimeFromInput("2024-05-01T08:30:15"), "seconds kept").toBe("2024-05-01 08:30:15");
    expect(wireTimeFromInput(""), "empty stays empty").toBe("");
  });

  it("leaves out the open ends of a range", () => {
    expect(createTimeRange("", "2024-05-02T00:00")).toEqual({ endCreateTime: "2024-05-02 00:00:00" });
    expect(createTimeRange("", ""), "no range").toEqual({});
  });
});
