// The inbound order form, described once for create and edit: its state (header fields plus
// cartons), the state of an existing order, and the request to send. Container fields are only
// sent for a full container (shipping type 1).
import type {
  InboundOrder,
  InboundOrderCreate,
  InboundOrderUpdate,
} from "../../lib/bindings";
import { buildRequest } from "../../lib/forms";
import { cartonsFromItems, emptyCarton, itemsFromCartons, type Carton, type RowOrigin } from "./cartons";

/** The shipping type whose orders need container fields. */
export const FULL_CONTAINER = "1";

/** The documented codes of each select, in the order the form offers them. */
export const INBOUND_CODES = {
  status: ["1", "2", "3", "4", "5", "6", "-1"],
  transitType: ["1", "2", "3"],
  shippingType: ["1", "2", "3"],
  containerType: ["1", "2", "3", "4", "5", "6"],
  shelfMode: ["1", "2"],
  orderType: ["1", "2", "4"],
  unloadType: ["1", "2"],
  stockType: ["1", "2"],
} as const;

/** What the inbound form edits. */
export type InboundFormState = {
  referenceNo: string;
  warehouseCode: string;
  transitType: string;
  shippingType: string;
  containerType: string;
  containerNo: string;
  unloadType: string;
  returnContainerDate: string;
  emailOfTowingContainer: string;
  shelfMode: string;
  orderType: string;
  stockType: string;
  trackingNo: string;
  carrierCode: string;
  etaDate: string;
  remark: string;
  cartons: Carton[];
};

/** A new order: seller ships by express, one empty carton. */
export function emptyInboundForm(): InboundFormState {
  return {
    referenceNo: "",
    warehouseCode: "",
    transitType: "1",
    shippingType: "2",
    containerType: "",
    containerNo: "",
    unloadType: "",
    returnContainerDate: "",
    emailOfTowingContainer: "",
    shelfMode: "1",
    orderType: "1",
    stockType: "",
    trackingNo: "",
    carrierCode: "",
    etaDate: "",
    remark: "",
    cartons: [emptyCarton()],
  };
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** The lines of an order as the server sent them (`itemDTOs`, or `openItems` in lists). */
export function orderLines(order: InboundOrder) {
  return order.itemDTOs?.length ? order.itemDTOs : (order.openItems ?? []);
}

/** The form for editing `order`. */
export function inboundFormFrom(order: InboundOrder): InboundFormState {
  const cartons = cartonsFromItems(orderLines(order));
  return {
    referenceNo: text(order.referenceNo),
    warehouseCode: text(order.warehouseCode),
    transitType: text(order.transitType),
    shippingType: text(order.shippingType),
    containerType: text(order.containerType),
    containerNo: text(order.containerNo),
    unloadType: text(order.unloadType),
    returnContainerDate: text(order.returnContainerDate),
    emailOfTowingContainer: text(order.emailOfTowingContainer),
    shelfMode: text(order.shelfMode),
    orderType: text(order.orderType),
    stockType: text(order.stockType),
    trackingNo: text(order.trackingNo),
    carrierCode: text(order.carrierCode),
    etaDate: text(order.etaDate),
    remark: text(order.remark),
    cartons: cartons.length ? cartons : [emptyCarton()],
  };
}

/**
 * The create body and where each `itemDTOs[i]` came from. Container fields are left out unless
 * the shipping type is full container.
 */
export function inboundRequestFrom(form: InboundFormState): {
  request: InboundOrderCreate;
  origins: RowOrigin[];
} {
  const { cartons, ...header } = form;
  const { items, origins } = itemsFromCartons(cartons);
  const container = form.shippingType === FULL_CONTAINER;

  const request = buildRequest({
    ...header,
    containerType: container ? header.containerType : "",
    containerNo: container ? header.containerNo : "",
    unloadType: container ? header.unloadType : "",
    returnContainerDate: container ? header.returnContainerDate : "",
    emailOfTowingContainer: container ? header.emailOfTowingContainer : "",
    itemDTOs: items,
  }) as InboundOrderCreate;
  return { request, origins };
}

/** The update body: the order number and the whole form. */
export function inboundUpdateFrom(
  orderNo: string,
  form: InboundFormState,
): { request: InboundOrderUpdate; origins: RowOrigin[] } {
  const { request, origins } = inboundRequestFrom(form);
  return { request: { orderNo, ...request } as InboundOrderUpdate, origins };
}

/** Status codes in which the warehouse still accepts changes and cancellation. */
export function isChangeable(status: string | null | undefined): boolean {
  return status === "1" || status === "2" || status === "3";
}
