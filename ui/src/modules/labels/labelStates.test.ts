import { describe, expect, it } from "vitest";
import {
  LABEL_ACTIONS,
  LABEL_STATUSES,
  allowedActions,
  hasChargedFee,
  hasLabelFile,
  isEditable,
  nextStatus,
  type LabelAction,
} from "./labelStates";

// The rows of `LabelAction::next_status` in crates/oms-api/src/label.rs, written out again so a
// change on either side fails here.
const RUST_TABLE: [LabelAction, number, number][] = [
  ["submitReview", 1, 2],
  ["review", 2, 3],
  ["reject", 2, 1],
  ["cancel", 1, -1],
  ["cancel", 2, -1],
  ["cancel", -2, -1],
  ["refund", 4, 5],
  ["activate", -1, 1],
  ["retry", -2, 3],
];

describe("express label state machine", () => {
  it("allows exactly the transitions of the Rust table", () => {
    const allowed: [LabelAction, number, number][] = [];
    for (const action of LABEL_ACTIONS) {
      for (const from of LABEL_STATUSES) {
        const to = nextStatus(action, from);
        if (to !== null) allowed.push([action, from, to]);
      }
    }
    const key = (row: [LabelAction, number, number]) => row.join(" ");
    expect(allowed.map(key).sort(), "no transition more or less than in label.rs").toEqual(
      RUST_TABLE.map(key).sort(),
    );
  });

  it("offers per status the actions of LabelStatus::allowed_actions", () => {
    const offered = (status: number) => [...allowedActions(status)].sort();
    expect(offered(1), "draft").toEqual(["cancel", "submitReview"]);
    expect(offered(2), "pending review").toEqual(["cancel", "reject", "review"]);
    expect(offered(-2), "failed").toEqual(["cancel", "retry"]);
    expect(offered(4), "created").toEqual(["refund"]);
    expect(offered(-1), "cancelled").toEqual(["activate"]);
    for (const waiting of [3, 5, 6]) {
      expect(offered(waiting), `status ${waiting} waits for the warehouse`).toEqual([]);
    }
  });

  it("offers nothing for a status the server adds later or a missing one", () => {
    expect(allowedActions(9), "an unknown code has no actions").toEqual([]);
    expect(allowedActions(null), "a missing status has no actions").toEqual([]);
    expect(nextStatus("review", undefined), "no status, no move").toBeNull();
  });

  it("has the label file only once created, and fees from created on", () => {
    expect(LABEL_STATUSES.filter(hasLabelFile), "only status 4 has a PDF").toEqual([4]);
    expect(LABEL_STATUSES.filter(hasChargedFee), "4, 5 and 6 have a charged fee").toEqual([
      4, 5, 6,
    ]);
  });
});

describe("editing a label", () => {
  it("is offered for drafts only, as the sandbox's label_update allows", () => {
    expect(LABEL_STATUSES.filter(isEditable)).toEqual([1]);
    expect(isEditable(null), "a label not loaded yet").toBe(false);
  });
});
