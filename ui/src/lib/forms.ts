// Pure helpers every form shares: turning form state into a request, finding the error of one
// input by its wire path, naming inputs for tests, and decimal money without floating point.
import type { CommandFieldError } from "./bindings";

/** Anything that carries field errors: a `UiError`, a `CommandError`, or nothing. */
export type HasFieldErrors = { fields: CommandFieldError[] } | null | undefined;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The request to send from a form's state: strings are trimmed, and keys whose value is an
 * empty string, `null` or `undefined` are left out, at every depth. Array elements are all kept
 * (an empty one becomes `{}`), so the server's `itemDTOs[2]` still names the third row.
 */
export function buildRequest<T>(state: T): T {
  return clean(state) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return value.map(clean);
  if (!isPlainObject(value)) return value;

  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const cleaned = clean(inner);
    if (cleaned === "" || cleaned === null || cleaned === undefined) continue;
    out[key] = cleaned;
  }
  return out;
}

/** The errors whose path is exactly `path` (e.g. `itemDTOs[0].qty`). */
export function fieldErrorsAt(errors: HasFieldErrors, path: string): CommandFieldError[] {
  return errors?.fields.filter((f) => f.field === path) ?? [];
}

/**
 * The errors at `prefix` or below it: `itemDTOs[0]` matches `itemDTOs[0]` and `itemDTOs[0].qty`
 * but not `itemDTOs[01]` or `itemDTOs[0]x`. Use it to mark a whole row or section.
 */
export function fieldErrorsUnder(errors: HasFieldErrors, prefix: string): CommandFieldError[] {
  return (
    errors?.fields.filter(
      (f) =>
        f.field === prefix ||
        f.field.startsWith(`${prefix}.`) ||
        f.field.startsWith(`${prefix}[`),
    ) ?? []
  );
}

/** The errors no input of the form claims, so the error panel can list them on their own. */
export function unclaimedFieldErrors(
  errors: HasFieldErrors,
  shownPaths: readonly string[],
): CommandFieldError[] {
  const shown = new Set(shownPaths);
  return errors?.fields.filter((f) => !shown.has(f.field)) ?? [];
}

/**
 * The `data-testid` of the input for a wire path: `testIdFor("b2b", "itemDTOs[0].qty")` is
 * `b2b-itemDTOs-0-qty`. Tests and field-error lookups derive the same name from the same path.
 */
export function testIdFor(module: string, path: string): string {
  const tail = path
    .replace(/\[(\d+)\]/g, "-$1")
    .replace(/\./g, "-")
    .replace(/[^A-Za-z0-9_-]/g, "");
  return `${module}-${tail}`;
}

/** The path of row `index` of a list field, and of a field in it: `rowPath("itemDTOs", 0, "qty")`. */
export function rowPath(list: string, index: number, field?: string): string {
  return field ? `${list}[${index}].${field}` : `${list}[${index}]`;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** A decimal text as an integer count of 10^-places units, or `null` when it is not a number. */
export function toUnits(text: string | number | null | undefined, places: number): bigint | null {
  if (text === null || text === undefined) return null;
  const match = DECIMAL.exec(String(text).trim().replace(/,/g, ""));
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return null;

  const [, sign, whole, fraction = ""] = match;
  const kept = fraction.slice(0, places).padEnd(places, "0");
  let units = BigInt((whole || "0") + kept);
  if (fraction.length > places && Number(fraction[places]) >= 5) units += 1n;
  return sign === "-" ? -units : units;
}

/** Integer units back to text with exactly `places` decimals. */
export function fromUnits(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0");
  const whole = places === 0 ? digits : digits.slice(0, -places);
  const fraction = places === 0 ? "" : `.${digits.slice(-places)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/**
 * A decimal text padded or rounded (half up) to `places` (2 for money, 3 for measures), as the
 * wire wants it: `formatDecimal("12.5")` is `"12.50"`. Text that is not a number comes back as
 * it was, so validation in Rust can name it.
 */
export function formatDecimal(value: string | number | null | undefined, places = 2): string {
  const units = toUnits(value, places);
  if (units === null) return value === null || value === undefined ? "" : String(value);
  return fromUnits(units, places);
}

/** Money for display: `formatMoney("1234.5", "USD")` is `"USD 1,234.50"`. */
export function formatMoney(value: string | number | null | undefined, currency?: string): string {
  const text = formatDecimal(value, 2);
  if (toUnits(text, 2) === null) return text;
  const [whole, fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const amount = `${grouped}.${fraction}`;
  return currency ? `${currency} ${amount}` : amount;
}

/** The sum of decimal texts at `places`, ignoring blanks and non-numbers (for live totals). */
export function sumDecimals(values: Iterable<string | number | null | undefined>, places = 2): string {
  let total = 0n;
  for (const value of values) total += toUnits(value, places) ?? 0n;
  return fromUnits(total, places);
}
