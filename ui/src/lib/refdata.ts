// Reference data (warehouses, channels, countries, categories, the OMS's return codes) loaded
// once per session and account, every page of it, so forms offer pickers instead of free-typed
// codes.
import { call } from "./api";
import {
  commands,
  type Category,
  type CommonParam,
  type Country,
  type Page,
  type ReturnCode,
  type ShippingMethod,
  type Warehouse,
} from "./bindings";

/** Rows asked for per page while loading everything. */
export const REFDATA_PAGE_SIZE = 100;

/** A safety stop for a server that never says it is done. */
export const REFDATA_MAX_PAGES = 200;

/** The kinds of reference data. */
export type RefKind =
  | "warehouses"
  | "shippingMethods"
  | "labelChannels"
  | "countries"
  | "categories"
  | "returnCodes";

/** The row type of each kind. */
export type RefRow<K extends RefKind> = {
  warehouses: Warehouse;
  shippingMethods: ShippingMethod;
  labelChannels: ShippingMethod;
  countries: Country;
  categories: Category;
  returnCodes: ReturnCode;
}[K];

/**
 * Every row of a paged list: asks page 1, 2, … until a page is short, empty, or the rows reach
 * `totalCount`.
 */
export async function pageThrough<T>(
  fetchPage: (commonParam: CommonParam) => Promise<Page<T>>,
  pageSize = REFDATA_PAGE_SIZE,
): Promise<T[]> {
  const rows: T[] = [];
  for (let pageNum = 1; pageNum <= REFDATA_MAX_PAGES; pageNum++) {
    const page = await fetchPage({ pageParam: { pageNum, pageSize } });
    const list = page.list ?? [];
    rows.push(...list);

    const total = page.totalCount ?? null;
    const lastPage = page.totalPage ?? null;
    if (list.length === 0 || list.length < pageSize) break;
    if (total !== null && rows.length >= total) break;
    if (lastPage !== null && pageNum >= lastPage) break;
  }
  return rows;
}

const loaders: { [K in RefKind]: () => Promise<RefRow<K>[]> } = {
  warehouses: () => pageThrough((commonParam) => call(commands.listWarehouses({ commonParam }))),
  shippingMethods: () =>
    pageThrough((commonParam) => call(commands.listShippingMethods({ commonParam }))),
  labelChannels: () =>
    pageThrough((commonParam) => call(commands.listLabelChannels({ commonParam }))),
  countries: () => pageThrough((commonParam) => call(commands.listCountries({ commonParam }))),
  categories: () => pageThrough((commonParam) => call(commands.listCategories({ commonParam }))),
  returnCodes: () => call(commands.listReturnCodes()),
};

const cache = new Map<RefKind, Promise<unknown[]>>();

/** Every row of a kind, loaded once; a failed load is forgotten so the next call retries. */
export function loadRefdata<K extends RefKind>(kind: K): Promise<RefRow<K>[]> {
  let pending = cache.get(kind) as Promise<RefRow<K>[]> | undefined;
  if (!pending) {
    pending = loaders[kind]() as Promise<RefRow<K>[]>;
    cache.set(kind, pending);
    pending.catch(() => cache.delete(kind));
  }
  return pending;
}

/** Forgets the cached rows (after switching accounts, or on "reload"). */
export function clearRefdata(kind?: RefKind): void {
  if (kind) cache.delete(kind);
  else cache.clear();
}

/** An option of a picker: the code it sets, what it shows, and extra words to search. */
export type PickerOption = { value: string; label: string; hint?: string };

/** Picker options for the rows of a kind; `zh`/`en` names are picked by `name`. */
export function refOptions<K extends RefKind>(
  kind: K,
  rows: RefRow<K>[],
  name: (zh: string | null | undefined, en: string | null | undefined) => string,
): PickerOption[] {
  switch (kind) {
    case "warehouses":
      return (rows as Warehouse[]).map((w) => ({
        value: w.warehouseCode ?? "",
        label: w.warehouseCode ?? "",
        hint: [name(w.openCountry?.name, w.openCountry?.nameEn), w.province, w.city]
          .filter(Boolean)
          .join(" · "),
      }));
    case "shippingMethods":
    case "labelChannels":
      return (rows as ShippingMethod[]).map((m) => ({
        value: m.code ?? "",
        label: m.code ?? "",
        hint: [name(m.name, m.nameEn), m.openWarehouse?.warehouseCode].filter(Boolean).join(" · "),
      }));
    case "countries":
      return (rows as Country[]).map((c) => ({
        value: c.code2 ?? "",
        label: c.code2 ?? "",
        hint: name(c.name, c.nameEn),
      }));
    case "categories":
      return (rows as Category[]).map((c) => ({
        value: c.code ?? "",
        label: c.code ?? "",
        hint: name(c.name, c.nameEn),
      }));
    default:
      return [];
  }
}
