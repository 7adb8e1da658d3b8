import { describe, expect, it } from "vitest";
import { codeLabel, registerDictionary, setLanguage, t } from "./i18n";

describe("i18n", () => {
  it("speaks Chinese first and switches to English", () => {
    setLanguage("zh");
    expect(t("common.save")).toBe("保存");
    setLanguage("en");
    expect(t("common.save")).toBe("Save");
    setLanguage("zh");
  });

  it("fills parameters and shows a missing key as itself", () => {
    setLanguage("en");
    expect(t("common.pageOf", { page: 2, pages: 5, total: 90 })).toBe("Page 2 of 5, 90 rows");
    expect(t("nowhere.key")).toBe("nowhere.key");
    setLanguage("zh");
  });

  it("names documented codes and keeps unknown ones", () => {
    registerDictionary("demo", { "code.status.1": ["草稿", "Draft"] });
    expect(codeLabel("demo", "status", 1)).toBe("草稿");
    expect(codeLabel("demo", "status", 99), "an unknown code still shows").toBe("99");
  });
});
