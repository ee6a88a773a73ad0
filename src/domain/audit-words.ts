// The audit log in words an auditor reads: every action code the product writes, the kinds of object
// it writes them about, in Chinese and English. The codes stay the record (they are hashed into the
// chain); these words are only how they are shown. A code without words here is shown with a generic
// wording in the reader's language, never as the raw code — audit-words.test.ts fails when a code
// written anywhere in src/ has no words, so the fallback is for rows of older releases.

import type { LocalText } from "./app-error.ts";

export type AuditLang = keyof LocalText;

/** Grouped as the filter shows them; within a group in the order things happen. */
export const AUDIT_ACTION_WORDS = {
  "auth.login": { zh: "登录", en: "Signed in" },
  "auth.login_failed": { zh: "登录失败", en: "Failed sign-in" },
  "auth.logout": { zh: "退出登录", en: "Signed out" },
  "auth.logout_all": { zh: "退出全部会话", en: "Signed out of every session" },
  "auth.password_change": { zh: "修改密码", en: "Changed the password" },
  "auth.password_check_failed": { zh: "密码核验失败", en: "Failed password check" },
  "auth.totp_setup": { zh: "设置双因素认证", en: "Set up two-factor sign-in" },
  "auth.totp_enable": { zh: "启用双因素认证", en: "Turned on two-factor sign-in" },
  "auth.totp_disable": { zh: "停用双因素认证", en: "Turned off two-factor sign-in" },

  "user.create": { zh: "新建用户", en: "Created a user" },
  "user.update": { zh: "修改用户", en: "Changed a user" },
  "user.reset_password": { zh: "重置用户密码", en: "Reset a user's password" },
  "department.create": { zh: "新建部门", en: "Created a department" },
  "department.update": { zh: "修改部门", en: "Changed a department" },
  "region.create": { zh: "新建地区", en: "Created a region" },
  "setting.set": { zh: "修改系统设置", en: "Changed a system setting" },
  "database.restore": { zh: "恢复数据库", en: "Restored the database" },
  "generate.province": { zh: "生成省级演示数据", en: "Generated a province's demo data" },

  "plan.import": { zh: "导入计划", en: "Imported a plan" },
  "plan.copy": { zh: "复制计划", en: "Copied a plan" },
  "plan.settings": { zh: "修改计划设置", en: "Changed a plan's settings" },
  "plan.publish": { zh: "发布计划", en: "Published a plan" },
  "plan.close": { zh: "关闭计划", en: "Closed a plan" },
  "plan.make_public": { zh: "公开计划", en: "Made a plan public" },
  "plan.make_private": { zh: "取消公开计划", en: "Made a plan private" },
  "plan.delete": { zh: "删除计划", en: "Deleted a plan" },
  "plan.set_kind": { zh: "设定规划类型", en: "Set a plan's kind" },
  "plan.breakdown_import": { zh: "导入任务分解表", en: "Imported a task breakdown" },
  "ledger.import": { zh: "导入台账", en: "Imported a ledger" },

  "node.create": { zh: "新增纲要条目", en: "Added an outline entry" },
  "node.update": { zh: "修改纲要条目", en: "Changed an outline entry" },
  "node.split": { zh: "拆分纲要条目", en: "Split an outline entry" },
  "node.merge": { zh: "合并纲要条目", en: "Merged outline entries" },
  "node.delete": { zh: "删除纲要条目", en: "Deleted an outline entry" },

  "target.create": { zh: "新增目标", en: "Added a target" },
  "target.update": { zh: "修改目标", en: "Changed a target" },
  "target.confirm_value": { zh: "确认目标值", en: "Confirmed a target value" },
  "target.planned": { zh: "设定分期计划值", en: "Set a target's planned values" },
  "target.split": { zh: "拆分目标", en: "Split a target" },
  "target.merge": { zh: "合并目标", en: "Merged targets" },
  "target.link": { zh: "关联分解目标", en: "Linked sub-targets" },
  "target.unlink": { zh: "取消关联分解目标", en: "Unlinked a sub-target" },
  "target.stop": { zh: "中止目标", en: "Stopped a target" },
  "target.delete": { zh: "删除目标", en: "Deleted a target" },
  "indicator.value": { zh: "填报指标年度值", en: "Entered an indicator's yearly value" },
  "indicator.value_from_report": {
    zh: "采用年度计划报送值作为指标年度值",
    en: "Took an indicator's yearly value from an annual report",
  },
  "indicator.import_values": { zh: "导入指标年度值", en: "Imported indicators' yearly values" },
  "indicator.link": { zh: "关联五年规划指标", en: "Linked a target to a five-year indicator" },
  "indicator.unlink": { zh: "取消关联五年规划指标", en: "Unlinked a target from a five-year indicator" },

  "task.update": { zh: "修改任务", en: "Changed a task" },
  "task.import": { zh: "导入任务要求", en: "Imported a task's details" },
  "task.assign": { zh: "交办任务", en: "Assigned tasks" },
  "task.acknowledge": { zh: "签收任务", en: "Acknowledged a task" },
  "task.report_progress": { zh: "报送任务进展", en: "Reported a task's progress" },
  "task.request_close": { zh: "申请办结", en: "Asked to close a task" },
  "task.close": { zh: "办结销号", en: "Closed a task" },
  "task.return_close": { zh: "退回办结申请", en: "Returned a request to close" },
  "task.stop": { zh: "中止任务", en: "Stopped a task" },
  "task.request_adjustment": { zh: "申请调整任务", en: "Asked to adjust a task" },
  "task.decide_adjustment": { zh: "审定任务调整", en: "Decided on a task adjustment" },
  "task.adjustment.request": { zh: "申请调整任务", en: "Asked to adjust a task" },
  "task.adjustment.approve": { zh: "同意任务调整", en: "Approved a task adjustment" },
  "task.adjustment.refuse": { zh: "不同意任务调整", en: "Refused a task adjustment" },

  "report.save": { zh: "保存报送草稿", en: "Saved a report draft" },
  "report.submit": { zh: "提交报送", en: "Submitted a report" },
  "report.approve": { zh: "审核通过报送", en: "Approved a report" },
  "report.return": { zh: "退回报送", en: "Returned a report" },
  "attachment.add": { zh: "上传附件", en: "Added an attachment" },
  "extension.request": { zh: "申请延期报送", en: "Asked for more time" },
  "extension.grant": { zh: "同意延期", en: "Granted more time" },
  "extension.refuse": { zh: "不同意延期", en: "Refused more time" },

  "reminder.send": { zh: "发送催报", en: "Sent a reminder" },
  "reminder.schedule": { zh: "定时催报", en: "Sent a scheduled reminder" },
  "reminder.delivery": { zh: "记录催报送达", en: "Recorded a reminder's delivery" },
  "reminder.read": { zh: "阅读催报", en: "Read a reminder" },
  "channel.create": { zh: "新增催报渠道", en: "Added a reminder channel" },
  "channel.delete": { zh: "删除催报渠道", en: "Removed a reminder channel" },
} as const satisfies Record<string, LocalText>;

export type AuditActionCode = keyof typeof AUDIT_ACTION_WORDS;

/** The object kinds audit rows are about (audit_log.entity), and the kinds a report is for. */
export const AUDIT_ENTITY_WORDS = {
  session: { zh: "会话", en: "session" },
  user: { zh: "用户", en: "user" },
  department: { zh: "部门", en: "department" },
  region: { zh: "地区", en: "region" },
  setting: { zh: "系统设置", en: "setting" },
  database: { zh: "数据库", en: "database" },
  plan: { zh: "计划", en: "plan" },
  outline_node: { zh: "纲要条目", en: "outline entry" },
  target: { zh: "目标", en: "target" },
  task: { zh: "任务", en: "task" },
  item: { zh: "项目", en: "project" },
  task_adjustment: { zh: "任务调整申请", en: "task adjustment" },
  report: { zh: "报送", en: "report" },
  attachment: { zh: "附件", en: "attachment" },
  extension_request: { zh: "延期申请", en: "extension request" },
  reminder: { zh: "催报", en: "reminder" },
  reminder_channel: { zh: "催报渠道", en: "reminder channel" },
} as const satisfies Record<string, LocalText>;

export type AuditEntityKind = keyof typeof AUDIT_ENTITY_WORDS;

/** The settings the product sets (app_settings keys), named as the setting's object. */
export const AUDIT_SETTING_WORDS: Record<string, LocalText> = {
  "demo.seeded": { zh: "演示数据载入", en: "demo data loaded" },
  "demo.reports": { zh: "演示报送生成", en: "demo reports made" },
  "demo.five_year": { zh: "演示五年规划生成", en: "demo five-year plan made" },
};

const UNKNOWN_ACTION: LocalText = { zh: "其他操作", en: "Other action" };
const UNKNOWN_ENTITY: LocalText = { zh: "其他对象", en: "other object" };

function has<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

export function isWordedAction(code: string): code is AuditActionCode {
  return has(AUDIT_ACTION_WORDS, code);
}

/** The action in the reader's language; a code of an older release gets the generic words. */
export function actionWords(code: string, lang: AuditLang): string {
  return (isWordedAction(code) ? AUDIT_ACTION_WORDS[code] : UNKNOWN_ACTION)[lang];
}

export function entityWords(kind: string, lang: AuditLang): string {
  return (has(AUDIT_ENTITY_WORDS, kind) ? AUDIT_ENTITY_WORDS[kind] : UNKNOWN_ENTITY)[lang];
}

/** A setting by its key; a key without words is “系统设置” in Chinese rather than the key. */
export function settingWords(key: string, lang: AuditLang): string {
  const words = Object.hasOwn(AUDIT_SETTING_WORDS, key) ? AUDIT_SETTING_WORDS[key] : undefined;
  return words ? words[lang] : lang === "zh" ? AUDIT_ENTITY_WORDS.setting.zh : key;
}

/**
 * The options of the action filter, in the table's order: codes that read the same (the task step
 * task.request_adjustment and the row task.adjustment.request) are one option, filtering by both.
 */
export function auditActionOptions(lang: AuditLang): { codes: AuditActionCode[]; text: string }[] {
  const byText = new Map<string, AuditActionCode[]>();
  for (const code of Object.keys(AUDIT_ACTION_WORDS) as AuditActionCode[]) {
    const text = AUDIT_ACTION_WORDS[code][lang];
    byText.set(text, [...(byText.get(text) ?? []), code]);
  }
  return [...byText].map(([text, codes]) => ({ codes, text }));
}
