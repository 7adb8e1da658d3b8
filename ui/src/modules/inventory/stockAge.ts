// Stock age in buckets (0–30, 31–60, 61–90, 91–180, 181+ days): which bucket a batch is in, and
// the pieces and value per bucket over all batches. Values are summed in integer cents.
import type { StockAgeRow } from "../../lib/bindings";
import { sumDecimals } from "../../lib/forms";

/** A bucket: its key (also its i18n key) and the days it holds (`to` null = no end). */
export type AgeBucket = { key: string; from: number; to: number | null };

/** The buckets, youngest first. */
export const AGE_BUCKETS: readonly AgeBucket[] = [
  { key: "0-30", from: 0, to: 30 },
  { key: "31-60", from: 31, to: 60 },
  { key: "61-90", from: 61, to: 90 },
  { key: "91-180", from: 91, to: 180 },
  { key: "181+", from: 181, to: null },
];

/** The bucket of an age in days; `null` when the server sent no age. Negative ages count as 0. */
export function bucketOf(days: number | null | undefined): AgeBucket | null {
  if (days === null || days === undefined || Number.isNaN(days)) return null;
  const whole = Math.max(0, Math.floor(days));
  return AGE_BUCKETS.find((b) => whole >= b.from && (b.to === null || whole <= b.to)) ?? null;
}

/** Pieces, value and batches of one bucket. */
export type BucketTotal = { bucket: AgeBucket; qty: number; value: string; batches: number };

/** The totals of every bucket (all of them, empty ones with zeros), youngest first. */
export function bucketTotals(rows: StockAgeRow[]): BucketTotal[] {
  return AGE_BUCKETS.map((bucket) => {
    const inside = rows.filter((row) => bucketOf(row.turnoverDays)?.key === bucket.key);
    return {
      bucket,
      qty: inside.reduce((sum, row) => sum + (row.qty ?? 0), 0),
      value: sumDecimals(inside.map((row) => row.totalPrice), 2),
      batches: inside.length,
    };
  });
}
