// The B2C outbound screen's own texts, as `t("b2c.<key>")`. The texts B2C shares with B2B (form,
// list, statuses) are in `outboundTexts.ts` under `outbound.`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("b2c", {
  title: ["B2C 出库单", "B2C outbound"],
  newTitle: ["新建 B2C 出库单（寄给消费者）", "New B2C outbound order (to a consumer)"],
});
