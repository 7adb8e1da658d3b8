import { describe, expect, it } from "vitest";
import { attempt, call, UiError } from "./api";
import { setLanguage } from "./i18n";

const refused = {
  status: "error" as const,
  error: {
    code: "api",
    message: "仓库编码不存在",
    messageEn: "unknown warehouse code",
    fields: [{ field: "warehouseCode", message: "不存在", messageEn: "does not exist" }],
    apiCode: "500",
    requestId: "req-42",
  },
};

describe("call", () => {
  it("returns the data of a successful command", async () => {
    expect(await call(Promise.resolve({ status: "ok" as const, data: 7 }))).toBe(7);
  });

  it("throws a UiError with the message in the current language, fields and request id", async () => {
    setLanguage("en");
    const error = await call(Promise.resolve(refused)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UiError);
    const ui = error as UiError;
    expect(ui.message).toBe("unknown warehouse code");
    expect(ui.requestId).toBe("req-42");
    expect(ui.apiCode).toBe("500");
    expect(ui.fields.map((f) => f.field)).toEqual(["warehouseCode"]);
    setLanguage("zh");
    expect(ui.text(), "text() follows the language switch").toBe("仓库编码不存在");
  });

  it("turns a broken bridge into an unexpected UiError", async () => {
    const result = await attempt(Promise.reject(new Error("no IPC")));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("unexpected");
  });
});
