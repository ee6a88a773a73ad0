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
