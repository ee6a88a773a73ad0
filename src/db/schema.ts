// The tables as Kysely sees them. Types are portable between SQLite and PostgreSQL: dates and times are
// ISO strings, flags are integers 0/1, JSON is text, ids are integers the database assigns.

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** A column the database fills on insert (an id) or the application fills once (created_at). */
type Id = Generated<number>;
/** 0 or 1: SQLite has no boolean, and one representation keeps the query layer dialect-free. */
type Flag = ColumnType<number, number | undefined, number>;
/** A column with a database default: optional on insert. */
type WithDefault<T> = ColumnType<T, T | undefined, T>;

export interface AppSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface RegionsTable {
  id: Id;
  name: string;
  /** GB/T 2260 administrative code, e.g. 120104. */
  code: string | null;
  parent_id: number | null;
  /** province | city | county | other */
  level: string | null;
  created_at: string;
}

export interface DepartmentsTable {
  id: Id;
  region_id: number;
  /** The name as plans write it: 区人社局. */
  name: string;
  short_name: string | null;
  full_name: string | null;
  ord: WithDefault<number>;
  disabled: Flag;
  created_at: string;
}

export interface PlansTable {
  id: Id;
  region_id: number | null;
  title: string;
  year: number | null;
  period_start: string;
  period_end: string;
  issuer: string | null;
  published_on: string | null;
  state: WithDefault<"draft" | "published" | "closed">;
  is_public: Flag;
  /** JSON object: thresholds and other per-plan settings (monitoring.md). */
  settings: WithDefault<string>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  closed_at: string | null;
  /** annual (年度计划) or five_year (五年规划纲要, migration 0013); the period is period_start…period_end. */
  kind: WithDefault<"annual" | "five_year">;
}

export interface PlanSourcesTable {
  id: Id;
  plan_id: number;
  file_name: string;
  /** txt | html | docx */
  media_type: string;
  encoding: string;
  /** Of the file's bytes. */
  sha256: string;
  /** Of the decoded text: the same document saved in another encoding has the same text hash. */
  text_sha256: string;
  byte_size: number;
  text: string;
  created_at: string;
}

export interface OutlineNodesTable {
  id: Id;
  plan_id: number;
  parent_id: number | null;
  kind: "section" | "area" | "group" | "task";
  level: number;
  /** Position in document order within the plan. */
  ord: number;
  marker: string;
  title: string;
  text: string;
  span_start: number;
  span_end: number;
  lead_department_id: number | null;
  suggested_department: string | null;
  suggested_keyword: string | null;
  suggested_department_id: number | null;
  /** The extractor's id of the heading or task, for tracing a row back to the draft. */
  draft_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface NodeDepartmentsTable {
  node_id: number;
  department_id: number;
}

export interface TargetsTable {
  id: Id;
  plan_id: number;
  node_id: number | null;
  ord: number;
  subject: string;
  value: number | null;
  value2: number | null;
  unit: string;
  display_unit: string;
  display: string;
  comparator: "target" | "at_least" | "at_most" | "about" | "range";
  direction: "increase" | "decrease" | "level";
  kind: "cumulative" | "level" | "rate" | "milestone";
  baseline: number | null;
  /** Null: the end of the plan period. */
  due_date: string | null;
  frequency: WithDefault<"monthly" | "quarterly">;
  weight: WithDefault<number>;
  span_start: number;
  span_end: number;
  confidence: number | null;
  source: "extracted" | "manual";
  lead_department_id: number | null;
  suggested_department: string | null;
  suggested_keyword: string | null;
  suggested_department_id: number | null;
  draft_id: string | null;
  created_at: string;
  updated_at: string;
  /** 中止 in a published plan (migration 0010): when and why; null while it runs. */
  stopped_at: string | null;
  stopped_reason: string | null;
  /** 约束性 / 预期性 (migration 0012); null where the plan does not say. */
  attribute: "binding" | "expected" | null;
  baseline_year: number | null;
  target_year: number | null;
  /** An indicator table's 年均增长, in its own unit (%). */
  annual_growth: number | null;
  /** The plan's clause stating the target (新增就业4万人); null where none is its own. */
  statement: string | null;
}

export interface TargetDepartmentsTable {
  target_id: number;
  department_id: number;
}

export interface ItemsTable {
  id: Id;
  plan_id: number;
  node_id: number | null;
  ord: number;
  name: string;
  category: "land_parcel" | "project" | "facility";
  span_start: number;
  span_end: number;
  lead_department_id: number | null;
  due_date: string | null;
  draft_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface TargetPeriodPlansTable {
  id: Id;
  target_id: number;
  /** 2020-03 for a month, 2020-Q1 for a quarter. */
  period: string;
  period_end: string;
  planned_value: number;
  created_at: string;
  updated_at: string;
}

export type ReportSubject = "target" | "task" | "item";
export type ReportState = "draft" | "submitted" | "approved" | "returned";

export interface ReportsTable {
  id: Id;
  plan_id: number;
  subject_type: ReportSubject;
  /** target:12, task:34, item:5 — one key for the unique (subject, period) constraint. */
  subject_key: string;
  target_id: number | null;
  node_id: number | null;
  item_id: number | null;
  department_id: number | null;
  period: string;
  period_end: string;
  due_date: string;
  /** The newest revision number; the rows themselves are in report_revisions. */
  current_revision: WithDefault<number>;
  state: WithDefault<ReportState>;
  created_at: string;
  updated_at: string;
}

export interface ReportRevisionsTable {
  id: Id;
  report_id: number;
  revision: number;
  value: number | null;
  percent: number | null;
  /** 未启动 | 推进中 | 已完成 | 受阻, for tasks. */
  status_word: string | null;
  progress: string | null;
  problems: string | null;
  next_steps: string | null;
  state: ReportState;
  return_reason: string | null;
  author_id: number | null;
  created_at: string;
  /**
   * The plausibility warnings the author confirmed, with the reason (migration 0011): JSON
   * [{ rule, numbers, message: { zh, en }, reason }], null when there were none.
   */
  warnings: ColumnType<string | null, string | null | undefined, never>;
}

export interface AttachmentsTable {
  id: Id;
  report_id: number;
  revision_id: number | null;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  /** Where the bytes are kept: "db" — in `content` (migration 0004). */
  storage_key: string;
  content: Uint8Array | null;
  uploaded_by: number | null;
  created_at: string;
}

/** A city target rolls up the district targets linked to it (migration 0004). */
export interface TargetLinksTable {
  id: Id;
  parent_target_id: number;
  /** Unique: a district target feeds one city target. */
  child_target_id: number;
  created_by: number | null;
  created_at: string;
}

/** A five-year indicator's value for a year (migration 0013): append-only, the latest row of a year counts. */
export interface IndicatorValuesTable {
  id: Id;
  target_id: number;
  year: number;
  value: number;
  source: "statistics" | "linked_report";
  source_note: WithDefault<string>;
  /** linked_report: the annual target's report it was taken from. */
  report_id: number | null;
  entered_by: number | null;
  entered_at: string;
}

/** An annual plan's target serving a five-year indicator (migration 0013). */
export interface IndicatorLinksTable {
  id: Id;
  indicator_target_id: number;
  /** Unique: an annual target serves one indicator. */
  annual_target_id: number;
  created_by: number | null;
  created_at: string;
}

export interface RemindersTable {
  id: Id;
  plan_id: number;
  department_id: number;
  report_id: number | null;
  target_id: number | null;
  period: string | null;
  message: string;
  channel: WithDefault<string>;
  sent_by: number | null;
  sent_at: string;
  read_at: string | null;
  /** in_app, webhook_sent or webhook_failed (migration 0003). */
  delivery: WithDefault<string>;
  delivery_error: string | null;
  /** reminder | yellow (黄牌) | red (红牌) — the escalation ladder (migration 0009). */
  level: WithDefault<ReminderLevel>;
}

export type ReminderLevel = "reminder" | "yellow" | "red";
export type ChannelKind = "email" | "wecom" | "dingtalk" | "webhook";

/** Where a department's or a plan's reminders go out (migration 0009). */
export interface ReminderChannelsTable {
  id: Id;
  plan_id: number | null;
  department_id: number | null;
  kind: ChannelKind;
  address: string;
  secret: string | null;
  label: string | null;
  enabled: WithDefault<number>;
  created_by: number | null;
  created_at: string;
}

/** One reminder on one channel: attempts, the last error, and when to try again. */
export interface ReminderDeliveriesTable {
  id: Id;
  reminder_id: number;
  channel_id: number | null;
  kind: ChannelKind;
  address: string;
  state: "pending" | "sent" | "failed";
  attempts: WithDefault<number>;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
  created_at: string;
}

export interface SchedulerLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface ScheduledRemindersTable {
  id: Id;
  plan_id: number;
  department_id: number;
  due_date: string;
  rule: string;
  reminder_id: number | null;
  created_at: string;
}

export interface ExtensionRequestsTable {
  id: Id;
  plan_id: number;
  department_id: number;
  report_id: number | null;
  target_id: number | null;
  /** A task's or an item's request (migration 0003). */
  node_id: number | null;
  item_id: number | null;
  period: string | null;
  reason: string;
  requested_due_date: string;
  state: WithDefault<"pending" | "granted" | "refused">;
  requested_by: number | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
}

export type UserRole = "admin" | "planner" | "reporter" | "leader";

export interface UsersTable {
  id: Id;
  username: string;
  display_name: string | null;
  password_hash: string;
  role: UserRole;
  department_id: number | null;
  region_id: number | null;
  disabled: Flag;
  must_change_password: Flag;
  failed_attempts: WithDefault<number>;
  locked_until: string | null;
  /** Base32; set by setup, in use only once totp_enabled (0002-auth). */
  totp_secret: string | null;
  totp_enabled: Flag;
  /** The 30-second step of the last accepted code: a code is not accepted twice. */
  totp_last_step: number | null;
  password_changed_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the session token: a stolen database yields no usable session. */
  id: string;
  user_id: number;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Id;
  at: string;
  user_id: number | null;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** The plan the change belongs to, for a plan's history. */
  plan_id: number | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
  /** Migration 0006: the id of the key the row is HMAC-SM3-chained under; null for older, unkeyed rows. */
  chain_key: string | null;
  /** The report revision the row records, and the SM3 digest of its stored columns. */
  revision_id: number | null;
  revision_digest: string | null;
}

/** What the office supervises about a task node (migration 0007); no row: nothing set yet. */
export interface TasksTable {
  node_id: number;
  plan_id: number;
  state: WithDefault<"assigned" | "acknowledged" | "in_progress" | "close_requested" | "closed" | "stopped">;
  deadline: string | null;
  deadline_text: string | null;
  original_deadline: string | null;
  original_title: string | null;
  done_criteria: string | null;
  frequency: "monthly" | "quarterly" | null;
  weight: WithDefault<number>;
  assigned_at: string | null;
  acknowledged_at: string | null;
  close_requested_at: string | null;
  close_evidence: string | null;
  closed_at: string | null;
  stopped_at: string | null;
  stopped_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** A task's 节点 (migration 0007). */
export interface TaskMilestonesTable {
  id: Id;
  node_id: number;
  ord: number;
  name: string;
  due: string;
  original_due: string | null;
  done_on: string | null;
  done_report_id: number | null;
  created_at: string;
  updated_at: string;
}

/** An 调整申请 and its decision (migration 0007). */
export interface TaskAdjustmentsTable {
  id: Id;
  node_id: number;
  plan_id: number;
  kind: "deadline" | "milestone" | "content";
  milestone_id: number | null;
  original: string | null;
  proposed: string;
  reason: string;
  state: WithDefault<"pending" | "approved" | "refused">;
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  opinion: string | null;
}

/** One step of a task's life (migration 0007). */
export interface TaskEventsTable {
  id: Id;
  node_id: number;
  plan_id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  at: string;
  by_user: number | null;
  summary_zh: string;
  summary_en: string;
}

export interface Database {
  app_settings: AppSettingsTable;
  regions: RegionsTable;
  departments: DepartmentsTable;
  plans: PlansTable;
  plan_sources: PlanSourcesTable;
  outline_nodes: OutlineNodesTable;
  node_departments: NodeDepartmentsTable;
  targets: TargetsTable;
  target_departments: TargetDepartmentsTable;
  items: ItemsTable;
  target_period_plans: TargetPeriodPlansTable;
  reports: ReportsTable;
  report_revisions: ReportRevisionsTable;
  attachments: AttachmentsTable;
  target_links: TargetLinksTable;
  indicator_values: IndicatorValuesTable;
  indicator_links: IndicatorLinksTable;
  reminders: RemindersTable;
  reminder_channels: ReminderChannelsTable;
  reminder_deliveries: ReminderDeliveriesTable;
  scheduler_leases: SchedulerLeasesTable;
  scheduled_reminders: ScheduledRemindersTable;
  extension_requests: ExtensionRequestsTable;
  tasks: TasksTable;
  task_milestones: TaskMilestonesTable;
  task_adjustments: TaskAdjustmentsTable;
  task_events: TaskEventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

export type PlanRow = Selectable<PlansTable>;
export type NewPlanRow = Insertable<PlansTable>;
export type OutlineNodeRow = Selectable<OutlineNodesTable>;
export type TargetRow = Selectable<TargetsTable>;
export type TargetUpdate = Updateable<TargetsTable>;
export type ItemRow = Selectable<ItemsTable>;
export type RegionRow = Selectable<RegionsTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
