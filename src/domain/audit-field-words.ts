// The fields of the rows an audit entry keeps before and after a change, and their coded values, in
// words: 牵头单位 for lead_department_id, 已签收 for a task state acknowledged. A field is worded by its
// dotted path segment by segment (summary.targets → 概要·目标数); a segment without words makes the
// whole field “其他字段” rather than a code inside Chinese. Ids of departments and users are named by
// the caller (it has the database); everything else is worded here, purely.

import type { LocalText } from "./app-error.ts";
import type { AuditLang } from "./audit-words.ts";
import { periodWords } from "./reminder-text.ts";

const t = (zh: string, en: string): LocalText => ({ zh, en });

/** Field names as the snapshots of rows and the services' own records spell them. */
export const AUDIT_FIELD_WORDS: Record<string, LocalText> = {
  id: t("编号", "id"),
  code: t("代码", "code"),
  name: t("名称", "name"),
  title: t("标题", "title"),
  text: t("原文", "source text"),
  kind: t("类型", "kind"),
  level: t("层级", "level"),
  state: t("状态", "state"),
  value: t("值", "value"),
  value2: t("目标值上限", "upper value"),
  year: t("年度", "year"),
  ord: t("顺序", "order"),
  marker: t("序号", "number"),
  parent_id: t("上级", "parent"),
  created_at: t("创建时间", "created at"),
  updated_at: t("更新时间", "updated at"),
  created_by: t("创建人", "created by"),
  disabled: t("停用", "disabled"),
  full_name: t("全称", "full name"),
  short_name: t("简称", "short name"),
  region_id: t("地区", "region"),
  regionId: t("地区", "region"),
  plan_id: t("所属计划", "plan"),
  node_id: t("所属条目", "outline entry"),
  draft_id: t("草稿编号", "draft id"),
  span_start: t("原文起点", "source start"),
  span_end: t("原文终点", "source end"),
  // Targets
  subject: t("名称", "name"),
  unit: t("单位", "unit"),
  display_unit: t("显示单位", "display unit"),
  display: t("目标表述", "statement"),
  comparator: t("比较方式", "comparator"),
  direction: t("变化方向", "direction"),
  baseline: t("基期值", "baseline"),
  baseline_year: t("基期年份", "baseline year"),
  target_year: t("目标年份", "target year"),
  annual_growth: t("年均增长", "annual growth"),
  attribute: t("指标属性", "attribute"),
  statement: t("指标表述", "statement"),
  baselineYear: t("基期年份", "baseline year"),
  targetYear: t("目标年份", "target year"),
  annualGrowth: t("年均增长", "annual growth"),
  due_date: t("完成时限", "due date"),
  frequency: t("报送频率", "reporting frequency"),
  weight: t("权重", "weight"),
  confidence: t("识别置信度", "extraction confidence"),
  source: t("来源", "source"),
  lead_department_id: t("牵头单位", "lead department"),
  leadDepartmentId: t("牵头单位", "lead department"),
  co_department_ids: t("配合单位", "co-operating departments"),
  suggested_department: t("建议牵头单位", "suggested department"),
  suggested_department_id: t("建议牵头单位", "suggested department"),
  suggested_keyword: t("建议依据", "suggestion keyword"),
  stopped_at: t("中止时间", "stopped at"),
  stopped_reason: t("中止原因", "reason for stopping"),
  warnings: t("合理性提示", "plausibility warnings"),
  // Tasks
  deadline: t("完成时限", "deadline"),
  deadline_text: t("完成时限原文", "deadline as written"),
  original_deadline: t("原完成时限", "original deadline"),
  original_title: t("原标题", "original title"),
  done_criteria: t("完成标准", "completion criteria"),
  milestones: t("节点", "milestones"),
  milestone_id: t("节点", "milestone"),
  due: t("节点时间", "due"),
  doneOn: t("完成日期", "done on"),
  done_on: t("完成日期", "done on"),
  original_due: t("原节点时间", "original due"),
  done_report_id: t("完成依据报送", "report of completion"),
  assigned_at: t("交办时间", "assigned at"),
  acknowledged_at: t("签收时间", "acknowledged at"),
  close_requested_at: t("办结申请时间", "close requested at"),
  close_evidence: t("办结材料", "evidence of completion"),
  closed_at: t("办结时间", "closed at"),
  on: t("日期", "date"),
  tasks: t("任务", "tasks"),
  task: t("任务", "task"),
  adjustment: t("调整申请", "adjustment"),
  original: t("原内容", "original"),
  proposed: t("调整为", "proposed"),
  reason: t("理由", "reason"),
  opinion: t("审定意见", "opinion"),
  requested_at: t("申请时间", "requested at"),
  requested_by: t("申请人", "requested by"),
  decided_at: t("审定时间", "decided at"),
  decided_by: t("审定人", "decided by"),
  // Reports
  revision: t("修订版本", "revision"),
  period: t("期次", "period"),
  percent: t("完成进度", "percent done"),
  statusWord: t("进展状态", "progress word"),
  progress: t("进展情况", "progress"),
  problems: t("存在问题", "problems"),
  nextSteps: t("下步打算", "next steps"),
  returnReason: t("退回原因", "reason for return"),
  reportId: t("报送", "report"),
  revisionId: t("修订版本", "revision"),
  fileName: t("文件名", "file name"),
  file: t("文件", "file"),
  mediaType: t("文件类型", "file type"),
  byteSize: t("文件大小", "file size"),
  sha256: t("文件摘要", "file digest"),
  requestedDueDate: t("申请延至", "asked until"),
  note: t("意见", "note"),
  // Plans
  issuer: t("发文单位", "issuer"),
  period_start: t("规划期起", "period start"),
  period_end: t("规划期止", "period end"),
  periodStart: t("规划期起", "period start"),
  periodEnd: t("规划期止", "period end"),
  published_on: t("印发日期", "issued on"),
  publishedOn: t("印发日期", "issued on"),
  published_at: t("发布时间", "published at"),
  is_public: t("公开", "public"),
  settings: t("设置", "settings"),
  summary: t("概要", "summary"),
  sections: t("章节数", "sections"),
  areas: t("领域数", "areas"),
  groups: t("分组数", "groups"),
  items: t("项目", "projects"),
  targets: t("目标", "targets"),
  counts: t("数量", "counts"),
  copiedFrom: t("复制自", "copied from"),
  deleted: t("已删除", "deleted"),
  demo: t("演示数据", "demo data"),
  demoAsOf: t("演示日期", "demo date"),
  holidays: t("节假日", "holidays"),
  workdays: t("调休工作日", "extra workdays"),
  dueDay: t("报送截止日", "due day"),
  fingerprint: t("文件指纹", "file fingerprint"),
  rows: t("行", "rows"),
  row: t("行号", "row"),
  changes: t("修改", "changes"),
  revisions: t("修订数", "revisions"),
  keys: t("条目", "entries"),
  target_ids: t("目标", "targets"),
  item_ids: t("项目", "projects"),
  moved_to: t("移至", "moved to"),
  childTargetIds: t("分解目标", "sub-targets"),
  // Five-year plans (issue 17)
  startYear: t("规划期起始年", "first year"),
  endYear: t("规划期末年", "last year"),
  indicatorId: t("五年规划指标", "five-year indicator"),
  annualTargetId: t("年度目标", "annual target"),
  sourceNote: t("来源说明", "source note"),
  values: t("年度值", "yearly values"),
  targetId: t("指标", "indicator"),
  written: t("写入条数", "rows written"),
  indicatorLinks: t("五年规划指标关联数", "links to five-year indicators"),
  childTargetId: t("分解目标", "sub-target"),
  at: t("时间", "at"),
  planId: t("计划", "plan"),
  asOf: t("截至日期", "as of"),
  reports: t("报送数", "reports"),
  steps: t("步骤数", "steps"),
  // Users and sign-in
  username: t("用户名", "user name"),
  display_name: t("姓名", "name"),
  role: t("角色", "role"),
  department_id: t("部门", "department"),
  departmentId: t("部门", "department"),
  failed_attempts: t("连续失败次数", "failed attempts"),
  locked_until: t("锁定至", "locked until"),
  lockedUntil: t("锁定至", "locked until"),
  must_change_password: t("须修改密码", "must change password"),
  password_changed_at: t("密码修改时间", "password changed at"),
  last_login_at: t("最近登录时间", "last sign-in"),
  totp_enabled: t("双因素认证", "two-factor sign-in"),
  totp_last_step: t("双因素认证步数", "two-factor step"),
  totp_secret: t("双因素密钥", "two-factor secret"),
  password: t("密码", "password"),
  userAgent: t("浏览器", "browser"),
  sessions: t("会话数", "sessions"),
  purpose: t("用途", "purpose"),
  attempts: t("尝试次数", "attempts"),
  // Reminders, channels, the database
  message: t("内容", "message"),
  delivery: t("送达", "delivery"),
  error: t("错误", "error"),
  dueDate: t("截止日期", "due date"),
  rule: t("规则", "rule"),
  address: t("地址", "address"),
  label: t("名称", "label"),
  migrated: t("升级的版本", "migrations applied"),
  generated: t("已生成", "generated"),
};

/** Where one kind's field means something else than the same name elsewhere. */
const ENTITY_FIELD_WORDS: Record<string, Record<string, LocalText>> = {
  target: { subject: t("目标名称", "target"), value: t("目标值", "target value") },
  report: { subject: t("报送对象", "reported item"), value: t("本期值", "value") },
  setting: { value: t("设定值", "value") },
};

const UNKNOWN_FIELD = t("其他字段", "other field");
/** The whole record, when before or after is not an object (a list of planned values, a split). */
const WHOLE = t("内容", "content");

function segmentWords(segment: string, entity: string): LocalText | undefined {
  return ENTITY_FIELD_WORDS[entity]?.[segment] ?? AUDIT_FIELD_WORDS[segment];
}

export function fieldWords(path: string, entity: string, lang: AuditLang): string {
  if (path === "") return WHOLE[lang];
  const words: string[] = [];
  for (const [i, segment] of path.split(".").entries()) {
    // Only the first segment is the entity's own field; deeper ones are words of their own.
    const w = i === 0 ? segmentWords(segment, entity) : AUDIT_FIELD_WORDS[segment];
    if (!w) return UNKNOWN_FIELD[lang];
    words.push(w[lang]);
  }
  return words.join(lang === "zh" ? "·" : " › ");
}

/** The field names whose values are department ids, and those whose values are user ids. */
export const DEPARTMENT_FIELDS: ReadonlySet<string> = new Set([
  "lead_department_id",
  "leadDepartmentId",
  "co_department_ids",
  "suggested_department_id",
  "department_id",
  "departmentId",
]);
export const USER_FIELDS: ReadonlySet<string> = new Set(["requested_by", "decided_by", "created_by"]);
export const REGION_FIELDS: ReadonlySet<string> = new Set(["region_id", "regionId"]);

const FLAG_FIELDS = new Set([
  "disabled",
  "must_change_password",
  "totp_enabled",
  "is_public",
  "demo",
  "deleted",
  "generated",
]);

/** Coded values by field, and where a kind's states differ (a plan is 已关闭, a task 已办结). */
const VALUE_WORDS: Record<string, Record<string, LocalText>> = {
  role: {
    admin: t("管理员", "administrator"),
    planner: t("计划员", "planner"),
    leader: t("领导", "leader"),
    reporter: t("填报人", "reporter"),
  },
  comparator: {
    target: t("达到", "reach"),
    at_least: t("不低于", "at least"),
    at_most: t("不高于", "at most"),
    about: t("左右", "about"),
    range: t("区间", "range"),
  },
  direction: { increase: t("增长", "increase"), decrease: t("下降", "decrease"), level: t("持平", "level") },
  frequency: { monthly: t("按月", "monthly"), quarterly: t("按季", "quarterly") },
  source: {
    extracted: t("自动识别", "extracted"),
    manual: t("手工录入", "entered by hand"),
    statistics: t("统计数据", "statistics"),
    linked_report: t("年度计划报送", "an annual plan's report"),
  },
  attribute: { binding: t("约束性", "binding"), expected: t("预期性", "expected") },
  level: {
    reminder: t("催报提醒", "reminder"),
    yellow: t("黄牌警示", "yellow card"),
    red: t("红牌警示", "red card"),
  },
  delivery: {
    pending: t("待发送", "pending"),
    sent: t("已送达", "sent"),
    failed: t("发送失败", "failed"),
    none: t("无渠道", "no channel"),
  },
  reason: {
    unknown_user: t("用户不存在", "unknown user"),
    wrong_password: t("密码错误", "wrong password"),
    wrong_totp: t("动态码错误", "wrong one-time code"),
    disabled: t("账户已停用", "account disabled"),
    locked: t("账户已锁定", "account locked"),
  },
  password: { changed: t("已修改", "changed") },
  totp_secret: { changed: t("已修改", "changed") },
};

const KIND_WORDS: Record<string, Record<string, LocalText>> = {
  plan: { annual: t("年度计划", "annual plan"), five_year: t("五年规划", "five-year plan") },
  target: {
    cumulative: t("累计值", "cumulative"),
    level: t("水平值", "level"),
    rate: t("增速", "rate"),
    milestone: t("节点目标", "milestone"),
  },
  outline_node: {
    section: t("章", "section"),
    area: t("领域", "area"),
    group: t("分组", "group"),
    task: t("任务", "task"),
  },
  task_adjustment: {
    deadline: t("完成时限", "deadline"),
    milestone: t("节点", "milestone"),
    content: t("内容", "content"),
  },
  reminder_channel: {
    email: t("电子邮件", "e-mail"),
    wecom: t("企业微信", "WeCom"),
    dingtalk: t("钉钉", "DingTalk"),
    webhook: t("网络回调", "webhook"),
  },
};

const STATE_WORDS: Record<string, Record<string, LocalText>> = {
  plan: { draft: t("草稿", "draft"), published: t("已发布", "published"), closed: t("已关闭", "closed") },
  report: {
    draft: t("草稿", "draft"),
    submitted: t("待审", "submitted"),
    approved: t("已通过", "approved"),
    returned: t("已退回", "returned"),
  },
  task: {
    assigned: t("已交办", "assigned"),
    acknowledged: t("已签收", "acknowledged"),
    in_progress: t("推进中", "in progress"),
    close_requested: t("办结申请", "close requested"),
    closed: t("已办结", "closed"),
    stopped: t("已中止", "stopped"),
  },
  task_adjustment: {
    pending: t("待审定", "pending"),
    approved: t("已同意", "approved"),
    refused: t("不同意", "refused"),
  },
  extension_request: {
    pending: t("待审定", "pending"),
    granted: t("已同意", "granted"),
    refused: t("不同意", "refused"),
  },
};

/** A task adjustment's record nests the task and the adjustment: their states are their own. */
function stateKind(path: string, entity: string): string {
  const parent = path.split(".").slice(-2, -1)[0];
  if (parent === "task") return "task";
  if (parent === "adjustment") return "task_adjustment";
  return entity;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A stored UTC time as Beijing reads it (UTC+8, no daylight saving): the office's clock, not the server's. */
export function beijingTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 19).replace("T", " ");
}

export interface NameLookup {
  department: (id: number) => string | undefined;
  user: (id: number) => string | undefined;
  region: (id: number) => string | undefined;
}

const NO_NAMES: NameLookup = { department: () => undefined, user: () => undefined, region: () => undefined };

const EMPTY = t("（空）", "(empty)");
const YES = t("是", "yes");
const NO = t("否", "no");

function codedWords(field: string, path: string, entity: string, value: string): LocalText | undefined {
  if (field === "state") return STATE_WORDS[stateKind(path, entity)]?.[value];
  if (field === "kind") return KIND_WORDS[entity]?.[value];
  return VALUE_WORDS[field]?.[value];
}

/**
 * One value in words: coded values and flags worded, department and user ids named (an unknown id
 * as 编号 N), lists joined, records as 字段：值 pairs; text as written.
 */
export function valueWords(
  path: string,
  entity: string,
  value: unknown,
  lang: AuditLang,
  names: NameLookup = NO_NAMES,
): string {
  const field = path.split(".").at(-1) ?? "";
  if (value === null || value === undefined || value === "") return EMPTY[lang];
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY[lang];
    return value.map((v) => valueWords(path, entity, v, lang, names)).join(lang === "zh" ? "、" : ", ");
  }
  if (typeof value === "object") {
    const pairs = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) =>
        `${fieldWords(k, "", lang)}${lang === "zh" ? "：" : ": "}${valueWords(k, "", v, lang, names)}`,
    );
    return pairs.join(lang === "zh" ? "；" : "; ");
  }
  if (FLAG_FIELDS.has(field) && (value === 0 || value === 1 || typeof value === "boolean")) {
    return (value === 1 || value === true ? YES : NO)[lang];
  }
  if (typeof value === "number" && DEPARTMENT_FIELDS.has(field)) {
    return names.department(value) ?? (lang === "zh" ? `部门（编号 ${value}）` : `department ${value}`);
  }
  if (typeof value === "number" && REGION_FIELDS.has(field)) {
    return names.region(value) ?? (lang === "zh" ? `地区（编号 ${value}）` : `region ${value}`);
  }
  if (typeof value === "number" && USER_FIELDS.has(field)) {
    return names.user(value) ?? (lang === "zh" ? `用户（编号 ${value}）` : `user ${value}`);
  }
  if (typeof value === "string") {
    if (ISO_TIME.test(value)) return beijingTime(value).slice(0, 16);
    if (field === "period" && /^\d{4}-(Q[1-4]|\d{2})$/.test(value)) return periodWords(value, lang);
    return codedWords(field, path, entity, value)?.[lang] ?? value;
  }
  if (typeof value === "boolean") return (value ? YES : NO)[lang];
  return String(value);
}
