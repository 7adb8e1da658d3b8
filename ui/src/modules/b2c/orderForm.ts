// The outbound order form, described once for B2C and B2B, for creating and editing: its state,
// the state of a listed order, the request to send, and the list filters. B2B adds the
// warehouse instructions (`b2bDto`) and a carton number per line; B2C adds the stock type and
// the sales details (`b2cDto`). The B2B screen imports this file from here.
import type {
  B2bInstructions,
  B2bOrderCreate,
  B2bOrderUpdate,
  B2cOrderCreate,
  B2cOrderUpdate,
  CancelRequest,
  BulkResult,
  FileToUpload,
  OutboundListRequest,
  OutboundOrder,
  OutboundOrderItem,
  ShippingMethod,
} from "../../lib/bindings";
import { formatDecimal } from "../../lib/forms";

/** Which kind of outbound order a form or list is about; also the module id and test-id prefix. */
export type OutboundKind = "b2c" | "b2b";

/** One line: a SKU, its pieces, and (B2B) the carton it travels in. */
export type LineState = {
  productSku: string;
  qty: number | string | null;
  boxNo: string;
  platformSku: string;
};

/** A file chosen on disk, uploaded to the order right after it is created. */
export type PendingAttachment = FileToUpload;

/** The warehouse instructions of a B2B order; yes/no questions are checkboxes. */
export type B2bInstructionsState = {
  receiveWarehouseCode: string;
  receiveAddressType: string;
  otherReceiveAddressRemark: string;
  expectedShipDate: string;
  shipmentNo: string;
  shipmentReferenceNo: string;
  batchBolNo: string;
  isChangePackage: boolean;
  changeBarcodeType: string;
  isCoverBarcode: boolean;
  changeShippingMarkType: string;
  isCoverShippingMark: boolean;
  isPallet: boolean;
  isDoublePallet: boolean;
  isMixedPallet: boolean;
  pasteCartonMarkType: string;
  limitPlateNum: number | string | null;
  limitPlateHeight: number | string | null;
  limitPlateWeight: number | string | null;
  isPalletScheme: boolean;
};

/** What the outbound form edits. Codes are kept as the text the selects give. */
export type OutboundFormState = {
  kind: OutboundKind;
  referenceNo: string;
  trackingNo: string;
  pickType: string;
  remark: string;
  warehouseCode: string;
  shippingMethodCode: string;
  companyName: string;
  contactName: string;
  contactMobile: string;
  contactCellMobile: string;
  contactEmail: string;
  code2: string;
  province: string;
  city: string;
  district: string;
  doorplate: string;
  address: string;
  address2: string;
  address3: string;
  postcode: string;
  isSign: boolean;
  signType: string;
  isInsure: boolean;
  insurePrice: number | string | null;
  primeType: string;
  inventoryType: string;
  vatTaxNo: string;
  salePlatform: string;
  platformStore: string;
  b2b: B2bInstructionsState;
  lines: LineState[];
  attachments: PendingAttachment[];
};

/** Documented codes, in the order the selects offer them (labels live in the dictionary). */
export const CODES = {
  status: ["1", "2", "3", "4", "5", "-2", "-1"],
  pickType: ["1", "2", "3"],
  signType: ["1", "2", "3"],
  primeType: ["-1", "2", "3"],
  inventoryType: ["1", "2", "3"],
  receiveAddressType: ["1", "2"],
  changeBarcodeType: ["-1", "2", "3"],
  pasteCartonMarkType: ["-1", "2", "3", "4"],
  attachmentType: ["SHIPMENT_LABEL", "CARDBOARD_LABEL", "BOX_MARK", "BOL", "OTHER"],
} as const;

/** An empty line. */
export function emptyLine(): LineState {
  return { productSku: "", qty: 1, boxNo: "", platformSku: "" };
}

/** Empty warehouse instructions: nothing asked of the warehouse. */
export function emptyInstructions(): B2bInstructionsState {
  return {
    receiveWarehouseCode: "",
    receiveAddressType: "",
    otherReceiveAddressRemark: "",
    expectedShipDate: "",
    shipmentNo: "",
    shipmentReferenceNo: "",
    batchBolNo: "",
    isChangePackage: false,
    changeBarcodeType: "",
    isCoverBarcode: false,
    changeShippingMarkType: "",
    isCoverShippingMark: false,
    isPallet: false,
    isDoublePallet: false,
    isMixedPallet: false,
    pasteCartonMarkType: "",
    limitPlateNum: null,
    limitPlateHeight: null,
    limitPlateWeight: null,
    isPalletScheme: false,
  };
}

/** An empty form for a new order of `kind`, with one line. */
export function emptyOutboundForm(kind: OutboundKind): OutboundFormState {
  return {
    kind,
    referenceNo: "",
    trackingNo: "",
    pickType: "",
    remark: "",
    warehouseCode: "",
    shippingMethodCode: "",
    companyName: "",
    contactName: "",
    contactMobile: "",
    contactCellMobile: "",
    contactEmail: "",
    code2: "",
    province: "",
    city: "",
    district: "",
    doorplate: "",
    address: "",
    address2: "",
    address3: "",
    postcode: "",
    isSign: false,
    signType: "",
    isInsure: false,
    insurePrice: null,
    primeType: "",
    inventoryType: "",
    vatTaxNo: "",
    salePlatform: "",
    platformStore: "",
    b2b: emptyInstructions(),
    lines: [emptyLine()],
    attachments: [],
  };
}

const text = (value: unknown): string =>
  value === null || value === undefined ? "" : String(value);
const yes = (value: unknown): boolean => text(value) === "1";
const yesNo = (value: boolean): string => (value ? "1" : "-1");
const numberOrNull = (value: unknown): number | null => {
  if (value === null || value === undefined || text(value).trim() === "") return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

/**
 * The instructions of a listed B2B order: the sandbox and the OMS return them as `openB2b`; a
 * body echoed as sent has `b2bDto`.
 */
function instructionsOf(order: OutboundOrder): Partial<B2bInstructions> {
  const raw = (order.openB2b ?? order.b2bDto ?? {}) as Partial<B2bInstructions>;
  return typeof raw === "object" && raw !== null ? raw : {};
}

/** The form for editing a listed order. Attachments already on it stay on the server. */
export function outboundFormFrom(kind: OutboundKind, order: OutboundOrder): OutboundFormState {
  const dto = instructionsOf(order);
  const b2c = order.openB2c ?? {};
  const lines = (order.openItems ?? []).map(
    (item: OutboundOrderItem): LineState => ({
      productSku: text(item.productSku),
      qty: numberOrNull(item.qty),
      boxNo: text(item.boxNo),
      platformSku: text(item.platformSku),
    }),
  );

  return {
    ...emptyOutboundForm(kind),
    referenceNo: text(order.referenceNo),
    trackingNo: text(order.trackingNo),
    pickType: text(order.pickType),
    remark: text(order.remark),
    warehouseCode: text(order.warehouseCode),
    shippingMethodCode: text(order.shippingMethodCode),
    companyName: text(order.companyName),
    contactName: text(order.contactName),
    contactMobile: text(order.contactMobile),
    contactCellMobile: text(order.contactCellMobile),
    contactEmail: text(order.contactEmail),
    code2: text(order.code2),
    province: text(order.province),
    city: text(order.city),
    district: text(order.district),
    doorplate: text(order.doorplate),
    address: text(order.address),
    address2: text(order.address2),
    address3: text(order.address3),
    postcode: text(order.postcode),
    isSign: yes(order.isSign),
    signType: order.signType ? text(order.signType) : "",
    isInsure: yes(order.isInsure),
    insurePrice: yes(order.isInsure) ? text(order.insurePrice) : null,
    primeType: text(order.primeType),
    inventoryType: text(order.inventoryType),
    vatTaxNo: text(b2c.vatTaxNo),
    salePlatform: text(b2c.salePlatform),
    platformStore: text(b2c.platformStore),
    b2b: {
      receiveWarehouseCode: text(dto.receiveWarehouseCode),
      receiveAddressType: text(dto.receiveAddressType),
      otherReceiveAddressRemark: text(dto.otherReceiveAddressRemark),
      expectedShipDate: text(dto.expectedShipDate),
      shipmentNo: text(dto.shipmentNo),
      shipmentReferenceNo: text(dto.shipmentReferenceNo),
      batchBolNo: text(dto.batchBolNo),
      isChangePackage: yes(dto.isChangePackage),
      changeBarcodeType: text(dto.changeBarcodeType),
      isCoverBarcode: yes(dto.isCoverBarcode),
      changeShippingMarkType: text(dto.changeShippingMarkType),
      isCoverShippingMark: yes(dto.isCoverShippingMark),
      isPallet: yes(dto.isPallet),
      isDoublePallet: yes(dto.isDoublePallet),
      isMixedPallet: yes(dto.isMixedPallet),
      pasteCartonMarkType: text(dto.pasteCartonMarkType),
      limitPlateNum: numberOrNull(dto.limitPlateNum),
      limitPlateHeight: numberOrNull(dto.limitPlateHeight),
      limitPlateWeight: numberOrNull(dto.limitPlateWeight),
      isPalletScheme: yes(dto.isPalletScheme),
    },
    lines: lines.length > 0 ? lines : [emptyLine()],
  };
}

/**
 * A whole number typed in a number input as the wire's numeric text; a blank becomes `""` (left
 * out, so Rust names the missing field) and anything else is kept for Rust to refuse.
 */
function wholeText(value: number | string | null): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

function decimalText(value: number | string | null, places: number): string {
  return formatDecimal(value === null ? "" : String(value), places);
}

function instructionsRequest(dto: B2bInstructionsState): B2bInstructions {
  const pallets = dto.isPallet;
  return {
    receiveWarehouseCode: dto.receiveWarehouseCode,
    receiveAddressType: numberOrNull(dto.receiveAddressType),
    otherReceiveAddressRemark: dto.otherReceiveAddressRemark,
    expectedShipDate: dto.expectedShipDate,
    shipmentNo: dto.shipmentNo,
    shipmentReferenceNo: dto.shipmentReferenceNo,
    batchBolNo: dto.batchBolNo,
    isChangePackage: yesNo(dto.isChangePackage),
    changeBarcodeType: dto.changeBarcodeType,
    isCoverBarcode: yesNo(dto.isCoverBarcode),
    changeShippingMarkType: dto.changeShippingMarkType,
    isCoverShippingMark: yesNo(dto.isCoverShippingMark),
    isPallet: yesNo(pallets),
    isDoublePallet: yesNo(pallets && dto.isDoublePallet),
    isMixedPallet: yesNo(pallets && dto.isMixedPallet),
    pasteCartonMarkType: dto.pasteCartonMarkType,
    limitPlateNum: pallets ? wholeText(dto.limitPlateNum) : "",
    limitPlateHeight: pallets ? decimalText(dto.limitPlateHeight, 3) : "",
    limitPlateWeight: pallets ? decimalText(dto.limitPlateWeight, 3) : "",
    isPalletScheme: yesNo(pallets && dto.isPalletScheme),
  };
}

/**
 * The fields both kinds send. Signature and insurance follow the documentation's example:
 * without a signature `signType` is `0`; the insured value is sent only when insured.
 * Attachments are not sent inline: the UI never reads file bytes, they are uploaded by path
 * after the order exists (see `uploadsFrom`).
 */
function sharedRequest(form: OutboundFormState) {
  return {
    referenceNo: form.referenceNo,
    trackingNo: form.trackingNo,
    pickType: form.pickType,
    companyName: form.companyName,
    contactName: form.contactName,
    contactMobile: form.contactMobile,
    contactCellMobile: form.contactCellMobile,
    contactEmail: form.contactEmail,
    province: form.province,
    city: form.city,
    district: form.district,
    doorplate: form.doorplate,
    address: form.address,
    address2: form.address2,
    address3: form.address3,
    postcode: form.postcode,
    isSign: yesNo(form.isSign),
    signType: form.isSign ? numberOrNull(form.signType) : 0,
    isInsure: yesNo(form.isInsure),
    insurePrice: form.isInsure ? decimalText(form.insurePrice, 2) : "",
    primeType: form.primeType,
    remark: form.remark,
    warehouseCode: form.warehouseCode,
    shippingMethodCode: form.shippingMethodCode,
    code2: form.code2,
    itemDTOs: form.lines.map((line) => ({
      productSku: line.productSku,
      qty: wholeText(line.qty),
      boxNo: form.kind === "b2b" ? line.boxNo : "",
      platformSku: line.platformSku,
    })),
  };
}

/** The B2C create body (pass it through `buildRequest`, which drops the blanks). */
export function b2cRequestFrom(form: OutboundFormState): B2cOrderCreate {
  return {
    ...sharedRequest(form),
    inventoryType: form.inventoryType,
    b2cDto: {
      vatTaxNo: form.vatTaxNo,
      salePlatform: form.salePlatform,
      platformStore: form.platformStore,
    },
  };
}

/** The B2B create body (pass it through `buildRequest`, which drops the blanks). */
export function b2bRequestFrom(form: OutboundFormState): B2bOrderCreate {
  return { ...sharedRequest(form), b2bDto: instructionsRequest(form.b2b) };
}

/** The update body of either kind: the order number plus the whole create body. */
export function updateRequestFrom(
  form: OutboundFormState,
  orderNo: string,
): B2cOrderUpdate | B2bOrderUpdate {
  const body = form.kind === "b2b" ? b2bRequestFrom(form) : b2cRequestFrom(form);
  return { orderNo, ...body };
}

/** The chosen files as the upload command wants them; files without a path are skipped. */
export function uploadsFrom(attachments: PendingAttachment[]): FileToUpload[] {
  return attachments
    .filter((a) => a.path.trim() !== "")
    .map((a) => ({ path: a.path.trim(), attachmentType: a.attachmentType || "OTHER" }));
}

/** The total pieces and the distinct cartons of the lines (shown live under the lines). */
export function lineTotals(lines: LineState[]): { pieces: number; cartons: number } {
  let pieces = 0;
  const cartons = new Set<string>();
  for (const line of lines) {
    const qty = Number(line.qty);
    if (Number.isInteger(qty) && qty > 0) pieces += qty;
    if (line.boxNo.trim()) cartons.add(line.boxNo.trim());
  }
  return { pieces, cartons: cartons.size };
}

/**
 * Whether a shipping channel can carry this kind from `warehouseCode`: a logistics channel of
 * that warehouse that takes outbound orders, and B2B (transfer) orders for B2B.
 */
export function channelFits(kind: OutboundKind, warehouseCode: string) {
  return (m: ShippingMethod): boolean =>
    (m.methodType === null || m.methodType === undefined || String(m.methodType) === "1") &&
    m.openWarehouse?.warehouseCode === warehouseCode &&
    m.isOrder !== -1 &&
    (kind === "b2c" || m.isTransferOrder === 1);
}

/** Statuses an order may still be changed in (draft, pending review, exception). */
export function canEdit(status: string | null | undefined): boolean {
  return ["1", "2", "-2"].includes(text(status));
}

/** Statuses an order may still be cancelled in (the warehouse has not started work). */
export function canCancel(status: string | null | undefined): boolean {
  return ["1", "2", "3", "-2"].includes(text(status));
}

/** The chip colour of a status. */
export function statusTone(
  status: string | null | undefined,
): "neutral" | "info" | "success" | "warning" | "danger" {
  switch (text(status)) {
    case "-2":
      return "danger";
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
export type ListFilters = {
  status: string;
  reference: string;
  timeField: "create" | "update";
  from: string;
  to: string;
};

/** No filter: every order, newest first as the server lists them. */
export function emptyFilters(): ListFilters {
  return { status: "", reference: "", timeField: "create", from: "", to: "" };
}

/**
 * A `datetime-local` value (`2024-05-01T10:30`) as the wire's `yyyy-MM-dd HH:mm:ss`; other text
 * is kept for Rust to name.
 */
export function wireDateTime(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!match) return value.trim();
  return `${match[1]} ${match[2]}${match[3] ?? ":00"}`;
}

/**
 * Several references typed with commas, spaces or new lines search as `referenceNos`; one as
 * `referenceNo`.
 */
export function referenceFilter(reference: string): Pick<OutboundListRequest, "referenceNo" | "referenceNos"> {
  const words = reference.split(/[\s,，;]+/).filter(Boolean);
  if (words.length === 0) return {};
  return words.length === 1 ? { referenceNo: words[0] } : { referenceNos: words };
}

/** The list request for the filters and a page (the time range applies to one field). */
export function listRequestFrom(
  filters: ListFilters,
  pageNum: number,
  pageSize: number,
): OutboundListRequest {
  const from = filters.from ? wireDateTime(filters.from) : "";
  const to = filters.to ? wireDateTime(filters.to) : "";
  const range =
    filters.timeField === "create"
      ? { startCreateTime: from, endCreateTime: to }
      : { startUpdateTime: from, endUpdateTime: to };
  return {
    ...referenceFilter(filters.reference),
    status: filters.status,
    ...range,
    commonParam: { pageParam: { pageNum, pageSize } },
  };
}

/** The cancel body for the selected orders. */
export function cancelRequestFrom(orderNos: string[], remark: string): CancelRequest {
  return { orderNos, cancelRemark: remark };
}

/** One line of a bulk result, for the per-order list under the cancel button. */
export type CancelOutcome = { orderNo: string; ok: boolean; message: string };

/** The per-order outcomes of a bulk cancel, failures first. */
export function cancelOutcomes(result: BulkResult): CancelOutcome[] {
  const failed = (result.failList ?? []).map((item) => ({
    orderNo: text(item.orderNo),
    ok: false,
    message: text(item.message),
  }));
  const done = (result.successList ?? []).map((item) => ({
    orderNo: text(item.orderNo),
    ok: true,
    message: text(item.message),
  }));
  return [...failed, ...done];
}
