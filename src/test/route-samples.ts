// One sample request for every row of ROUTE_ACCESS, over the matrix world (src/test/matrix-world.ts).
// The access matrix (src/http/access-matrix.test.ts) sends each as every persona; the null test
// (src/http/null-bodies.test.ts) starts from them. A sample is written for who may or may not call the
// route, so the allowed may get 409 or 400 (the comments say where), not always 2xx.

import type { InjectOptions } from "fastify";
import type { Persona } from "./access-fixture.ts";
import { TEST_PASSWORD } from "./auth-helpers.ts";
import type { MatrixWorld } from "./matrix-world.ts";
import { multipartBody } from "./multipart.ts";
import { FIXTURE_TEXT } from "./plan-draft-fixture.ts";

export interface Sample {
  request: (w: MatrixWorld) => InjectOptions;
  /** Where the route narrows its rule further (import: the plan's region must be the planner's). */
  except?: Partial<Record<Persona, boolean>>;
}

export const SAMPLES: Record<string, Sample> = {
  "GET /api/health": { request: () => ({ method: "GET", url: "/api/health" }) },
  "GET /api/health/live": { request: () => ({ method: "GET", url: "/api/health/live" }) },
  "GET /api/health/ready": { request: () => ({ method: "GET", url: "/api/health/ready" }) },
  "GET /metrics": { request: () => ({ method: "GET", url: "/metrics" }) },
  "GET /api/public/plans": { request: () => ({ method: "GET", url: "/api/public/plans" }) },
  "GET /api/public/plans/:id": { request: (w) => ({ method: "GET", url: `/api/public/plans/${w.planId}` }) },
  "POST /api/auth/login": {
    request: (w) => ({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: w.usernames.leader, password: TEST_PASSWORD },
    }),
  },
  "POST /api/auth/logout": { request: () => ({ method: "POST", url: "/api/auth/logout" }) },
  "POST /api/auth/logout-all": { request: () => ({ method: "POST", url: "/api/auth/logout-all" }) },
  "GET /api/auth/me": { request: () => ({ method: "GET", url: "/api/auth/me" }) },
  "POST /api/auth/password": {
    request: () => ({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "Changed-Secret-77" },
    }),
  },
  "POST /api/auth/totp/setup": { request: () => ({ method: "POST", url: "/api/auth/totp/setup" }) },
  "POST /api/auth/totp/enable": {
    request: () => ({ method: "POST", url: "/api/auth/totp/enable", payload: { code: "123456" } }),
  },
  "POST /api/auth/totp/disable": {
    request: () => ({ method: "POST", url: "/api/auth/totp/disable", payload: { code: "123456" } }),
  },
  "GET /api/plans": { request: () => ({ method: "GET", url: "/api/plans" }) },
  "GET /api/plans/:id": { request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}` }) },
  "GET /api/plans/:id/source": { request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/source` }) },
  "POST /api/plans/import": {
    request: () => ({
      method: "POST",
      url: "/api/plans/import",
      ...multipartBody({ region: "120104", force: "true" }, [
        { name: "file", fileName: "plan.txt", content: new TextEncoder().encode(FIXTURE_TEXT) },
      ]),
    }),
    except: { planner_other_region: false },
  },
  "POST /api/plans/:id/publish": {
    request: (w) => ({ method: "POST", url: `/api/plans/${w.planId}/publish` }),
  },
  "POST /api/plans/:id/public": {
    request: (w) => ({ method: "POST", url: `/api/plans/${w.planId}/public`, payload: { public: true } }),
  },
  "POST /api/plans/:id/targets": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/targets`,
      payload: { start: 0, end: 8 },
    }),
  },
  "PATCH /api/plans/:id/targets": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/plans/${w.planId}/targets`,
      payload: { changes: [{ id: w.targetIds[0], patch: { weight: 2 } }] },
    }),
  },
  "PATCH /api/targets/:id": {
    request: (w) => ({ method: "PATCH", url: `/api/targets/${w.targetIds[0]}`, payload: { weight: 2 } }),
  },
  "POST /api/targets/:id/split": {
    request: (w) => ({ method: "POST", url: `/api/targets/${w.targetIds[0]}/split`, payload: { at: 1 } }),
  },
  "POST /api/targets/merge": {
    request: (w) => ({
      method: "POST",
      url: "/api/targets/merge",
      payload: { ids: w.targetIds.slice(0, 2) },
    }),
  },
  "PATCH /api/nodes/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/nodes/${w.taskNodeId}`,
      payload: { title: "改过的标题" },
    }),
  },
  // The plan is published: the allowed get 409 (published_stop_instead, not_draft), not a denial.
  "DELETE /api/plans/:id": { request: (w) => ({ method: "DELETE", url: `/api/plans/${w.planId}` }) },
  // The first allowed persona archives the plan; the later ones get 409 (already archived).
  "POST /api/plans/:id/archive": {
    request: (w) => ({ method: "POST", url: `/api/plans/${w.planId}/archive` }),
  },
  // The first allowed persona adds the task; the later ones get 409 (overlaps_task).
  "POST /api/plans/:id/tasks": {
    request: (w) => ({ method: "POST", url: `/api/plans/${w.planId}/tasks`, payload: { start: 0, end: 8 } }),
  },
  "POST /api/nodes/:id/split": {
    request: (w) => ({ method: "POST", url: `/api/nodes/${w.taskNodeId}/split`, payload: { at: 1 } }),
  },
  "POST /api/nodes/merge": {
    request: (w) => ({
      method: "POST",
      url: "/api/nodes/merge",
      payload: { ids: [w.taskNodeId, w.taskNodeId + 1] },
    }),
  },
  "DELETE /api/nodes/:id": { request: (w) => ({ method: "DELETE", url: `/api/nodes/${w.taskNodeId}` }) },
  "DELETE /api/targets/:id": {
    request: (w) => ({ method: "DELETE", url: `/api/targets/${w.targetIds[0]}` }),
  },
  // The first allowed persona stops the target; the later ones get 409 (already_stopped).
  "POST /api/targets/:id/stop": {
    request: (w) => ({
      method: "POST",
      url: `/api/targets/${w.targetIds[0]}/stop`,
      payload: { reason: "不再考核" },
    }),
  },
  // Tasks (issue 13): the lifecycle narrows the "read" rows — the lead department's reporter takes its
  // steps, the planning office (planners, admins) its own; the others are refused by rule (403).
  "GET /api/plans/:id/tasks": { request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/tasks` }) },
  "PATCH /api/plans/:id/tasks": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/plans/${w.planId}/tasks`,
      payload: { changes: [{ id: w.leadTaskId, patch: { weight: 2 } }] },
    }),
  },
  "GET /api/plans/:id/adjustments": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/adjustments` }),
  },
  "GET /api/tasks/:id": { request: (w) => ({ method: "GET", url: `/api/tasks/${w.leadTaskId}` }) },
  "PATCH /api/tasks/:id": {
    request: (w) => ({ method: "PATCH", url: `/api/tasks/${w.leadTaskId}`, payload: { weight: 2 } }),
  },
  "POST /api/tasks/:id/acknowledge": {
    request: (w) => ({ method: "POST", url: `/api/tasks/${w.leadTaskId}/acknowledge` }),
    except: { admin: false, planner: false, leader: false },
  },
  // Not acknowledged yet: the lead reporter gets 409 (the state), not a denial.
  "POST /api/tasks/:id/progress": {
    request: (w) => ({
      method: "POST",
      url: `/api/tasks/${w.leadTaskId}/progress`,
      payload: { period: "2020-06", progress: "进展" },
    }),
    except: { admin: false, planner: false, leader: false },
  },
  "POST /api/tasks/:id/close-request": {
    request: (w) => ({
      method: "POST",
      url: `/api/tasks/${w.leadTaskId}/close-request`,
      payload: { evidence: "已完成" },
    }),
    except: { admin: false, planner: false, leader: false },
  },
  "POST /api/tasks/:id/adjust-request": {
    request: (w) => ({
      method: "POST",
      url: `/api/tasks/${w.leadTaskId}/adjust-request`,
      payload: { kind: "deadline", proposedDue: "2020-10-31", reason: "调整" },
    }),
    except: { leader: false },
  },
  "POST /api/tasks/:id/close": {
    request: (w) => ({ method: "POST", url: `/api/tasks/${w.leadTaskId}/close`, payload: {} }),
    except: { reporter: false, leader: false },
  },
  "POST /api/tasks/:id/close-return": {
    request: (w) => ({
      method: "POST",
      url: `/api/tasks/${w.leadTaskId}/close-return`,
      payload: { reason: "材料不全" },
    }),
    except: { reporter: false, leader: false },
  },
  "POST /api/tasks/:id/stop": {
    request: (w) => ({
      method: "POST",
      url: `/api/tasks/${w.leadTaskId}/stop`,
      payload: { reason: "政策调整" },
    }),
    except: { reporter: false, leader: false },
  },
  "POST /api/adjustments/:id/decision": {
    request: (w) => ({
      method: "POST",
      url: `/api/adjustments/${w.adjustmentId}/decision`,
      payload: { decision: "refused", opinion: "不同意" },
    }),
    except: { reporter: false, leader: false },
  },
  "GET /api/plans/:id/settings": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/settings` }),
  },
  "PUT /api/plans/:id/settings": {
    request: (w) => ({ method: "PUT", url: `/api/plans/${w.planId}/settings`, payload: { dueDay: 6 } }),
  },
  "GET /api/targets/:id/planned": {
    request: (w) => ({ method: "GET", url: `/api/targets/${w.jobsTargetId}/planned` }),
  },
  "PUT /api/targets/:id/planned": {
    request: (w) => ({
      method: "PUT",
      url: `/api/targets/${w.jobsTargetId}/planned`,
      payload: { values: [{ period: "2020-06", value: 20000 }] },
    }),
  },
  "GET /api/plans/:id/reports": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/reports` }),
  },
  "GET /api/targets/:id/reports": {
    request: (w) => ({ method: "GET", url: `/api/targets/${w.jobsTargetId}/reports` }),
  },
  // 区教育局's reporter reads the plan but not 区人社局's report (src/services/report-visibility.ts).
  "GET /api/reports/:id": {
    request: (w) => ({ method: "GET", url: `/api/reports/${w.reportId}` }),
    except: { reporter_same_region: false },
  },
  // Leaders read only; the first allowed save creates the report, the later ones get 409 (not a denial).
  "PUT /api/targets/:id/reports/:period": {
    request: (w) => ({
      method: "PUT",
      url: `/api/targets/${w.jobsTargetId}/reports/2020-06`,
      payload: { baseRevision: null, value: 20000, progress: "进展", problems: "", nextSteps: "" },
    }),
    except: { leader: false, reporter_same_region: false },
  },
  // The task and the item have no department: only planners and admins may report for them.
  "PUT /api/nodes/:id/reports/:period": {
    request: (w) => ({
      method: "PUT",
      url: `/api/nodes/${w.taskNodeId}/reports/2020-06`,
      payload: { baseRevision: null, statusWord: "推进中", progress: "进展", problems: "", nextSteps: "" },
    }),
    except: { leader: false, reporter: false, reporter_same_region: false },
  },
  "PUT /api/items/:id/reports/:period": {
    request: (w) => ({
      method: "PUT",
      url: `/api/items/${w.itemId}/reports/2020-06`,
      payload: { baseRevision: null, percent: 30, progress: "进展", problems: "", nextSteps: "" },
    }),
    except: { leader: false, reporter: false, reporter_same_region: false },
  },
  "POST /api/reports/:id/review": {
    request: (w) => ({
      method: "POST",
      url: `/api/reports/${w.reportId}/review`,
      payload: { action: "approve" },
    }),
  },
  // The first allowed persona approves the report; the later ones get 409 (already approved), not a denial.
  "POST /api/plans/:id/reports/review-bulk": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/reports/review-bulk`,
      payload: { action: "approve", reports: [{ id: w.reportId }] },
    }),
  },
  "GET /api/plans/:id/status": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/status?asOf=2020-06-30` }),
  },
  "GET /api/targets/:id/evaluation": {
    request: (w) => ({ method: "GET", url: `/api/targets/${w.jobsTargetId}/evaluation?asOf=2020-06-30` }),
  },
  "GET /api/plans/:id/cockpit": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/cockpit?asOf=2020-06-30` }),
  },
  "GET /api/targets/:id/trend": {
    request: (w) => ({ method: "GET", url: `/api/targets/${w.jobsTargetId}/trend?asOf=2020-06-30` }),
  },
  "GET /api/me/due": { request: () => ({ method: "GET", url: "/api/me/due" }) },
  "GET /api/me/grid": { request: () => ({ method: "GET", url: "/api/me/grid?month=2020-06" }) },
  // The other department's reporter passes the rule, but the row is not its department's to report.
  "PUT /api/me/grid/:month": {
    request: (w) => ({
      method: "PUT",
      url: "/api/me/grid/2020-06",
      payload: {
        submit: false,
        rows: [
          {
            kind: "target",
            id: w.jobsTargetId,
            period: "2020-06",
            baseRevision: null,
            value: 20000,
            progress: "进展",
            problems: "",
            nextSteps: "",
          },
        ],
      },
    }),
    except: { reporter_other_department: false, reporter_same_region: false },
  },
  "GET /api/me/reports": { request: () => ({ method: "GET", url: "/api/me/reports?state=submitted" }) },
  "GET /api/plans/:id/due": { request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/due` }) },
  "GET /api/plans/:id/reminders": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/reminders` }),
  },
  "POST /api/plans/:id/reminders": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/reminders`,
      payload: { departmentId: w.departments.nankaiRsj },
    }),
  },
  "POST /api/reminders/:id/read": {
    request: (w) => ({ method: "POST", url: `/api/reminders/${w.reminderId}/read` }),
    except: { reporter_other_department: false, reporter_same_region: false },
  },
  "GET /api/plans/:id/channels": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/channels` }),
  },
  "POST /api/plans/:id/channels": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/channels`,
      payload: {
        departmentId: null,
        thisPlanOnly: true,
        kind: "email",
        address: "fgw@nankai.example",
        secret: null,
        label: null,
      },
    }),
  },
  "DELETE /api/plans/:id/channels/:channelId": {
    request: (w) => ({ method: "DELETE", url: `/api/plans/${w.planId}/channels/${w.channelId}` }),
  },
  "POST /api/plans/:id/channels/:channelId/test": {
    request: (w) => ({ method: "POST", url: `/api/plans/${w.planId}/channels/${w.channelId}/test` }),
  },
  "GET /api/plans/:id/deliveries": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/deliveries` }),
  },
  "GET /api/plans/:id/reminder-settings": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/reminder-settings` }),
  },
  "PUT /api/plans/:id/reminder-settings": {
    request: (w) => ({
      method: "PUT",
      url: `/api/plans/${w.planId}/reminder-settings`,
      payload: {
        enabled: false,
        daysBefore: 3,
        onDay: true,
        daysAfter: 1,
        yellowAfterDays: 5,
        redAfterDays: 10,
      },
    }),
  },
  "GET /api/plans/:id/extensions": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/extensions` }),
  },
  "POST /api/plans/:id/extensions": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/extensions`,
      payload: {
        subjectKind: "target",
        subjectId: w.jobsTargetId,
        period: "2020-07",
        reason: "数据未出",
        requestedDueDate: "2020-08-20",
      },
    }),
    except: { leader: false, reporter_same_region: false },
  },
  "POST /api/extensions/:id/decision": {
    request: (w) => ({
      method: "POST",
      url: `/api/extensions/${w.extensionId}/decision`,
      payload: { grant: true },
    }),
  },
  // Each allowed persona makes its own copy: the first gets 201, the later ones 409 (not a denial).
  "POST /api/plans/:id/copy": {
    request: (w) => ({ method: "POST", url: `/api/plans/${w.planId}/copy`, payload: { year: 2021 } }),
  },
  // Nankai has no regions under it: the allowed get 400 (bad_input) and 404, not a denial.
  "POST /api/targets/:id/links": {
    request: (w) => ({
      method: "POST",
      url: `/api/targets/${w.jobsTargetId}/links`,
      payload: { childTargetIds: [w.targetIds[0]] },
    }),
  },
  "DELETE /api/targets/:id/links/:childId": {
    request: (w) => ({ method: "DELETE", url: `/api/targets/${w.jobsTargetId}/links/${w.targetIds[0]}` }),
  },
  // Leaders see reports but do not report, so they may not attach.
  "POST /api/reports/:id/attachments": {
    request: (w) => ({
      method: "POST",
      url: `/api/reports/${w.reportId}/attachments`,
      ...multipartBody({}, [
        { name: "file", fileName: "附件.txt", content: new TextEncoder().encode("说明") },
      ]),
    }),
    except: { leader: false, reporter_same_region: false },
  },
  "GET /api/reports/:id/attachments/:attachmentId": {
    request: (w) => ({ method: "GET", url: `/api/reports/${w.reportId}/attachments/${w.attachmentId}` }),
    except: { reporter_same_region: false },
  },
  "GET /api/plans/:id/export": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/export?format=csv&period=2020-06` }),
  },
  // A reporter gets their own department's form; a planner without ?department= gets 400; leaders none.
  "GET /api/plans/:id/ledger/fill-in": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/ledger/fill-in?period=2020-06` }),
    except: { leader: false },
  },
  // A workbook that is no ledger: the allowed get 400 (bad_input), not a denial.
  "POST /api/plans/:id/ledger/preview": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/ledger/preview`,
      ...multipartBody({}, [
        { name: "file", fileName: "台账.csv", content: new TextEncoder().encode("a,b\n1,2\n") },
      ]),
    }),
  },
  "POST /api/plans/:id/ledger/apply": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/ledger/apply`,
      payload: { fileName: "台账.xlsx", period: "2020-06", items: [] },
    }),
  },
  "POST /api/plans/:id/breakdown/preview": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/breakdown/preview`,
      ...multipartBody({}, [
        {
          name: "file",
          fileName: "分解表.csv",
          content: new TextEncoder().encode("序号,重点任务,牵头单位\n1,稳定就业,区人社局\n"),
        },
      ]),
    }),
  },
  "POST /api/plans/:id/breakdown/apply": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/breakdown/apply`,
      payload: { fingerprint: "stale", fileName: "分解表.csv", rows: [] },
    }),
  },
  // The five-year plan (issue 17). The matrix plan is annual: the allowed get 400 (not a five-year
  // plan) or 404 (no link to remove), not a denial.
  "GET /api/plans/:id/five-year": {
    request: (w) => ({ method: "GET", url: `/api/plans/${w.planId}/five-year` }),
  },
  "POST /api/plans/:id/kind": {
    request: (w) => ({ method: "POST", url: `/api/plans/${w.planId}/kind`, payload: { kind: "annual" } }),
  },
  "GET /api/targets/:id/yearly-values": {
    request: (w) => ({ method: "GET", url: `/api/targets/${w.targetIds[0]}/yearly-values` }),
  },
  "POST /api/targets/:id/yearly-values": {
    request: (w) => ({
      method: "POST",
      url: `/api/targets/${w.targetIds[0]}/yearly-values`,
      payload: { year: 2021, value: 1 },
    }),
  },
  "POST /api/targets/:id/yearly-values/from-report": {
    request: (w) => ({
      method: "POST",
      url: `/api/targets/${w.targetIds[0]}/yearly-values/from-report`,
      payload: { year: 2021 },
    }),
  },
  "POST /api/plans/:id/yearly-values/preview": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/yearly-values/preview`,
      ...multipartBody({}, [
        {
          name: "file",
          fileName: "年度值.csv",
          content: new TextEncoder().encode("指标,年份,数值\n就业,2021,1\n"),
        },
      ]),
    }),
  },
  "POST /api/plans/:id/yearly-values/apply": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/yearly-values/apply`,
      payload: { fileName: "年度值.csv", rows: [{ targetId: w.targetIds[0], year: 2021, value: 1 }] },
    }),
  },
  "POST /api/targets/:id/five-year-link": {
    request: (w) => ({
      method: "POST",
      url: `/api/targets/${w.targetIds[0]}/five-year-link`,
      payload: { indicatorId: w.targetIds[1] },
    }),
  },
  "DELETE /api/targets/:id/five-year-link": {
    request: (w) => ({ method: "DELETE", url: `/api/targets/${w.targetIds[0]}/five-year-link` }),
  },
  "GET /api/plans/:id/five-year-links/suggestions": {
    request: (w) => ({
      method: "GET",
      url: `/api/plans/${w.planId}/five-year-links/suggestions?fiveYearPlanId=${w.planId}`,
    }),
  },
  "POST /api/plans/:id/five-year-links": {
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/five-year-links`,
      payload: { links: [{ targetId: w.targetIds[0], indicatorId: w.targetIds[1] }] },
    }),
  },
  "GET /api/admin/users": { request: () => ({ method: "GET", url: "/api/admin/users" }) },
  "POST /api/admin/users": {
    request: () => ({
      method: "POST",
      url: "/api/admin/users",
      payload: { username: "new-user", role: "leader" },
    }),
  },
  "PATCH /api/admin/users/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/admin/users/${w.users.reporter}`,
      payload: { displayName: "区人社局 填报人" },
    }),
  },
  "POST /api/admin/users/:id/reset-password": {
    request: (w) => ({ method: "POST", url: `/api/admin/users/${w.users.leader}/reset-password` }),
  },
  "GET /api/admin/departments": { request: () => ({ method: "GET", url: "/api/admin/departments" }) },
  "POST /api/admin/departments": {
    request: (w) => ({
      method: "POST",
      url: "/api/admin/departments",
      payload: { regionId: w.regions.nankai, name: "区新设局" },
    }),
  },
  "PATCH /api/admin/departments/:id": {
    request: (w) => ({
      method: "PATCH",
      url: `/api/admin/departments/${w.departments.nankaiJyj}`,
      payload: { shortName: "教育局" },
    }),
  },
  "GET /api/admin/regions": { request: () => ({ method: "GET", url: "/api/admin/regions" }) },
  "GET /api/admin/audit": { request: () => ({ method: "GET", url: "/api/admin/audit?q=plan" }) },
  "GET /api/admin/audit/export": { request: () => ({ method: "GET", url: "/api/admin/audit/export" }) },
  "GET /api/admin/audit/verify": { request: () => ({ method: "GET", url: "/api/admin/audit/verify" }) },
  "GET /api/docs*": { request: () => ({ method: "GET", url: "/api/docs/json" }) },
  "GET /*": { request: () => ({ method: "GET", url: "/index.html" }) },
};
