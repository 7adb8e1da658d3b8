// The Express labels screen's texts, as `t("labels.<key>")`. Documented codes go under `code.<group>.<code>`
// and are read with `codeLabel("labels", "<group>", code)`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("labels", {
  title: ["快递面单", "Express labels"],
});
