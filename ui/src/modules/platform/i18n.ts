// The Platform orders screen's texts, as `t("platform.<key>")`. Documented codes go under `code.<group>.<code>`
// and are read with `codeLabel("platform", "<group>", code)`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("platform", {
  title: ["平台订单", "Platform orders"],
});
