// Files dropped on the window from the file manager (Tauri's drag-drop events carry their paths):
// which one the import screen takes, and what the drop zone shows while files are dragged over.
// Only the first CSV / XLSX file is taken; the others are named so the seller knows they were
// left out. Rust reads the file and judges its content; the extension only picks the candidate.
import { fileName } from "./progress";

/** What a drop gives the import screen. */
export type DropChoice =
  /** `path` is checked; `ignored` are the names of the other dropped files, in drop order. */
  | { kind: "file"; path: string; ignored: string[] }
  /** Nothing dropped is a CSV / XLSX file; `names` are the dropped files' names. */
  | { kind: "unsupported"; names: string[] }
  /** The drop held no file at all (e.g. a piece of text). */
  | { kind: "empty" };

/** The drag-drop event payloads the screen reacts to (Tauri's `DragDropEvent`, positions left out). */
export type DragPayload =
  | { type: "enter"; paths: string[] }
  | { type: "over" }
  | { type: "drop"; paths: string[] }
  | { type: "leave" };

/**
 * The drop zone's look: `null` when nothing is dragged over the window, otherwise what a drop
 * would give (`null` choice when the dragged paths are not known yet).
 */
export type DragView = { choice: DropChoice | null } | null;

const IMPORTABLE = /\.(csv|xlsx)$/i;

/** Whether `path` names a file the import reads (`.csv` or `.xlsx`, any case). */
export function isImportable(path: string): boolean {
  return IMPORTABLE.test(fileName(path));
}

/** The file a drop of `paths` imports: the first CSV / XLSX one, the rest named as ignored. */
export function chooseDroppedPath(paths: readonly string[]): DropChoice {
  const dropped = paths.filter((path) => path.trim() !== "");

  if (dropped.length === 0) return { kind: "empty" };

  const index = dropped.findIndex(isImportable);
  if (index < 0) return { kind: "unsupported", names: dropped.map(fileName) };

  const ignored = dropped.filter((_, i) => i !== index).map(fileName);
  return { kind: "file", path: dropped[index], ignored };
}

/**
 * The drop zone after `event`, and the choice to act on when the event is the drop itself.
 * `enter` tells which files are coming (Linux may send none before the drop, then the zone only
 * highlights), `over` keeps the view, `drop` and `leave` end the drag.
 */
export function afterDragEvent(
  view: DragView,
  event: DragPayload,
): { view: DragView; dropped: DropChoice | null } {
  switch (event.type) {
    case "enter":
      return {
        view: { choice: event.paths.length > 0 ? chooseDroppedPath(event.paths) : null },
        dropped: null,
      };
    case "over":
      return { view: view ?? { choice: null }, dropped: null };
    case "drop":
      return { view: null, dropped: chooseDroppedPath(event.paths) };
    case "leave":
      return { view: null, dropped: null };
  }
}

/** `names` for a sentence: at most `max` of them joined by `separator`, then `+N` for the rest. */
export function nameList(names: readonly string[], separator: string, max = 3): string {
  const shown = names.slice(0, max).join(separator);
  return names.length > max ? `${shown} +${names.length - max}` : shown;
}
