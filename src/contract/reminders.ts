// Due lists and reminders (催报). Part of the API contract: pure types shared by the server, the CLI and the web app.

import type { DepartmentRef, UserRef } from "./common.ts";
import type { ExtensionRequestView, PeriodView, ReportState, ReportSubjectRef } from "./reports.ts";

/** One report a department owes. */
export interface DueItem {
  planId: number;
  planTitle: string;
  subject: ReportSubjectRef;
  department: DepartmentRef | null;
  period: PeriodView;
  /** Due date in force (extension included). */
  dueDate: string;
  /** due: not yet past the due date; overdue: past it and not submitted; returned: sent back to correct. */
  state: "due" | "overdue" | "returned" | "draft";
  daysLeft: number;
  report: { id: number; state: ReportState; revision: number } | null;
  extension: ExtensionRequestView | null;
}

export interface ReminderView {
  id: number;
  planId: number;
  department: DepartmentRef;
  message: string;
  sentBy: UserRef | null;
  sentAt: string;
  readAt: string | null;
  /** in_app; the webhook's outcome when one is configured. */
  delivery: "in_app" | "webhook_sent" | "webhook_failed";
  deliveryError: string | null;
}

/** GET /api/me/due (reporters; others get empty lists). */
export interface MyDueView {
  asOf: string;
  department: DepartmentRef | null;
  items: DueItem[];
  reminders: ReminderView[];
  extensions: ExtensionRequestView[];
}

/** GET /api/plans/:id/due?asOf= (planners, leaders): by department, overdue first. */
export interface PlanDueView {
  planId: number;
  asOf: string;
  departments: Array<{
    department: DepartmentRef | null;
    due: number;
    overdue: number;
    items: DueItem[];
    lastReminderAt: string | null;
  }>;
}

/** POST /api/plans/:id/reminders (催报, planners) → ReminderView; GET → { reminders: ReminderView[] }. */
export interface ReminderRequest {
  departmentId: number;
  /** Default: a message listing what is overdue. */
  message?: string;
}

// ── Channels, deliveries and the ladder (issue 14) ──
// GET/POST /api/plans/:id/channels · DELETE /api/plans/:id/channels/:channelId ·
// POST /api/plans/:id/channels/:channelId/test · GET /api/plans/:id/deliveries ·
// GET/PUT /api/plans/:id/reminder-settings.

export type ChannelKind = "email" | "wecom" | "dingtalk" | "webhook";

export interface ChannelView {
  id: number;
  /** null: the department's channel in every plan. */
  planId: number | null;
  /** null: the plan's own channel (the office's or the leaders' group) — it gets 红牌. */
  department: DepartmentRef | null;
  kind: ChannelKind;
  address: string;
  /** The 钉钉 secret is never sent back; only whether there is one. */
  hasSecret: boolean;
  label: string | null;
  enabled: boolean;
  createdAt: string;
}

export interface CreateChannelRequest {
  departmentId: number | null;
  /** true: for this plan only; false: the department's channel in every plan. */
  thisPlanOnly: boolean;
  kind: ChannelKind;
  address: string;
  secret: string | null;
  label: string | null;
}

export interface DeliveryView {
  id: number;
  reminderId: number;
  department: DepartmentRef | null;
  level: "reminder" | "yellow" | "red";
  kind: ChannelKind;
  address: string;
  state: "pending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** 自动催报: when the server reminds by itself (all day counts in calendar days). */
export interface ReminderSettingsView {
  enabled: boolean;
  daysBefore: number | null;
  onDay: boolean;
  daysAfter: number | null;
  yellowAfterDays: number | null;
  redAfterDays: number | null;
}
