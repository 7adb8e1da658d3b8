// The reference-data screen's texts, as `t("reference.<key>")`.
import { registerDictionary } from "../../lib/i18n";

registerDictionary("reference", {
  title: ["基础数据", "Reference data"],
  warehouses: ["仓库", "Warehouses"],
  shippingMethods: ["物流渠道", "Shipping channels"],
  labelChannels: ["面单渠道", "Label channels"],
  countries: ["国家", "Countries"],
  categories: ["品类", "Categories"],
  returnCodes: ["返回代码", "Return codes"],
  meaning: ["含义", "Meaning"],
  code: ["编码", "Code"],
  name: ["名称", "Name"],
  country: ["国家", "Country"],
  province: ["省/州", "Province / state"],
  city: ["城市", "City"],
  warehouse: ["仓库", "Warehouse"],
  parent: ["上级品类", "Parent"],
  services: ["服务", "Services"],
  signature: ["签名", "signature"],
  insurance: ["保险", "insurance"],
  searchPlaceholder: ["按编码或名称搜索", "Search by code or name"],
  empty: [
    "没有数据：确认当前账户能连接服务器（账户 → 测试连接），然后点击“刷新”。",
    "Nothing to show: check that the active account connects (Accounts → Test connection), then click Reload.",
  ],
  noMatch: ["没有匹配“{query}”的记录，请换一个关键字。", "Nothing matches “{query}”: try another word."],
});
