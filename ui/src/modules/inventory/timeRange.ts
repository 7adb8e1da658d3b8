// The time filters of list screens: a `datetime-local` input ("2024-05-01T08:30") becomes the
// OMS's `yyyy-MM-dd HH:mm:ss`. Express labels use it too; it could move to lib/forms.ts.

/** `yyyy-MM-dd HH:mm:ss` from a `datetime-local` value; `""` for an empty input. */
export function wireTimeFromInput(value: string | null | undefined): string {
  const text = (value ?? "").trim();
  if (!text) return "";
  const [date, time = "00:00"] = text.split("T");
  const [hours = "00", minutes = "00", seconds = "00"] = time.split(":");
  return `${date} ${hours.padStart(2, "0")}:${minutes.padStart(2, "0")}:${seconds.slice(0, 2).padStart(2, "0")}`;
}

/** The `startCreateTime` / `endCreateTime` pair of a filter, leaving out the empty ends. */
export function createTimeRange(start: string, end: string): {
  startCreateTime?: string;
  endCreateTime?: string;
} {
  const range: { startCreateTime?: string; endCreateTime?: string } = {};
  const from = wireTimeFromInput(start);
  const to = wireTimeFromInput(end);
  if (from) range.startCreateTime = from;
  if (to) range.endCreateTime = to;
  return range;
}
