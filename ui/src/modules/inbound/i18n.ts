// The Inbound screen's texts, as `t("inbound.<key>")`. Documented codes go under `code.<group>.<code>`
// and are read with `codeLabel("inbound", "<group>", code)`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("inbound", {
  title: ["入库单", "Inbound"],
});
