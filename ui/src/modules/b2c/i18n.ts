// The B2C outbound screen's texts, as `t("b2c.<key>")`. Documented codes go under `code.<group>.<code>`
// and are read with `codeLabel("b2c", "<group>", code)`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("b2c", {
  title: ["B2C 出库单", "B2C outbound"],
});
