// The Returns screen's texts, as `t("returns.<key>")`. Documented codes go under `code.<group>.<code>`
// and are read with `codeLabel("returns", "<group>", code)`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("returns", {
  title: ["退货单", "Returns"],
});
