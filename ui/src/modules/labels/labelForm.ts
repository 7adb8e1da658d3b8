// The express-label form, described once: its state, the state of an existing label (for a
// draft's edit), the `ExpressLabelCreate` to send (also the body of the fee estimate), and the
// list filters. Validation stays in Rust; this only maps and converts.
import type {
  ExpressLabel,
  ExpressLabelCreate,
  LabelAddress,
  LabelLine,
  LabelListRequest,
} from "../../lib/bindings";
import { buildRequest, formatDecimal } from "../../lib/forms";
import { createTimeRange } from "../inventory/timeRange";

/** An address block (sender or recipient) as the inputs hold it. */
export type AddressForm = {
  name: string;
  company: string;
  phone: string;
  email: string;
  countryCode: string;
  province: string;
  city: string;
  address: string;
  postcode: string;
};

/** One declared item as the inputs hold it. */
export type LineForm = {
  productSku: string;
  declareName: string;
  declareNameEn: string;
  declareValue: string;
  qty: string;
  weight: string;
  hsCode: string;
};

/**
 * What the label form edits. Numbers stay text until they are sent (a number input may hand
 * back a number or null; the mapping accepts either).
 */
export type LabelFormState = {
  orderType: string;
  referenceNo: string;
  shippingMethodCode: string;
  trackingNo: string;
  length: string;
  width: string;
  height: string;
  weight: string;
  shipper: AddressForm;
  consignee: AddressForm;
  isSign: boolean;
  signType: string;
  isInsure: boolean;
  insurePrice: string;
  remark: string;
  itemDTOs: LineForm[];
};

/** An empty address block. */
export function emptyAddress(): AddressForm {
  return {
    name: "",
    company: "",
    phone: "",
    email: "",
    countryCode: "",
    province: "",
    city: "",
    address: "",
    postcode: "",
  };
}

/** An empty declared item. */
export function emptyLine(): LineForm {
  return {
    productSku: "",
    declareName: "",
    declareNameEn: "",
    declareValue: "",
    qty: "1",
    weight: "",
    hsCode: "",
  };
}

/** A new label: single parcel, no services, one empty item line. */
export function emptyLabelForm(): LabelFormState {
  return {
    orderType: "1",
    referenceNo: "",
    shippingMethodCode: "",
    trackingNo: "",
    length: "",
    width: "",
    height: "",
    weight: "",
    shipper: emptyAddress(),
    consignee: emptyAddress(),
    isSign: false,
    signType: "",
    isInsure: false,
    insurePrice: "",
    remark: "",
    itemDTOs: [emptyLine()],
  };
}

const text = (value: unknown): string =>
  value === null || value === undefined ? "" : String(value);

function addressFormFrom(address: LabelAddress | null | undefined): AddressForm {
  const form = emptyAddress();
  for (const key of Object.keys(form) as (keyof AddressForm)[]) {
    form[key] = text(address?.[key]);
  }
  return form;
}

/** The form for an existing label (e.g. to copy or edit a draft). */
export function labelFormFrom(label: ExpressLabel): LabelFormState {
  return {
    orderType: text(label.orderType ?? 1),
    referenceNo: text(label.referenceNo),
    shippingMethodCode: text(label.shippingMethodCode),
    trackingNo: text(label.trackingNo),
    length: text(label.length),
    width: text(label.width),
    height: text(label.height),
    weight: text(label.weight),
    shipper: addressFormFrom(label.shipper),
    consignee: addressFormFrom(label.consignee),
    isSign: label.isSign === 1,
    signType: text(label.signType),
    isInsure: label.isInsure === 1,
    insurePrice: text(label.insurePrice),
    remark: text(label.remark),
    itemDTOs: (label.itemDTOs ?? []).map((line) => ({
      productSku: text(line.productSku),
      declareName: text(line.declareName),
      declareNameEn: text(line.declareNameEn),
      declareValue: text(line.declareValue),
      qty: text(line.qty),
      weight: text(line.weight),
      hsCode: text(line.hsCode),
    })),
  };
}

/**
 * A number input as the wire's JSON number. Blank, and text that is not a number (which the
 * command could not even read), are left out, so Rust names the field as missing.
 */
export function numberOrBlank(value: unknown): number | undefined {
  const trimmed = text(value).trim();
  if (!trimmed) return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}

function isBlankLine(line: LineForm): boolean {
  return Object.entries(line).every(([key, value]) => key === "qty" || !text(value).trim());
}

function lineRequest(line: LineForm): LabelLine {
  return {
    productSku: line.productSku,
    declareName: line.declareName,
    declareNameEn: line.declareNameEn,
    declareValue: text(line.declareValue).trim() ? formatDecimal(line.declareValue, 2) : "",
    qty: numberOrBlank(line.qty),
    weight: numberOrBlank(line.weight),
    hsCode: line.hsCode,
  };
}

/**
 * The request for create, create-and-submit and the fee estimate. Item lines left completely
 * blank are dropped (only when every line after them is blank too, so the server's
 * `itemDTOs[n]` still names the n-th row on screen).
 */
export function labelRequestFrom(form: LabelFormState): ExpressLabelCreate {
  const lines = [...form.itemDTOs];
  while (lines.length > 0 && isBlankLine(lines[lines.length - 1])) lines.pop();

  const request = {
    orderType: numberOrBlank(form.orderType),
    referenceNo: form.referenceNo,
    shippingMethodCode: form.shippingMethodCode,
    trackingNo: form.trackingNo,
    length: numberOrBlank(form.length),
    width: numberOrBlank(form.width),
    height: numberOrBlank(form.height),
    weight: numberOrBlank(form.weight),
    shipper: { ...form.shipper },
    consignee: { ...form.consignee },
    isSign: form.isSign ? 1 : -1,
    signType: form.isSign ? numberOrBlank(form.signType) : undefined,
    isInsure: form.isInsure ? 1 : -1,
    insurePrice:
      form.isInsure && text(form.insurePrice).trim() ? formatDecimal(form.insurePrice, 2) : "",
    remark: form.remark,
    itemDTOs: lines.map(lineRequest),
  };
  return buildRequest(request) as ExpressLabelCreate;
}

/** The list filters as the inputs hold them. */
export type LabelFilters = {
  referenceNo: string;
  orderNo: string;
  trackingNo: string;
  shippingMethodCode: string;
  status: string;
  start: string;
  end: string;
};

/** No filter. */
export function emptyLabelFilters(): LabelFilters {
  return {
    referenceNo: "",
    orderNo: "",
    trackingNo: "",
    shippingMethodCode: "",
    status: "",
    start: "",
    end: "",
  };
}

/** The `label_list` request for the filters and a page. */
export function labelListRequest(
  filters: LabelFilters,
  pageNum: number,
  pageSize: number,
): LabelListRequest {
  return buildRequest({
    referenceNo: filters.referenceNo,
    orderNo: filters.orderNo,
    trackingNo: filters.trackingNo,
    shippingMethodCode: filters.shippingMethodCode,
    status: filters.status,
    ...createTimeRange(filters.start, filters.end),
    commonParam: { pageParam: { pageNum, pageSize } },
  });
}
