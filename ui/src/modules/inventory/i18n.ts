// The Inventory screen's texts, as `t("inventory.<key>")`. Documented codes go under `code.<group>.<code>`
// and are read with `codeLabel("inventory", "<group>", code)`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("inventory", {
  title: ["库存", "Inventory"],
});
