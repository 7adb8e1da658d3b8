// The B2B outbound screen's own texts, as `t("b2b.<key>")`. The texts B2B shares with B2C (form,
// list, statuses) are in `../b2c/outboundTexts.ts` under `outbound.`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("b2b", {
  title: ["B2B 出库单", "B2B outbound"],
  newTitle: ["新建 B2B 出库单（整箱/托盘发往平台仓或企业）", "New B2B outbound order (cartons or pallets to a platform or business warehouse)"],
});
