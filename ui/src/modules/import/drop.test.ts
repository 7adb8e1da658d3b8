import { describe, expect, it } from "vitest";
import { afterDragEvent, chooseDroppedPath, isImportable, nameList, type DragView } from "./drop";

describe("chooseDroppedPath", () => {
  it("takes a single CSV or XLSX file as it is", () => {
    expect(chooseDroppedPath(["/home/seller/orders.csv"]), "one csv").toEqual({
      kind: "file",
      path: "/home/seller/orders.csv",
      ignored: [],
    });
    expect(chooseDroppedPath(["C:\\Users\\seller\\订单.xlsx"]), "one xlsx, Windows path").toEqual({
      kind: "file",
      path: "C:\\Users\\seller\\订单.xlsx",
      ignored: [],
    });
  });

  it("reads the extension in any case", () => {
    const choice = chooseDroppedPath(["/tmp/ORDERS.CSV"]);
    expect(choice.kind, "upper-case .CSV is a CSV file").toBe("file");
    expect(isImportable("/tmp/Orders.XlSx"), "mixed-case .XlSx is an XLSX file").toBe(true);
  });

  it("takes the first importable file of several and names the others", () => {
    const choice = chooseDroppedPath(["/tmp/notes.pdf", "/tmp/b.xlsx", "/tmp/a.csv"]);
    expect(choice, "the pdf is skipped, b.xlsx comes before a.csv").toEqual({
      kind: "file",
      path: "/tmp/b.xlsx",
      ignored: ["notes.pdf", "a.csv"],
    });
  });

  it("refuses files of another type, naming them", () => {
    expect(chooseDroppedPath(["/tmp/old.xls", "/tmp/photo.png"]), "xls and png").toEqual({
      kind: "unsupported",
      names: ["old.xls", "photo.png"],
    });
  });

  it("does not take a name that only contains the extension elsewhere", () => {
    expect(isImportable("/tmp/orders.csv.bak"), ".csv.bak is a backup, not a CSV").toBe(false);
    expect(isImportable("/tmp/report.xlsx.d/readme"), "a file inside a .xlsx.d folder").toBe(false);
    expect(isImportable("/tmp/orders.xlsm"), "a macro workbook is not read").toBe(false);
  });

  it("says when the drop held no file", () => {
    expect(chooseDroppedPath([]), "no paths").toEqual({ kind: "empty" });
    expect(chooseDroppedPath(["", "  "]), "blank paths only").toEqual({ kind: "empty" });
  });
});

describe("afterDragEvent", () => {
  it("highlights on enter and tells what a drop would take", () => {
    const { view, dropped } = afterDragEvent(null, { type: "enter", paths: ["/tmp/a.csv"] });
    expect(view, "the zone previews a.csv").toEqual({
      choice: { kind: "file", path: "/tmp/a.csv", ignored: [] },
    });
    expect(dropped, "nothing is dropped yet").toBeNull();
  });

  it("highlights without a preview when enter brings no paths", () => {
    const { view } = afterDragEvent(null, { type: "enter", paths: [] });
    expect(view, "dragging, files unknown").toEqual({ choice: null });
  });

  it("keeps the preview while the cursor moves", () => {
    const entered: DragView = { choice: { kind: "unsupported", names: ["a.pdf"] } };
    expect(afterDragEvent(entered, { type: "over" }).view, "over keeps the view").toBe(entered);
    expect(afterDragEvent(null, { type: "over" }).view, "over without enter still highlights")
      .toEqual({ choice: null });
  });

  it("ends the highlight on drop and hands over the choice", () => {
    const entered: DragView = { choice: null };
    const { view, dropped } = afterDragEvent(entered, {
      type: "drop",
      paths: ["/tmp/a.txt", "/tmp/a.csv"],
    });
    expect(view, "no highlight after the drop").toBeNull();
    expect(dropped, "a.csv is taken, a.txt named").toEqual({
      kind: "file",
      path: "/tmp/a.csv",
      ignored: ["a.txt"],
    });
  });

  it("ends the highlight on leave without a choice", () => {
    const { view, dropped } = afterDragEvent({ choice: null }, { type: "leave" });
    expect(view, "no highlight after leave").toBeNull();
    expect(dropped, "leave drops nothing").toBeNull();
  });
});

describe("nameList", () => {
  it("joins a few names with the language's separator", () => {
    expect(nameList(["a.pdf", "b.png"], "、"), "Chinese list").toBe("a.pdf、b.png");
    expect(nameList(["a.pdf", "b.png"], ", "), "English list").toBe("a.pdf, b.png");
  });

  it("counts the names past the limit", () => {
    expect(nameList(["a", "b", "c", "d", "e"], ", "), "three shown, two counted").toBe("a, b, c +2");
    expect(nameList(["a", "b", "c"], ", "), "exactly the limit, nothing counted").toBe("a, b, c");
  });
});
