// The latest progress of every run, from the `batch-progress` event. It listens once, when the
// module loads, so a run started on one screen keeps its progress when the seller moves to the
// history and back, and an event that arrives before `startImportRun` has answered is kept.
import { events, type RunId, type RunProgress } from "../../lib/bindings";

const latest = $state<{ byRun: Record<number, RunProgress> }>({ byRun: {} });

let listening: Promise<unknown> | null = null;

/** Starts listening to `batch-progress` (once per window). */
export function listenToProgress(): Promise<unknown> {
  listening ??= events.batchProgress
    .listen((event) => {
      latest.byRun[event.payload.runId] = event.payload;
    })
    .catch(() => {
      // Outside the app (a plain browser, the unit tests) there is no event bridge.
      listening = null;
    });
  return listening;
}

/** The last progress heard for `run`, if any (reactive). */
export function progressOf(run: RunId): RunProgress | undefined {
  return latest.byRun[run];
}

/**
 * Records progress read from the ledger (the history). A ledger that says the run stopped is
 * believed (a final event may have been missed); a ledger that says running is older than any
 * event heard, which stays.
 */
export function rememberProgress(progress: RunProgress): void {
  const known = latest.byRun[progress.runId];
  if (!known || progress.state !== "running") {
    latest.byRun[progress.runId] = progress;
  }
}
