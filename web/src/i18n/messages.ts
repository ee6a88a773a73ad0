// Every string the web app shows. zh-CN is the reference: en-US must have exactly the same keys
// (the type checker enforces it). Placeholders are written {name} and filled by t(key, vars).
// This file holds what several pages share (layout, navigation, common words, the words of a plan's
// targets, roles); each page's own strings are in a messages-<page>.ts beside it, spread in below.

import { adminEnUS, adminZhCN } from "./messages-admin.ts";
import { channelsEnUS, channelsZhCN } from "./messages-channels.ts";
import { cockpitEnUS, cockpitZhCN } from "./messages-cockpit.ts";
import { deskEnUS, deskZhCN } from "./messages-desk.ts";
import { deskReviewEnUS, deskReviewZhCN } from "./messages-desk-review.ts";
import { documentsEnUS, documentsZhCN } from "./messages-documents.ts";
import { editorPublicEnUS, editorPublicZhCN } from "./messages-editor-public.ts";
import { fiveYearEnUS, fiveYearZhCN } from "./messages-five-year.ts";
import { gridEnUS, gridZhCN } from "./messages-grid.ts";
import { loginAccountEnUS, loginAccountZhCN } from "./messages-login-account.ts";
import { planEnUS, planZhCN } from "./messages-plan.ts";
import { planListEnUS, planListZhCN } from "./messages-plan-list.ts";
import { plausibilityEnUS, plausibilityZhCN } from "./messages-plausibility.ts";
import { publicEnUS, publicZhCN } from "./messages-public.ts";
import { reviewEnUS, reviewZhCN } from "./messages-review.ts";
import { statusEnUS, statusZhCN } from "./messages-status.ts";
import { taskWorkEnUS, taskWorkZhCN } from "./messages-task-work.ts";
import { tasksEnUS, tasksZhCN } from "./messages-tasks.ts";

export const zhCN = {
  "app.name": "PlanTrack",
  "app.subtitle": "发展计划管理",
  "app.skipToContent": "跳到主要内容",
  "nav.plans": "计划",
  "nav.apiDocs": "接口文档",
  "lang.switch": "界面语言",
  "lang.zh": "中文",
  "lang.en": "EN",

  "common.retry": "重试",
  "common.cancel": "取消",
  "common.loading": "正在加载…",
  "common.none": "—",
  "common.backToPlans": "返回计划列表",
  "common.errorTitle": "出错了",
  "common.networkError": "无法连接服务器：{message}。请确认 PlanTrack 服务正在运行，然后重试。",
  // The code's meaning on a Chinese screen (the code itself is English); English screens show the code.
  "common.errorCode": "错误类型：{code}",
  "errorCode.bad_input": "输入有误",
  "errorCode.unsupported_file": "文件类型不支持",
  "errorCode.file_too_large": "文件过大",
  "errorCode.empty_file": "文件为空",
  "errorCode.no_plan_content": "没有计划内容",
  "errorCode.not_found": "找不到",
  "errorCode.conflict": "数据已变化或重复",
  "errorCode.implausible_value": "数值需要核对",
  "errorCode.unauthenticated": "未登录",
  "errorCode.totp_required": "需要动态验证码",
  "errorCode.forbidden": "无权操作",
  "errorCode.csrf": "页面已过期",
  "errorCode.password_change_required": "需要修改密码",
  "errorCode.locked": "账户已锁定",
  "errorCode.rate_limited": "请求过于频繁",
  "errorCode.not_installed": "服务器缺少所需软件",
  "errorCode.too_complex": "文件处理超时",
  "errorCode.busy": "服务器正忙",
  "errorCode.internal": "服务器内部错误",
  "errorCode.network_error": "网络不通",
  "errorCode.bad_response": "服务器应答无法识别",
  "common.all": "全部",

  "notFound.title": "页面不存在",
  "notFound.body": "地址 {path} 没有对应的页面。",

  "planState.draft": "草稿",
  "planState.published": "已发布",
  "planState.closed": "已关闭",

  "itemCategory.land_parcel": "地块",
  "itemCategory.project": "项目",
  "itemCategory.facility": "设施",

  "assignment.assigned": "已分配",
  "assignment.suggested": "有建议",
  "assignment.unassigned": "未分配",

  "comparator.target": "达到",
  "comparator.at_least": "不低于（以上）",
  "comparator.at_most": "不超过（以内）",
  "comparator.about": "左右",
  "comparator.range": "区间",

  "direction.increase": "增长",
  "direction.decrease": "下降",
  "direction.level": "达到水平",

  "kind.cumulative": "累计量",
  "kind.level": "水平值",
  "kind.rate": "增速",
  "attribute.binding": "约束性",
  "attribute.expected": "预期性",
  "attribute.none": "未标明",
  "kind.milestone": "里程碑",

  "nav.admin": "管理",
  "nav.admin.users": "用户",
  "nav.admin.departments": "部门",
  "nav.admin.audit": "审计日志",
  "nav.public": "公开计划",

  "role.admin": "管理员",
  "role.planner": "计划编制",
  "role.reporter": "填报单位",
  "role.leader": "领导",

  "user.menu": "当前用户 {name}",
  "user.account": "账户与安全",
  "user.logout": "退出登录",
  "user.logoutAll": "退出所有设备",
  "user.logoutAllConfirm": "将退出您在所有浏览器和设备上的登录，包括当前这一个。是否继续？",
  "user.loggedOutAll": "已退出所有设备",

  "common.copy": "复制",
  "common.copied": "已复制",
  "common.save": "保存",
  "common.create": "新建",
  "common.edit": "编辑",
  "common.search": "查询",
  "common.reset": "重置",
  "common.actions": "操作",
  "common.yes": "是",
  "common.no": "否",
  "common.close": "关闭",
  "common.print": "打印",
  "common.forbiddenTitle": "无权访问",
  "common.forbiddenBody": "您的角色（{role}）不能使用此页面。",
  "common.signIn": "登录",

  // Navigation to running the plan (issue 5)
  "nav.desk": "我的任务",
  "nav.review": "审核",
  ...deskReviewZhCN,
  ...cockpitZhCN,
  ...documentsZhCN,
  ...editorPublicZhCN,
  ...planListZhCN,
  ...planZhCN,
  ...statusZhCN,
  ...loginAccountZhCN,
  ...adminZhCN,
  ...publicZhCN,
  ...deskZhCN,
  ...reviewZhCN,
  ...channelsZhCN,
  ...taskWorkZhCN,
  ...tasksZhCN,
  ...gridZhCN,
  ...plausibilityZhCN,
  ...fiveYearZhCN,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const enUS: Messages = {
  "app.name": "PlanTrack",
  "app.subtitle": "Development plans",
  "app.skipToContent": "Skip to main content",
  "nav.plans": "Plans",
  "nav.apiDocs": "API docs",
  "lang.switch": "Language",
  "lang.zh": "中文",
  "lang.en": "EN",

  "common.retry": "Retry",
  "common.cancel": "Cancel",
  "common.loading": "Loading…",
  "common.none": "—",
  "common.backToPlans": "Back to plans",
  "common.errorTitle": "Something went wrong",
  "common.networkError":
    "Cannot reach the server: {message}. Check that the PlanTrack server is running, then retry.",
  "common.errorCode": "Error code {code}",
  "errorCode.bad_input": "bad_input",
  "errorCode.unsupported_file": "unsupported_file",
  "errorCode.file_too_large": "file_too_large",
  "errorCode.empty_file": "empty_file",
  "errorCode.no_plan_content": "no_plan_content",
  "errorCode.not_found": "not_found",
  "errorCode.conflict": "conflict",
  "errorCode.implausible_value": "implausible_value",
  "errorCode.unauthenticated": "unauthenticated",
  "errorCode.totp_required": "totp_required",
  "errorCode.forbidden": "forbidden",
  "errorCode.csrf": "csrf",
  "errorCode.password_change_required": "password_change_required",
  "errorCode.locked": "locked",
  "errorCode.rate_limited": "rate_limited",
  "errorCode.not_installed": "not_installed",
  "errorCode.too_complex": "too_complex",
  "errorCode.busy": "busy",
  "errorCode.internal": "internal",
  "errorCode.network_error": "network_error",
  "errorCode.bad_response": "bad_response",
  "common.all": "All",

  "notFound.title": "Page not found",
  "notFound.body": "There is no page at {path}.",

  "planState.draft": "Draft",
  "planState.published": "Published",
  "planState.closed": "Closed",

  "itemCategory.land_parcel": "Land parcel",
  "itemCategory.project": "Project",
  "itemCategory.facility": "Facility",

  "assignment.assigned": "Assigned",
  "assignment.suggested": "Suggested",
  "assignment.unassigned": "Unassigned",

  "comparator.target": "Reach",
  "comparator.at_least": "At least",
  "comparator.at_most": "At most",
  "comparator.about": "About",
  "comparator.range": "Range",

  "direction.increase": "Increase",
  "direction.decrease": "Decrease",
  "direction.level": "Level",

  "kind.cumulative": "Cumulative",
  "kind.level": "Level",
  "kind.rate": "Rate",
  "attribute.binding": "Binding",
  "attribute.expected": "Expected",
  "attribute.none": "Not stated",
  "kind.milestone": "Milestone",

  "nav.admin": "Admin",
  "nav.admin.users": "Users",
  "nav.admin.departments": "Departments",
  "nav.admin.audit": "Audit log",
  "nav.public": "Public plans",

  "role.admin": "Administrator",
  "role.planner": "Planner",
  "role.reporter": "Reporter",
  "role.leader": "Leader",

  "user.menu": "Signed in as {name}",
  "user.account": "Account and security",
  "user.logout": "Sign out",
  "user.logoutAll": "Sign out everywhere",
  "user.logoutAllConfirm": "This signs you out in every browser and device, this one included. Continue?",
  "user.loggedOutAll": "Signed out everywhere",

  "common.copy": "Copy",
  "common.copied": "Copied",
  "common.save": "Save",
  "common.create": "Create",
  "common.edit": "Edit",
  "common.search": "Search",
  "common.reset": "Reset",
  "common.actions": "Actions",
  "common.yes": "Yes",
  "common.no": "No",
  "common.close": "Close",
  "common.print": "Print",
  "common.forbiddenTitle": "Not allowed",
  "common.forbiddenBody": "Your role ({role}) cannot use this page.",
  "common.signIn": "Sign in",

  // Navigation to running the plan (issue 5)
  "nav.desk": "My tasks",
  "nav.review": "Review",
  ...deskReviewEnUS,
  ...cockpitEnUS,
  ...documentsEnUS,
  ...editorPublicEnUS,
  ...planListEnUS,
  ...planEnUS,
  ...statusEnUS,
  ...loginAccountEnUS,
  ...adminEnUS,
  ...publicEnUS,
  ...deskEnUS,
  ...reviewEnUS,
  ...channelsEnUS,
  ...taskWorkEnUS,
  ...tasksEnUS,
  ...gridEnUS,
  ...plausibilityEnUS,
  ...fiveYearEnUS,
};

export type Vars = Record<string, string | number>;

/** Fills {name} placeholders; an unknown placeholder is left as written so it shows up in review. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}
