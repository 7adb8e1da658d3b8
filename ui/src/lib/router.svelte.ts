// A hash router: `#/<module>/<rest…>`. The module picks the screen; the rest is the screen's own
// (e.g. `#/products/SKU-MUG-001`). Unknown or empty hashes open the accounts screen.

/** Where the UI is. */
export type Route = { module: string; rest: string[] };

const DEFAULT_MODULE = "accounts";

function parse(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  return { module: parts[0] ?? DEFAULT_MODULE, rest: parts.slice(1) };
}

const state = $state<{ route: Route }>({
  route: parse(typeof location === "undefined" ? "" : location.hash),
});

if (typeof window !== "undefined") {
  window.addEventListener("hashchange", () => {
    state.route = parse(location.hash);
  });
}

/** The current route (reactive). */
export function route(): Route {
  return state.route;
}

/** The hash of a route, for links: `href={hrefFor("products", "SKU-1")}`. */
export function hrefFor(module: string, ...rest: string[]): string {
  return `#/${[module, ...rest].map((p) => encodeURIComponent(p)).join("/")}`;
}

/** Goes to a module's screen, with an optional sub-route (`navigate("inbound", "new")`). */
export function navigate(module: string, ...rest: string[]): void {
  const hash = hrefFor(module, ...rest);
  if (typeof location !== "undefined" && location.hash !== hash) location.hash = hash;
  state.route = { module, rest };
}
