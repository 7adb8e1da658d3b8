// Texts every screen shares: buttons, navigation, environments, paging, errors. A module's own
// texts go in `modules/<module>/i18n.ts`.
import type { Dictionary } from "../i18n.svelte";

const commonTexts: Dictionary = {
  appName: ["OMS Desk", "OMS Desk"],
  save: ["保存", "Save"],
  create: ["新建", "Create"],
  createReviewed: ["创建并提交审核", "Create and submit"],
  edit: ["编辑", "Edit"],
  remove: ["删除", "Remove"],
  cancel: ["取消", "Cancel"],
  close: ["关闭", "Close"],
  confirm: ["确定", "Confirm"],
  back: ["返回", "Back"],
  search: ["搜索", "Search"],
  searchPlaceholder: ["输入关键字筛选", "Type to filter"],
  reload: ["刷新", "Reload"],
  loading: ["正在加载…", "Loading…"],
  working: ["正在处理…", "Working…"],
  required: ["必填", "Required"],
  choose: ["请选择", "Choose"],
  noMatch: ["没有匹配项", "Nothing matches"],
  yes: ["是", "Yes"],
  no: ["否", "No"],
  actions: ["操作", "Actions"],
  comingSoon: ["此模块正在开发中，敬请期待。", "This module is coming soon."],
  pageOf: ["第 {page} / {pages} 页，共 {total} 条", "Page {page} of {pages}, {total} rows"],
  previousPage: ["上一页", "Previous"],
  nextPage: ["下一页", "Next"],
  emptyDefault: ["暂无数据。", "Nothing here yet."],
  browse: ["选择文件…", "Choose files…"],
  addPath: ["添加路径", "Add path"],
  pathPlaceholder: ["或输入文件的完整路径", "or type the file's full path"],
  noFiles: ["还没有选择文件。", "No file chosen yet."],
  download: ["下载", "Download"],
  saveAs: ["另存为…", "Save as…"],
  saveToFolder: ["直接存到下载文件夹", "Save to the downloads folder"],
  saveToFolderHint: [
    "不弹出对话框，按默认文件名存到本账号的下载文件夹",
    "No dialog: saved under the default name in this account's downloads folder",
  ],
  savedTo: ["已保存到：", "Saved to:"],
  open: ["打开", "Open"],
  downloadCancelled: ["已取消保存。", "Saving was cancelled."],
  languageToggle: ["English", "中文"],
};

const navTexts: Dictionary = {
  accounts: ["账户", "Accounts"],
  reference: ["基础数据", "Reference data"],
  products: ["产品", "Products"],
  inbound: ["入库单", "Inbound (ASN)"],
  b2c: ["B2C 出库", "B2C outbound"],
  b2b: ["B2B 出库", "B2B outbound"],
  returns: ["退货", "Returns"],
  inventory: ["库存", "Inventory"],
  labels: ["快递面单", "Express labels"],
  platform: ["平台订单", "Platform orders"],
};

const environmentTexts: Dictionary = {
  production: ["生产环境", "Production"],
  vendorTest: ["供应商测试环境", "Vendor test"],
  localSandbox: ["本地沙盒", "Local sandbox"],
  custom: ["自定义服务器", "Custom server"],
  sandboxStopped: ["沙盒未启动", "sandbox not running"],
  noAccount: ["还没有账户，请先在“账户”中添加。", "No account yet: add one under Accounts."],
};

const errorTexts: Dictionary = {
  title: ["操作失败", "Something went wrong"],
  requestId: ["请求编号", "Request id"],
  apiCode: ["OMS 返回码", "OMS code"],
  fields: ["请修改以下字段：", "Please correct these fields:"],
  unexpected: ["程序内部错误：{detail}", "Internal error: {detail}"],
};

/** The shared dictionaries, registered by `lib/i18n.ts`. */
export const common = {
  common: commonTexts,
  nav: navTexts,
  env: environmentTexts,
  error: errorTexts,
};
