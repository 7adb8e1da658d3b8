// The Products screen's texts, as `t("products.<key>")`. Documented codes go under `code.<group>.<code>`
// and are read with `codeLabel("products", "<group>", code)`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("products", {
  title: ["产品", "Products"],
});
