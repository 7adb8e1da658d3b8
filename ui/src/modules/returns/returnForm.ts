// The return-order form, described once for creating and editing, and the list filters. Time
// ranges, reference search and bulk-cancel outcomes work as for outbound orders and come from
// the outbound form's file.
import type {
  ReturnListRequest,
  ReturnOrder,
  ReturnOrderCreate,
  ReturnOrderItem,
  ReturnOrderUpdate,
} from "../../lib/bindings";
import { referenceFilter, wireDateTime } from "../b2c/orderForm";

/** One returned SKU. */
export type ReturnLineState = { productSku: string; qty: number | string | null; remark: string };

/** What the return form edits. */
export type ReturnFormState = {
  referenceNo: string;
  outboundOrderNo: string;
  trackingNo: string;
  signatureNo: string;
  warehouseCode: string;
  returnType: string;
  handleType: string;
  remark: string;
  lines: ReturnLineState[];
};

/** Documented codes, in the order the selects offer them. */
export const RETURN_CODES = {
  status: ["1", "2", "3", "4", "5", "-1"],
  returnType: ["1", "2", "3"],
  handleType: ["1", "2", "3"],
} as const;

/** An empty line. */
export function emptyReturnLine(): ReturnLineState {
  return { productSku: "", qty: 1, remark: "" };
}

/** An empty form with one line. */
export function emptyReturnForm(): ReturnFormState {
  return {
    referenceNo: "",
    outboundOrderNo: "",
    trackingNo: "",
    signatureNo: "",
    warehouseCode: "",
    returnType: "",
    handleType: "",
    remark: "",
    lines: [emptyReturnLine()],
  };
}

const text = (value: unknown): string =>
  value === null || value === undefined ? "" : String(value);

/** The lines of a listed return, under whichever name the server used. */
export function returnLinesOf(order: ReturnOrder): ReturnOrderItem[] {
  const lines = order.itemDTOs ?? order.openItems ?? [];
  return Array.isArray(lines) ? lines : [];
}

/** The form for editing a listed return. */
export function returnFormFrom(order: ReturnOrder): ReturnFormState {
  const lines = returnLinesOf(order).map((item) => ({
    productSku: text(item.productSku),
    qty: item.qty === null || item.qty === undefined || item.qty === "" ? null : Number(item.qty),
    remark: text(item.remark),
  }));
  return {
    referenceNo: text(order.referenceNo),
    outboundOrderNo: text(order.outboundOrderNo),
    trackingNo: text(order.trackingNo),
    signatureNo: text(order.signatureNo),
    warehouseCode: text(order.warehouseCode),
    returnType: text(order.returnType),
    handleType: text(order.handleType),
    remark: text(order.remark),
    lines: lines.length > 0 ? lines : [emptyReturnLine()],
  };
}

/** The create body (pass it through `buildRequest`, which drops the blanks). */
export function returnRequestFrom(form: ReturnFormState): ReturnOrderCreate {
  return {
    referenceNo: form.referenceNo,
    signatureNo: form.signatureNo,
    outboundOrderNo: form.outboundOrderNo,
    trackingNo: form.trackingNo,
    warehouseCode: form.warehouseCode,
    returnType: form.returnType,
    handleType: form.handleType,
    remark: form.remark,
    itemDTOs: form.lines.map((line) => ({
      productSku: line.productSku,
      qty: line.qty === null ? "" : String(line.qty).trim(),
      remark: line.remark,
    })),
  };
}

/** The update body: the return number plus the whole create body. */
export function returnUpdateFrom(form: ReturnFormState, orderNo: string): ReturnOrderUpdate {
  return { orderNo, ...returnRequestFrom(form) };
}

/** Changes and cancelling are possible only before the parcel is received (statuses 1–3). */
export function returnChangeable(status: string | null | undefined): boolean {
  return ["1", "2", "3"].includes(text(status));
}

/** The chip colour of a return status. */
export function returnTone(
  status: string | null | undefined,
): "neutral" | "info" | "success" | "warning" | "danger" {
  switch (text(status)) {
    case "2":
      return "warning";
    case "3":
    case "4":
      return "info";
    case "5":
      return "success";
    default:
      return "neutral";
  }
}

/** The list filters as the screen edits them. */
export type ReturnFilters = {
  status: string;
  reference: string;
  trackingNo: string;
  warehouseCode: string;
  returnType: string;
  timeField: "create" | "update";
  from: string;
  to: string;
};

/** No filter. */
export function emptyReturnFilters(): ReturnFilters {
  return {
    status: "",
    reference: "",
    trackingNo: "",
    warehouseCode: "",
    returnType: "",
    timeField: "create",
    from: "",
    to: "",
  };
}

/** The list request for the filters and a page. */
export function returnListRequestFrom(
  filters: ReturnFilters,
  pageNum: number,
  pageSize: number,
): ReturnListRequest {
  const from = filters.from ? wireDateTime(filters.from) : "";
  const to = filters.to ? wireDateTime(filters.to) : "";
  const range =
    filters.timeField === "create"
      ? { startCreateTime: from, endCreateTime: to }
      : { startUpdateTime: from, endUpdateTime: to };
  return {
    ...referenceFilter(filters.reference),
    trackingNo: filters.trackingNo,
    warehouseCode: filters.warehouseCode,
    returnType: filters.returnType,
    status: filters.status,
    ...range,
    commonParam: { pageParam: { pageNum, pageSize } },
  };
}
