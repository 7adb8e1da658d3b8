// The carton-centric view of an inbound order. The wire has one `itemDTOs[]` row per SKU per
// carton, each repeating the carton's number, size and weight; the seller thinks in cartons
// with SKU lines inside. This file turns one into the other, keeps a map from each wire row
// back to its carton and line (so Rust's `itemDTOs[3].qty` marks the right input), duplicates
// cartons and adds up the pieces per SKU while the seller types.
import type { CommandFieldError, InboundLine } from "../../lib/bindings";
import { sumDecimals, type HasFieldErrors } from "../../lib/forms";

/** One SKU line inside a carton. `receivedQty` only comes back from the warehouse. */
export type CartonLine = { productSku: string; qty: string; receivedQty?: string };

/** One carton: its number, size (cm), weight (kg) and the SKU lines packed in it. */
export type Carton = {
  boxNo: string;
  length: string;
  width: string;
  height: string;
  weight: string;
  lines: CartonLine[];
};

/** Where a wire row came from: carton `carton`, line `line` of it. */
export type RowOrigin = { carton: number; line: number };

/** The pieces of one SKU across all cartons, and in how many cartons it is. */
export type SkuTotal = { productSku: string; qty: number; cartons: number };

/** What the seller sees below the cartons: per-SKU totals and the order's totals. */
export type CartonTotals = {
  skus: SkuTotal[];
  cartons: number;
  pieces: number;
  weight: string;
};

/** The carton fields that each wire row repeats. */
const CARTON_FIELDS = ["boxNo", "length", "width", "height", "weight"] as const;

/** An empty line. */
export function emptyLine(): CartonLine {
  return { productSku: "", qty: "" };
}

/** A new carton numbered after the existing ones, with one empty line. */
export function emptyCarton(existing: readonly Carton[] = []): Carton {
  return {
    boxNo: nextBoxNo(existing.map((c) => c.boxNo)),
    length: "",
    width: "",
    height: "",
    weight: "",
    lines: [emptyLine()],
  };
}

/**
 * The next free box number after `after` (or after the last of `taken`): a trailing number is
 * counted up keeping its zero padding (`BOX-009` → `BOX-010`), a number-less one gets `-2`.
 */
export function nextBoxNo(taken: readonly string[], after?: string): string {
  const used = new Set(taken.map((b) => b.trim()));
  const start = (after ?? taken[taken.length - 1] ?? "").trim();
  const match = /^(.*?)(\d+)$/.exec(start);
  const prefix = match ? match[1] : start ? `${start}-` : "";
  const width = match ? match[2].length : 1;
  let number = match ? Number(match[2]) : start ? 1 : 0;

  let candidate: string;
  do {
    number += 1;
    candidate = `${prefix}${String(number).padStart(width, "0")}`;
  } while (used.has(candidate));
  return candidate;
}

/** `times` copies of carton `index` right after it, each with the next free box number. */
export function duplicateCarton(cartons: readonly Carton[], index: number, times: number): Carton[] {
  const source = cartons[index];
  if (!source || !Number.isInteger(times) || times < 1) return [...cartons];

  const taken = cartons.map((c) => c.boxNo);
  const copies: Carton[] = [];
  let last = source.boxNo;
  for (let n = 0; n < times; n++) {
    const boxNo = nextBoxNo([...taken, ...copies.map((c) => c.boxNo)], last);
    copies.push({
      ...source,
      boxNo,
      lines: source.lines.map((l) => ({ productSku: l.productSku, qty: l.qty })),
    });
    last = boxNo;
  }
  return [...cartons.slice(0, index + 1), ...copies, ...cartons.slice(index + 1)];
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * Pieces per SKU in the order they first appear, the number of cartons, all pieces and the
 * total weight (kg, 3 places). Lines without a SKU or a whole quantity are not counted.
 */
export function cartonTotals(cartons: readonly Carton[]): CartonTotals {
  const bySku = new Map<string, { qty: number; cartons: Set<number> }>();
  let pieces = 0;

  cartons.forEach((carton, index) => {
    for (const line of carton.lines) {
      const sku = line.productSku.trim();
      const qty = wholeNumber(line.qty);
      if (!sku || qty === null) continue;

      const total = bySku.get(sku) ?? { qty: 0, cartons: new Set<number>() };
      total.qty += qty;
      total.cartons.add(index);
      bySku.set(sku, total);
      pieces += qty;
    }
  });

  return {
    skus: [...bySku].map(([productSku, t]) => ({ productSku, qty: t.qty, cartons: t.cartons.size })),
    cartons: cartons.length,
    pieces,
    weight: sumDecimals(
      cartons.map((c) => c.weight),
      3,
    ),
  };
}

/**
 * The wire rows for the cartons, one per line, and where each row came from. Every line is
 * sent, even an empty one, so Rust names it (`itemDTOs[2].productSku`) and the mapping finds it.
 */
export function itemsFromCartons(cartons: readonly Carton[]): {
  items: InboundLine[];
  origins: RowOrigin[];
} {
  const items: InboundLine[] = [];
  const origins: RowOrigin[] = [];

  cartons.forEach((carton, c) => {
    carton.lines.forEach((line, l) => {
      items.push({
        productSku: line.productSku,
        boxNo: carton.boxNo,
        qty: line.qty,
        length: carton.length,
        width: carton.width,
        height: carton.height,
        weight: carton.weight,
        isMixedBox: carton.lines.length > 1 ? "1" : "-1",
      });
      origins.push({ carton: c, line: l });
    });
  });
  return { items, origins };
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Rows from the server grouped back into cartons by `boxNo`, in the order they first appear. */
export function cartonsFromItems(items: readonly InboundLine[] | null | undefined): Carton[] {
  const cartons: Carton[] = [];
  const byBox = new Map<string, Carton>();

  for (const item of items ?? []) {
    const boxNo = text(item.boxNo);
    let carton = byBox.get(boxNo);
    if (!carton) {
      carton = {
        boxNo,
        length: text(item.length),
        width: text(item.width),
        height: text(item.height),
        weight: text(item.weight),
        lines: [],
      };
      byBox.set(boxNo, carton);
      cartons.push(carton);
    }
    const line: CartonLine = { productSku: text(item.productSku), qty: text(item.qty) };
    if (item.receivedQty !== null && item.receivedQty !== undefined) {
      line.receivedQty = text(item.receivedQty);
    }
    carton.lines.push(line);
  }
  return cartons;
}

/** The form path of a carton field or of a line field: `cartons[1].boxNo`, `cartons[1].lines[0].qty`. */
export function cartonPath(carton: number, field: string, line?: number): string {
  return line === undefined
    ? `cartons[${carton}].${field}`
    : `cartons[${carton}].lines[${line}].${field}`;
}

const ITEM_PATH = /^itemDTOs\[(\d+)\](?:\.(\w+))?(.*)$/;

/**
 * The form path of a wire path: `itemDTOs[i].boxNo` (and the other carton fields) belongs to
 * the carton row `i` came from, `itemDTOs[i].productSku` / `.qty` to its line, and any other
 * field of the row to the line. Paths outside `itemDTOs[...]` stay as they are.
 */
export function formPathOf(wirePath: string, origins: readonly RowOrigin[]): string {
  const match = ITEM_PATH.exec(wirePath);
  if (!match) return wirePath;

  const origin = origins[Number(match[1])];
  if (!origin) return wirePath;
  const field = match[2];
  if (!field) return `cartons[${origin.carton}].lines[${origin.line}]`;
  if ((CARTON_FIELDS as readonly string[]).includes(field)) {
    return cartonPath(origin.carton, field) + match[3];
  }
  return cartonPath(origin.carton, field, origin.line) + match[3];
}

/** The error's field list with wire row paths turned into carton and line paths. */
export function cartonErrors(errors: HasFieldErrors, origins: readonly RowOrigin[]): {
  fields: CommandFieldError[];
} {
  return {
    fields: (errors?.fields ?? []).map((f) => ({ ...f, field: formPathOf(f.field, origins) })),
  };
}
