// Platform orders pasted from a spreadsheet: tab-separated rows, one item line per row; rows
// with the same platformOrderNo make one order. After sending, every problem goes back to the
// pasted rows it came from: Rust's field errors by path (`[1].itemDTOs[0].quantity`) and the
// server's per-order failures by platformOrderNo.
import type { BulkResult, CommandFieldError, PlatformOrderBatch } from "../../lib/bindings";
import {
  emptyPlatformOrderForm,
  platformOrderRequest,
  type OrderLineForm,
  type PlatformOrderForm,
} from "./orderForm";

/** Order fields a column can fill (the first row with an order number sets them). */
const ORDER_COLUMNS = [
  "platformOrderNo",
  "warehouseCode",
  "currencyCode",
  "buyerName",
  "buyerEmail",
  "buyerCountryCode",
  "buyerPostcode",
  "platformStoreCode",
  "shippingMethodCode",
  "trackingNo",
  "orderTime",
] as const;

/** Item-line fields a column can fill. */
const LINE_COLUMNS = ["sku", "productName", "quantity", "unitPrice"] as const;

/** Every column name a header row may use. */
export const KNOWN_COLUMNS: readonly string[] = [...ORDER_COLUMNS, ...LINE_COLUMNS];

/** The columns of a table pasted without a header row. */
export const DEFAULT_COLUMNS: readonly string[] = [
  "platformOrderNo",
  "warehouseCode",
  "sku",
  "quantity",
  "unitPrice",
  "currencyCode",
  "buyerName",
  "buyerCountryCode",
];

/** One pasted row: where it was, its cells by column, and where it went. */
export type PastedRow = {
  /** 1-based line in the pasted text. */
  line: number;
  cells: Record<string, string>;
  /** Index of its order in the batch. */
  order: number;
  /** Index of its item line in that order. */
  item: number;
};

/** The parsed table. */
export type ParsedTable = {
  columns: string[];
  rows: PastedRow[];
  /** Header cells that name no known column (ignored, and shown to the seller). */
  unknownColumns: string[];
};

function splitCells(line: string): string[] {
  return line.split("\t").map((cell) => cell.trim());
}

/** Parses pasted text; a first row whose cells are all known column names is the header. */
export function parsePastedTable(pasted: string): ParsedTable {
  const lines = pasted
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.trim() !== "");
  if (lines.length === 0) return { columns: [...DEFAULT_COLUMNS], rows: [], unknownColumns: [] };

  const first = splitCells(lines[0].text);
  const known = new Map(KNOWN_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const isHeader = first.some((cell) => known.has(cell.toLowerCase()));
  const columns = isHeader ? first.map((cell) => known.get(cell.toLowerCase()) ?? "") : [...DEFAULT_COLUMNS];
  const unknownColumns = isHeader ? first.filter((cell) => cell && !known.has(cell.toLowerCase())) : [];

  const orderOf = new Map<string, number>();
  const itemsOf: number[] = [];
  const rows: PastedRow[] = [];
  for (const { text, line } of isHeader ? lines.slice(1) : lines) {
    const values = splitCells(text);
    const cells: Record<string, string> = {};
    columns.forEach((column, index) => {
      if (column) cells[column] = values[index] ?? "";
    });

    const number = cells.platformOrderNo ?? "";
    let order = number ? orderOf.get(number) : undefined;
    if (order === undefined) {
      order = itemsOf.length;
      itemsOf.push(0);
      if (number) orderOf.set(number, order);
    }
    rows.push({ line, cells, order, item: itemsOf[order]++ });
  }
  return { columns: columns.filter(Boolean), rows, unknownColumns };
}

/** The orders of the table, in the order they first appear. */
export function ordersFrom(table: ParsedTable): PlatformOrderForm[] {
  const orders: PlatformOrderForm[] = [];
  for (const row of table.rows) {
    if (!orders[row.order]) {
      const form = emptyPlatformOrderForm();
      form.itemDTOs = [];
      for (const column of ORDER_COLUMNS) {
        if (row.cells[column] !== undefined && row.cells[column] !== "") {
          form[column] = column === "orderTime" ? row.cells[column].replace(" ", "T") : row.cells[column];
        }
      }
      orders[row.order] = form;
    }
    const line: OrderLineForm = { sku: "", productName: "", quantity: "", unitPrice: "" };
    for (const column of LINE_COLUMNS) line[column] = row.cells[column] ?? "";
    orders[row.order].itemDTOs.push(line);
  }
  return orders;
}

/** The `create_platform_orders` body for the table. */
export function batchRequest(table: ParsedTable, offsetMinutes?: number): PlatformOrderBatch {
  return ordersFrom(table).map((form) => platformOrderRequest(form, offsetMinutes));
}

/** What happened to one pasted row. */
export type RowOutcome = { state: "created" | "failed" | "unsent"; messages: string[] };

const ORDER_PATH = /^\[(\d+)\](?:\.itemDTOs\[(\d+)\])?/;

/**
 * The outcome of each pasted row (same order as `table.rows`). Field errors name an order
 * (`[1].warehouseCode`: every row of order 1) or one of its lines (`[1].itemDTOs[0].sku`: that
 * row); failures of the bulk result name the order by platformOrderNo, or by the `[i]` the
 * message starts with when the order had no number. `message` picks the language.
 */
export function rowOutcomes(
  table: ParsedTable,
  answer: { fields?: CommandFieldError[]; result?: BulkResult | null },
  message: (zh: string, en: string) => string,
): RowOutcome[] {
  const outcomes: RowOutcome[] = table.rows.map(() => ({ state: "unsent", messages: [] }));
  const fail = (index: number, text: string) => {
    outcomes[index].state = "failed";
    outcomes[index].messages.push(text);
  };

  for (const field of answer.fields ?? []) {
    const match = ORDER_PATH.exec(field.field);
    const text = `${field.field}: ${message(field.message, field.messageEn)}`;
    if (!match) {
      table.rows.forEach((_, index) => fail(index, text));
      continue;
    }
    const order = Number(match[1]);
    const item = match[2] === undefined ? null : Number(match[2]);
    table.rows.forEach((row, index) => {
      if (row.order === order && (item === null || row.item === item)) fail(index, text);
    });
  }

  const result = answer.result;
  if (result) {
    const failedOrders = new Map<number, string>();
    for (const failure of result.failList ?? []) {
      const number = failure.platformOrderNo ?? failure.orderNo ?? "";
      const byNumber = table.rows.find((row) => number && row.cells.platformOrderNo === number);
      const byIndex = /^\[(\d+)\]/.exec(failure.message ?? "");
      const order = byNumber ? byNumber.order : byIndex ? Number(byIndex[1]) : null;
      if (order !== null && !failedOrders.has(order)) failedOrders.set(order, failure.message ?? "");
    }
    table.rows.forEach((row, index) => {
      if (failedOrders.has(row.order)) fail(index, failedOrders.get(row.order) ?? "");
      else if (outcomes[index].state === "unsent") outcomes[index].state = "created";
    });
  }
  return outcomes;
}
