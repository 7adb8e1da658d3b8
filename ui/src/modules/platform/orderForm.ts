// The platform-order form, described once: its state, the live totals (decimal-safe, from
// lib/forms.ts) and the `PlatformOrderCreate` to send. The same request maker builds each
// order of a pasted batch.
import type { PlatformOrderCreate, PlatformOrderLine, PlatformStoreCreate } from "../../lib/bindings";
import { buildRequest, formatDecimal, fromUnits, toUnits } from "../../lib/forms";

/** Places of platform-order amounts on the wire (`"totalAmount": "12.000"`). */
export const AMOUNT_PLACES = 3;

/** One item line as the inputs hold it (a number input may hand back a number or null). */
export type OrderLineForm = {
  sku: string;
  productName: string;
  quantity: string | number | null;
  unitPrice: string | number | null;
};

/** What the platform-order form edits. Times are `datetime-local` values. */
export type PlatformOrderForm = {
  platformOrderNo: string;
  platformStoreCode: string;
  warehouseCode: string;
  platformWarehouseCode: string;
  shippingMethodCode: string;
  trackingNo: string;
  currencyCode: string;
  buyerName: string;
  buyerEmail: string;
  buyerPostcode: string;
  buyerCountryCode: string;
  orderTime: string;
  paymentTime: string;
  shippingTime: string;
  itemDTOs: OrderLineForm[];
};

/** An empty item line. */
export function emptyOrderLine(): OrderLineForm {
  return { sku: "", productName: "", quantity: "1", unitPrice: "" };
}

/** A new order in US dollars with one empty line. */
export function emptyPlatformOrderForm(): PlatformOrderForm {
  return {
    platformOrderNo: "",
    platformStoreCode: "",
    warehouseCode: "",
    platformWarehouseCode: "",
    shippingMethodCode: "",
    trackingNo: "",
    currencyCode: "USD",
    buyerName: "",
    buyerEmail: "",
    buyerPostcode: "",
    buyerCountryCode: "",
    orderTime: "",
    paymentTime: "",
    shippingTime: "",
    itemDTOs: [emptyOrderLine()],
  };
}

const text = (value: unknown): string =>
  value === null || value === undefined ? "" : String(value).trim();

/** A whole, non-negative piece count, or `null` when the input is not one. */
export function pieces(value: unknown): number | null {
  const trimmed = text(value);
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * quantity × unitPrice at 3 places, in integer units so `0.1 × 3` is `0.300`; `null` when
 * either input is blank or not a number (the line shows no total yet).
 */
export function lineTotal(line: Pick<OrderLineForm, "quantity" | "unitPrice">): string | null {
  const quantity = pieces(line.quantity);
  const price = toUnits(text(line.unitPrice), AMOUNT_PLACES);
  if (quantity === null || price === null) return null;
  return fromUnits(price * BigInt(quantity), AMOUNT_PLACES);
}

/** The sum of the line totals at 3 places; lines without a total count as zero. */
export function orderTotal(lines: Pick<OrderLineForm, "quantity" | "unitPrice">[]): string {
  let units = 0n;
  for (const line of lines) units += toUnits(lineTotal(line), AMOUNT_PLACES) ?? 0n;
  return fromUnits(units, AMOUNT_PLACES);
}

/** `+08:00` for an offset east of UTC in minutes (`Date#getTimezoneOffset` is the negative). */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const whole = Math.abs(minutes);
  const hours = String(Math.floor(whole / 60)).padStart(2, "0");
  return `${sign}${hours}:${String(whole % 60).padStart(2, "0")}`;
}

/**
 * RFC 3339 from a `datetime-local` value in the seller's zone: `2024-05-01T08:30` with
 * `offsetMinutes` 480 is `2024-05-01T08:30:00+08:00`. Without an offset, the zone of that local
 * time is used. Blank stays blank.
 */
export function rfc3339FromInput(value: string, offsetMinutes?: number): string {
  const trimmed = value.trim();
  if (!trimmed) return "";
  const withSeconds = trimmed.length === 16 ? `${trimmed}:00` : trimmed;
  const offset = offsetMinutes ?? -new Date(withSeconds).getTimezoneOffset();
  return `${withSeconds}${offsetText(offset)}`;
}

function lineRequest(line: OrderLineForm, currencyCode: string): PlatformOrderLine {
  const total = lineTotal(line);
  const quantity = pieces(line.quantity);
  const price = text(line.unitPrice);
  return {
    sku: line.sku,
    productName: line.productName,
    quantity: quantity ?? undefined,
    unitPrice: price ? formatDecimal(price, AMOUNT_PLACES) : "",
    totalPrice: total === null ? undefined : Number(total),
    currencyCode,
  };
}

/** The request to send: the total is the sum of the lines, times in RFC 3339. */
export function platformOrderRequest(
  form: PlatformOrderForm,
  offsetMinutes?: number,
): PlatformOrderCreate {
  const time = (value: string) => rfc3339FromInput(value, offsetMinutes);
  const hasPrices = form.itemDTOs.some((line) => lineTotal(line) !== null);
  return buildRequest({
    platformOrderNo: form.platformOrderNo,
    totalAmount: hasPrices ? orderTotal(form.itemDTOs) : "",
    currencyCode: form.currencyCode,
    platformWarehouseCode: form.platformWarehouseCode,
    shippingMethodCode: form.shippingMethodCode,
    trackingNo: form.trackingNo,
    buyerName: form.buyerName,
    buyerEmail: form.buyerEmail,
    buyerPostcode: form.buyerPostcode,
    buyerCountryCode: form.buyerCountryCode,
    orderTime: time(form.orderTime),
    paymentTime: time(form.paymentTime),
    shippingTime: time(form.shippingTime),
    platformStoreCode: form.platformStoreCode,
    warehouseCode: form.warehouseCode,
    itemDTOs: form.itemDTOs.map((line) => lineRequest(line, form.currencyCode)),
  });
}

/**
 * The attachment types offered for a platform order. The contract documents none for platform
 * orders (`AnyAttachment` in Rust takes any), so these follow the outbound ones a warehouse reads.
 */
export const PLATFORM_ATTACHMENT_TYPES = ["SHIPMENT_LABEL", "INVOICE", "OTHER"];

/** The files of an upload as the command takes them; a file without a type goes as `OTHER`. */
export function platformUploadFiles(
  paths: string[],
  types: Record<string, string>,
): { path: string; attachmentType: string }[] {
  return paths
    .map((path) => ({ path: path.trim(), attachmentType: types[path] || "OTHER" }))
    .filter((file) => file.path !== "");
}

/** The platforms a store can be on (`StorePlatform` in Rust). */
export const STORE_PLATFORMS = ["AMAZON", "SHOPIFY", "EBAY", "WALMART", "TIKTOK", "TEMU", "OTHER"];

/** What the store form edits. */
export type StoreForm = {
  storeCode: string;
  storeName: string;
  platform: string;
  siteCode: string;
  authToken: string;
};

/** An empty store form. */
export function emptyStoreForm(): StoreForm {
  return { storeCode: "", storeName: "", platform: "", siteCode: "", authToken: "" };
}

/** The store request (the token is sent once and never shown again). */
export function storeRequest(form: StoreForm): PlatformStoreCreate {
  return buildRequest({ ...form });
}
