// Every OMS module the navigation lists, in order, with its screen. A screen receives the rest
// of the route (`#/<module>/<rest…>`) as `rest`. Module owners replace their `Screen.svelte`;
// this list changes only when a module is added.
import type { Component } from "svelte";
import Accounts from "./accounts/Screen.svelte";
import B2b from "./b2b/Screen.svelte";
import B2c from "./b2c/Screen.svelte";
import Import from "./import/Screen.svelte";
import Inbound from "./inbound/Screen.svelte";
import Inventory from "./inventory/Screen.svelte";
import Labels from "./labels/Screen.svelte";
import Platform from "./platform/Screen.svelte";
import Products from "./products/Screen.svelte";
import Reference from "./reference/Screen.svelte";
import Returns from "./returns/Screen.svelte";

/** The props every module screen takes. */
export type ScreenProps = { rest?: string[] };

/** A module: its id (route, `nav-<id>` test id, `nav.<id>` text) and its screen. */
export type Module = { id: string; screen: Component<ScreenProps> };

/** The modules, in navigation order. */
export const MODULES: Module[] = [
  { id: "accounts", screen: Accounts },
  { id: "reference", screen: Reference },
  { id: "products", screen: Products },
  { id: "inbound", screen: Inbound },
  { id: "b2c", screen: B2c },
  { id: "b2b", screen: B2b },
  { id: "returns", screen: Returns },
  { id: "inventory", screen: Inventory },
  { id: "labels", screen: Labels },
  { id: "platform", screen: Platform },
  { id: "import", screen: Import },
];
