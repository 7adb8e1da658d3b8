// The life cycle of an express label (SPEC.md §2.8), as `crates/oms-api/src/label.rs` writes it
// in `LabelStatus::allowed_actions` and `LabelAction::next_status`. The bindings carry the status
// as a bare number, so the screen reads the table here to offer only the actions a status allows;
// the sandbox applies the Rust table, and the tests beside this file pin both to the same rows.

/** What a seller can do to a label (the warehouse's own moves 3 → 4 / -2 and 5 → 6 are not). */
export type LabelAction =
  | "submitReview"
  | "review"
  | "reject"
  | "cancel"
  | "refund"
  | "activate"
  | "retry";

/** Every action, in the order the detail page shows its buttons. */
export const LABEL_ACTIONS: readonly LabelAction[] = [
  "submitReview",
  "review",
  "reject",
  "retry",
  "activate",
  "refund",
  "cancel",
];

/** The documented statuses, in life-cycle order. */
export const LABEL_STATUSES: readonly number[] = [1, 2, 3, 4, -2, -1, 5, 6];

/** The label file exists in this status only (`LabelStatus::has_label_file`). */
export const CREATED = 4;

const TRANSITIONS: Record<LabelAction, Record<number, number>> = {
  submitReview: { 1: 2 },
  review: { 2: 3 },
  reject: { 2: 1 },
  cancel: { 1: -1, 2: -1, [-2]: -1 },
  refund: { 4: 5 },
  activate: { [-1]: 1 },
  retry: { [-2]: 3 },
};

/** The status a label in `from` moves to by `action`, or `null` where the action is not allowed. */
export function nextStatus(action: LabelAction, from: number | null | undefined): number | null {
  if (from === null || from === undefined) return null;
  return TRANSITIONS[action][from] ?? null;
}

/** The actions a label in `status` offers; none for unknown or missing statuses. */
export function allowedActions(status: number | null | undefined): LabelAction[] {
  return LABEL_ACTIONS.filter((action) => nextStatus(action, status) !== null);
}

/** True when the label PDF can be downloaded. */
export function hasLabelFile(status: number | null | undefined): boolean {
  return status === CREATED;
}

/** True when the warehouse has charged (or refunded) a fee that `get_express_label_fee` shows. */
export function hasChargedFee(status: number | null | undefined): boolean {
  return status === 4 || status === 5 || status === 6;
}

/** True when the label can still be changed (`label_update`): only a draft (1) can. */
export function isEditable(status: number | null | undefined): boolean {
  return status === 1;
}

/** Actions that undo work or money: the screen asks before running them. */
export function needsConfirmation(action: LabelAction): boolean {
  return action === "cancel" || action === "refund";
}

/** Actions whose reason the warehouse wants in `remark`. */
export function takesRemark(action: LabelAction): boolean {
  return action === "reject" || action === "refund" || action === "cancel";
}

/** The colour of a status chip. */
export function statusTone(
  status: number | null | undefined,
): "neutral" | "info" | "success" | "warning" | "danger" {
  switch (status) {
    case 4:
      return "success";
    case 2:
    case 3:
    case 5:
      return "info";
    case -2:
      return "danger";
    case -1:
    case 6:
      return "warning";
    default:
      return "neutral";
  }
}
