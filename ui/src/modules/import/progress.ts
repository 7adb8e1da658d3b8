// The import screens' pure logic: how a run's progress reads (percent, rate, time left), which
// tone each state gets and the validation problems grouped by spreadsheet row. No Svelte, no
// bridge: tested alone.
import type {
  EntryState,
  ImportKind,
  ImportProblem,
  RunProgress,
  RunStatus,
  RunSummary,
} from "../../lib/bindings";

/** The kinds of spreadsheet the screen offers, in the order of its tabs. */
export const IMPORT_KINDS: ImportKind[] = ["platformOrders", "b2cOrders", "products"];

/** A chip's tone, as `StatusChip` takes it. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/** Rows of the problem table that belong to one spreadsheet row. */
export type RowProblems = { row: number; problems: ImportProblem[] };

/** Whole percent of a run's rows settled (done or failed), 0 for an empty run. */
export function percentSettled(progress: Pick<RunProgress, "done" | "failed" | "total">): number {
  if (progress.total <= 0) return 0;
  const settled = progress.done + progress.failed;
  return Math.min(100, Math.floor((settled * 100) / progress.total));
}

/** Rows per second with one decimal below 10 (`2.5`), whole above (`38`); `null` without one. */
export function formatRate(rate: number | null | undefined): string | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate) || rate <= 0) return null;
  return rate < 10 ? rate.toFixed(1) : String(Math.round(rate));
}

/**
 * Time left as a clock: `0:07`, `2:05`, `1:02:03`; `null` when unknown. Rounds up, so the last
 * fraction of a second still shows `0:01` rather than a finished-looking `0:00`.
 */
export function formatEta(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return null;
  }
  const whole = Math.ceil(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return hours > 0 ? `${hours}:${two(minutes)}:${two(secs)}` : `${minutes}:${two(secs)}`;
}

/** True while a run may still change by itself (it is being sent). */
export function isActive(state: RunStatus): boolean {
  return state === "running";
}

/** True when the seller can resume the run (paused, or cut off by closing the app). */
export function isResumable(state: RunStatus): boolean {
  return state === "paused" || state === "interrupted";
}

/** True when nothing more will happen to the run. */
export function isOver(state: RunStatus): boolean {
  return state === "finished" || state === "cancelled";
}

/** The tone of a run's state; interrupted runs stand out, since they wait for the seller. */
export function runTone(state: RunStatus): Tone {
  switch (state) {
    case "running":
      return "info";
    case "paused":
      return "warning";
    case "interrupted":
      return "danger";
    case "finished":
      return "success";
    case "cancelled":
      return "neutral";
  }
}

/** The tone of one row of a run. */
export function entryTone(state: EntryState): Tone {
  switch (state) {
    case "accepted":
      return "success";
    case "duplicate":
      return "info";
    case "rejected":
      return "danger";
    case "unknown":
      return "warning";
    case "pending":
    case "sending":
      return "neutral";
  }
}

/**
 * A sending setting as the run command takes it: empty means the default (`null`); a whole number
 * goes as it is; anything else goes as 0, which the command refuses with the field's range, so
 * the rule stays in Rust and the seller sees it at the field.
 */
export function sendingCount(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || String(value).trim() === "") return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : 0;
}

/**
 * The problems grouped by spreadsheet row, rows ascending, each row's problems in column order
 * (problems about the whole row first), so the table shows a row once with all it needs.
 */
export function problemsByRow(problems: ImportProblem[]): RowProblems[] {
  const byRow = new Map<number, ImportProblem[]>();
  for (const problem of problems) {
    const list = byRow.get(problem.row) ?? [];
    list.push(problem);
    byRow.set(problem.row, list);
  }
  const position = (p: ImportProblem) => p.columnIndex ?? -1;
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, list]) => ({ row, problems: [...list].sort((a, b) => position(a) - position(b)) }));
}

/** The file name of a path, for the history's source column (`/a/b/orders.csv` → `orders.csv`). */
export function fileName(path: string | null | undefined): string {
  if (!path) return "";
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/** A run's progress as the history last recorded it, for a card opened without any event. */
export function progressOfSummary(run: RunSummary): RunProgress {
  const done = run.counts.accepted + run.counts.duplicate;
  const failed = run.counts.rejected;
  return {
    runId: run.runId,
    state: run.state,
    done,
    failed,
    remaining: Math.max(0, run.counts.total - done - failed),
    total: run.counts.total,
    ratePerSecond: null,
    etaSeconds: null,
  };
}

/** A moment as the seller reads it (`2024-05-01 10:05`), in local time; empty when unknown. */
export function formatMoment(millis: number | null | undefined): string {
  if (millis === null || millis === undefined || !Number.isFinite(millis)) return "";
  const at = new Date(millis);
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ` +
    `${two(at.getHours())}:${two(at.getMinutes())}`
  );
}
