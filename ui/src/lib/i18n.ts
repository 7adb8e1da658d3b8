// The import path for translations: `import { t } from "../lib/i18n"`. The implementation lives
// in i18n.svelte.ts because it holds the language in a rune; the common texts register here.
import { registerDictionary } from "./i18n.svelte";
import { common } from "./i18n/common";

registerDictionary("common", common.common);
registerDictionary("nav", common.nav);
registerDictionary("env", common.env);
registerDictionary("error", common.error);

export * from "./i18n.svelte";
