// The product form, described once for create and edit: its state, the state of an existing
// product, and the `Product` to send. The battery section is only sent when `isBattery` is yes.
import type { Battery, PlatformSku, Product } from "../../lib/bindings";
import { buildRequest } from "../../lib/forms";

/** Yes and no as the wire writes them. */
export const YES = "1";
/** See `YES`. */
export const NO = "-1";

/** The documented codes of each select, in the order the form offers them. */
export const PRODUCT_CODES = {
  status: ["1", "2", "3", "4", "-1"],
  productType: ["1", "2", "3", "4", "5"],
  lengthUnit: ["2", "1", "3"],
  weightUnit: ["1", "2"],
  batteryType: ["1", "2", "3", "4", "5", "6"],
  platformType: ["1", "2", "3", "4"],
  barcodeType: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
  reviewStatus: ["-1", "1"],
  reviewDiff: ["-1", "1", "2"],
  yesNo: [YES, NO],
} as const;

/** The text fields of the battery section. */
export type BatteryForm = {
  batteryType: string;
  batteryModel: string;
  batteryCapacity: string;
  batteryVoltage: string;
  batteryPower: string;
  batteryEnergy: string;
  batteryMaterial: string;
  isMsds: string;
  isTransportReport: string;
};

/** One platform SKU row. */
export type PlatformSkuForm = {
  platformType: string;
  platformSku: string;
  platformSkuBarcode: string;
  barcodeType: string;
};

/** What the product form edits. */
export type ProductFormState = {
  productSku: string;
  name: string;
  nameEn: string;
  referenceNo: string;
  productCategoryCode: string;
  productType: string;
  price: string;
  productBrand: string;
  productModel: string;
  productMaterial: string;
  productOrigin: string;
  productImage: string;
  productDesc: string;
  productLengthType: string;
  productLength: string;
  productWidth: string;
  productHeight: string;
  productWeightType: string;
  productWeight: string;
  isBattery: string;
  isFragile: string;
  battery: BatteryForm;
  platformSkus: PlatformSkuForm[];
};

function emptyBattery(): BatteryForm {
  return {
    batteryType: "",
    batteryModel: "",
    batteryCapacity: "",
    batteryVoltage: "",
    batteryPower: "",
    batteryEnergy: "",
    batteryMaterial: "",
    isMsds: "",
    isTransportReport: "",
  };
}

/** An empty platform SKU row. */
export function emptyPlatformSku(): PlatformSkuForm {
  return { platformType: "", platformSku: "", platformSkuBarcode: "", barcodeType: "" };
}

/** A new product: centimetres and kilograms, no battery. */
export function emptyProductForm(): ProductFormState {
  return {
    productSku: "",
    name: "",
    nameEn: "",
    referenceNo: "",
    productCategoryCode: "",
    productType: "",
    price: "",
    productBrand: "",
    productModel: "",
    productMaterial: "",
    productOrigin: "",
    productImage: "",
    productDesc: "",
    productLengthType: "2",
    productLength: "",
    productWidth: "",
    productHeight: "",
    productWeightType: "1",
    productWeight: "",
    isBattery: NO,
    isFragile: "",
    battery: emptyBattery(),
    platformSkus: [],
  };
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** The form for editing `product`. */
export function productFormFrom(product: Product): ProductFormState {
  const empty = emptyProductForm();
  const battery = product.openBattery ?? {};
  return {
    productSku: text(product.productSku),
    name: text(product.name),
    nameEn: text(product.nameEn),
    referenceNo: text(product.referenceNo),
    productCategoryCode: text(product.productCategoryCode ?? product.openCategory?.code),
    productType: text(product.productType),
    price: text(product.price),
    productBrand: text(product.productBrand),
    productModel: text(product.productModel),
    productMaterial: text(product.productMaterial),
    productOrigin: text(product.productOrigin),
    productImage: text(product.productImage),
    productDesc: text(product.productDesc),
    productLengthType: text(product.productLengthType) || empty.productLengthType,
    productLength: text(product.productLength),
    productWidth: text(product.productWidth),
    productHeight: text(product.productHeight),
    productWeightType: text(product.productWeightType) || empty.productWeightType,
    productWeight: text(product.productWeight),
    isBattery: text(product.isBattery) || NO,
    isFragile: text(product.isFragile),
    battery: Object.fromEntries(
      Object.keys(emptyBattery()).map((key) => [key, text((battery as Record<string, unknown>)[key])]),
    ) as BatteryForm,
    platformSkus: (product.openPlatformSkus ?? []).map((p) => ({
      platformType: text(p.platformType),
      platformSku: text(p.platformSku),
      platformSkuBarcode: text(p.platformSkuBarcode),
      barcodeType: text(p.barcodeType),
    })),
  };
}

/**
 * The `Product` to send. Units are only sent with a measure they describe, the battery only
 * when `isBattery` is yes, platform SKUs as `openPlatformSkus` in form order (so Rust's
 * `openPlatformSkus[1].barcodeType` names the second row).
 */
export function productRequestFrom(form: ProductFormState): Product {
  const { battery, platformSkus, ...fields } = form;
  const hasSize = [form.productLength, form.productWidth, form.productHeight].some((v) => v.trim());
  const hasWeight = form.productWeight.trim() !== "";

  const request = {
    ...fields,
    productLengthType: hasSize ? fields.productLengthType : "",
    productWeightType: hasWeight ? fields.productWeightType : "",
    openBattery: form.isBattery === YES ? (battery as Battery) : undefined,
    openPlatformSkus: platformSkus as PlatformSku[],
  };
  return buildRequest(request) as Product;
}

/** Status codes in which the OMS still accepts changes. */
export function isEditable(status: string | null | undefined): boolean {
  return status === "1" || status === "2" || status === "4" || !status;
}
