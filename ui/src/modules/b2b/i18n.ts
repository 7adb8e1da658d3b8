// The B2B outbound screen's texts, as `t("b2b.<key>")`. Documented codes go under `code.<group>.<code>`
// and are read with `codeLabel("b2b", "<group>", code)`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("b2b", {
  title: ["B2B 出库单", "B2B outbound"],
});
