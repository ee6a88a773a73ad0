// The null test's knowledge of each route with a nullable body field (src/http/null-bodies.test.ts):
// who may send it, a request that succeeds as it is, and where each nullable field ends up. The
// samples put a value in every nullable field they can, so that a null ignored or turned into 0 or ""
// shows as a value where null was sent.

import {
  acknowledged,
  BASE_REVISION,
  departmentField,
  draft,
  fullTargetPatch,
  fullTaskPatch,
  jobsJune,
  latestRevision,
  type NullCase,
  type NullContext,
  numberAt,
  progressOf,
  reportFields,
  sample,
  settingsField,
  step,
  targetFields,
  taskFields,
  userField,
} from "./null-body-readers.ts";

export const NULL_CASES: Record<string, NullCase> = {
  "PATCH /api/targets/:id": {
    as: "planner",
    repeatable: true,
    request: (w) => ({ method: "PATCH", url: `/api/targets/${w.targetIds[0]}`, payload: fullTargetPatch(w) }),
    stored: targetFields("", (ctx) => ctx.w.targetIds[0] as number),
  },
  "PATCH /api/plans/:id/targets": {
    as: "planner",
    repeatable: true,
    request: (w) => ({
      method: "PATCH",
      url: `/api/plans/${w.planId}/targets`,
      payload: { changes: [{ id: w.targetIds[0], patch: fullTargetPatch(w) }] },
    }),
    stored: targetFields("changes/0/patch/", (ctx) => ctx.w.targetIds[0] as number),
  },
  "POST /api/plans/:id/targets": {
    as: "planner",
    repeatable: false,
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/targets`,
      payload: { start: 0, end: 8, kind: "rate", unit: "%", displayUnit: "%", ...fullTargetPatch(w) },
    }),
    stored: targetFields("", (_ctx, answer) => numberAt(answer, "id")),
  },
  "POST /api/targets/:id/split": {
    as: "planner",
    repeatable: false,
    prepare: async (ctx) => {
      const w = ctx.w;
      await step(ctx, "planner", {
        method: "PATCH",
        url: `/api/targets/${w.targetIds[0]}`,
        payload: fullTargetPatch(w),
      });
    },
    request: (w) => ({
      method: "POST",
      url: `/api/targets/${w.targetIds[0]}/split`,
      payload: { at: 82, first: fullTargetPatch(w), second: fullTargetPatch(w) },
    }),
    stored: {
      ...targetFields("first/", (_ctx, answer) => numberAt(answer, "targets/0/id")),
      ...targetFields("second/", (_ctx, answer) => numberAt(answer, "targets/1/id")),
    },
  },
  "POST /api/targets/merge": {
    as: "planner",
    repeatable: false,
    prepare: async (ctx) => {
      const w = ctx.w;
      await step(ctx, "planner", {
        method: "PATCH",
        url: `/api/targets/${w.targetIds[0]}`,
        payload: fullTargetPatch(w),
      });
    },
    request: (w) => ({
      method: "POST",
      url: "/api/targets/merge",
      payload: { ids: w.targetIds.slice(0, 2), patch: fullTargetPatch(w) },
    }),
    stored: targetFields("patch/", (_ctx, answer) => numberAt(answer, "id")),
  },
  "PATCH /api/plans/:id/tasks": {
    as: "planner",
    repeatable: true,
    prepare: draft,
    request: (w) => ({
      method: "PATCH",
      url: `/api/plans/${w.planId}/tasks`,
      payload: { changes: [{ id: w.leadTaskId, patch: fullTaskPatch(w) }] },
    }),
    stored: taskFields("changes/0/patch/", (w) => w.leadTaskId),
  },
  "PATCH /api/tasks/:id": {
    as: "planner",
    repeatable: true,
    prepare: draft,
    request: (w) => ({ method: "PATCH", url: `/api/tasks/${w.leadTaskId}`, payload: fullTaskPatch(w) }),
    stored: taskFields("", (w) => w.leadTaskId),
  },
  "PATCH /api/nodes/:id": {
    as: "planner",
    repeatable: true,
    request: (w) => ({
      method: "PATCH",
      url: `/api/nodes/${w.taskNodeId}`,
      payload: { title: "改过的标题", leadDepartmentId: w.departments.nankaiJyj },
    }),
    stored: {
      leadDepartmentId: async (ctx) =>
        (
          await ctx.db
            .selectFrom("outline_nodes")
            .select("lead_department_id")
            .where("id", "=", ctx.w.taskNodeId)
            .executeTakeFirstOrThrow()
        ).lead_department_id,
    },
  },
  "POST /api/tasks/:id/progress": {
    as: "reporter",
    repeatable: false,
    prepare: acknowledged,
    request: (w) => ({
      method: "POST",
      url: `/api/tasks/${w.leadTaskId}/progress`,
      payload: {
        period: "2020-06",
        progress: "已完成选址",
        problems: "资金未到位",
        nextSteps: "加快招标",
        percent: 40,
      },
    }),
    stored: {
      // The report's texts are kept as every report's are ("" when empty); the task reads them back
      // as null, which is what the client sent.
      problems: async (ctx, answer) => progressOf(ctx, numberAt(answer, "id"), "problems"),
      nextSteps: async (ctx, answer) => progressOf(ctx, numberAt(answer, "id"), "nextSteps"),
      percent: async (ctx, answer) => (await latestRevision(ctx.db, numberAt(answer, "id"))).percent,
    },
  },
  "POST /api/tasks/:id/close": {
    as: "planner",
    repeatable: false,
    prepare: async (ctx) => {
      await acknowledged(ctx);
      await step(ctx, "reporter", {
        method: "POST",
        url: `/api/tasks/${ctx.w.leadTaskId}/progress`,
        payload: { period: "2020-06", progress: "已建成" },
      });
      await step(ctx, "reporter", {
        method: "POST",
        url: `/api/tasks/${ctx.w.leadTaskId}/close-request`,
        payload: { evidence: "已建成投用" },
      });
    },
    request: (w) => ({
      method: "POST",
      url: `/api/tasks/${w.leadTaskId}/close`,
      payload: { opinion: "同意办结" },
    }),
    stored: {},
    notStored: { opinion: "the 审核意见 of a close is not kept anywhere, null or not (only the step is)" },
  },
  "POST /api/adjustments/:id/decision": {
    as: "planner",
    repeatable: false,
    request: (w) => ({
      method: "POST",
      url: `/api/adjustments/${w.adjustmentId}/decision`,
      payload: { decision: "approved", opinion: "同意延期" },
    }),
    stored: {
      opinion: async (ctx) =>
        (
          await ctx.db
            .selectFrom("task_adjustments")
            .select("opinion")
            .where("id", "=", ctx.w.adjustmentId)
            .executeTakeFirstOrThrow()
        ).opinion,
    },
  },
  "POST /api/admin/users": {
    as: "admin",
    repeatable: false,
    request: (w) => ({
      method: "POST",
      url: "/api/admin/users",
      payload: {
        username: "new-planner",
        role: "planner",
        regionId: w.regions.nankai,
        departmentId: w.departments.nankaiJyj,
      },
    }),
    stored: {
      regionId: userField("region_id", (_ctx, answer) => numberAt(answer, "user/id")),
      departmentId: userField("department_id", (_ctx, answer) => numberAt(answer, "user/id")),
    },
  },
  "PATCH /api/admin/users/:id": {
    as: "admin",
    repeatable: true,
    request: (w) => ({
      method: "PATCH",
      url: `/api/admin/users/${w.users.planner}`,
      payload: {
        displayName: "南开区发改委",
        regionId: w.regions.nankai,
        departmentId: w.departments.nankaiJyj,
      },
    }),
    stored: {
      regionId: userField("region_id", (ctx) => ctx.w.users.planner),
      departmentId: userField("department_id", (ctx) => ctx.w.users.planner),
    },
  },
  "POST /api/admin/departments": {
    as: "admin",
    repeatable: false,
    request: (w) => ({
      method: "POST",
      url: "/api/admin/departments",
      payload: {
        regionId: w.regions.nankai,
        name: "区新设局",
        shortName: "新设局",
        fullName: "天津市南开区新设局",
      },
    }),
    stored: {
      shortName: departmentField("short_name", (_ctx, answer) => numberAt(answer, "id")),
      fullName: departmentField("full_name", (_ctx, answer) => numberAt(answer, "id")),
    },
  },
  "PATCH /api/admin/departments/:id": {
    as: "admin",
    repeatable: true,
    request: (w) => ({
      method: "PATCH",
      url: `/api/admin/departments/${w.departments.nankaiJyj}`,
      payload: { shortName: "教育局", fullName: "天津市南开区教育局" },
    }),
    stored: {
      shortName: departmentField("short_name", (ctx) => ctx.w.departments.nankaiJyj),
      fullName: departmentField("full_name", (ctx) => ctx.w.departments.nankaiJyj),
    },
  },
  "PUT /api/plans/:id/settings": {
    as: "planner",
    repeatable: true,
    request: (w) => ({
      method: "PUT",
      url: `/api/plans/${w.planId}/settings`,
      payload: {
        document: {
          issuerMark: "南开区发展和改革委员会文件",
          docNumber: "南发改〔2020〕12号",
          signer: "王明",
          recipient: "区人民政府",
          issuer: "南开区发展和改革委员会",
        },
      },
    }),
    stored: Object.fromEntries(
      ["issuerMark", "docNumber", "signer", "recipient", "issuer"].map((k) => [
        `document/${k}`,
        settingsField("document", k),
      ]),
    ),
  },
  "PUT /api/plans/:id/reminder-settings": {
    as: "planner",
    repeatable: true,
    request: sample("PUT /api/plans/:id/reminder-settings"),
    stored: Object.fromEntries(
      ["daysBefore", "daysAfter", "yellowAfterDays", "redAfterDays"].map((k) => [
        k,
        settingsField("reminders", k),
      ]),
    ),
  },
  "POST /api/plans/:id/channels": {
    as: "planner",
    repeatable: false,
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/channels`,
      payload: {
        departmentId: w.departments.nankaiRsj,
        thisPlanOnly: true,
        kind: "dingtalk",
        address: "https://oapi.dingtalk.com/robot/send?access_token=abc123",
        secret: "SEC0123456789",
        label: "人社局工作群",
      },
    }),
    stored: Object.fromEntries(
      (["department_id", "secret", "label"] as const).map((column) => [
        column === "department_id" ? "departmentId" : column,
        async (ctx: NullContext, answer: unknown) =>
          (
            await ctx.db
              .selectFrom("reminder_channels")
              .select(column)
              .where("id", "=", numberAt(answer, "id"))
              .executeTakeFirstOrThrow()
          )[column],
      ]),
    ),
  },
  "PUT /api/targets/:id/reports/:period": reportSave(
    "reporter",
    (w) => `/api/targets/${w.jobsTargetId}`,
    20000,
    50,
  ),
  "PUT /api/nodes/:id/reports/:period": reportSave("planner", (w) => `/api/nodes/${w.taskNodeId}`, 3, 30),
  "PUT /api/items/:id/reports/:period": reportSave("planner", (w) => `/api/items/${w.itemId}`, 2, 30),
  // A draft of the jobs target's June, from the reporter's month grid.
  "PUT /api/me/grid/:month": {
    as: "reporter",
    repeatable: false,
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
            percent: 50,
            statusWord: "推进中",
            progress: "进展",
            problems: "",
            nextSteps: "",
          },
        ],
      },
    }),
    stored: {
      "rows/0/value": async (ctx) => (await jobsJune(ctx)).value,
      "rows/0/percent": async (ctx) => (await jobsJune(ctx)).percent,
      "rows/0/statusWord": async (ctx) => (await jobsJune(ctx)).status_word,
    },
    notStored: { "rows/0/baseRevision": BASE_REVISION },
  },
  // The differences a preview of the jobs target's empty June would list: a figure and a 存在问题.
  "POST /api/plans/:id/ledger/apply": {
    as: "planner",
    repeatable: false,
    request: (w) => ({
      method: "POST",
      url: `/api/plans/${w.planId}/ledger/apply`,
      payload: {
        fileName: "台账.xlsx",
        period: "2020-06",
        items: [
          {
            key: `target:${w.jobsTargetId}|2020-06`,
            baseRevision: null,
            changes: [
              { field: "problems", before: null, after: "用工需求下降" },
              { field: "progress", before: null, after: "新增就业2万人" },
              { field: "value", before: null, after: 2 },
            ],
          },
        ],
      },
    }),
    stored: {
      "items/0/changes/0/after": async (ctx) => (await jobsJune(ctx)).problems,
    },
    notStored: {
      "items/0/baseRevision": "null: no report for the period at the preview; compared, not kept",
      "items/0/changes/0/before": "null: the cell was empty at the preview; compared, not kept",
    },
  },
};

/** A report's save for June of one subject, every nullable field given a value. */
function reportSave(
  as: NullCase["as"],
  subject: (w: Parameters<NullCase["request"]>[0]) => string,
  value: number,
  percent: number,
): NullCase {
  return {
    as,
    repeatable: false,
    request: (w) => ({
      method: "PUT",
      url: `${subject(w)}/reports/2020-06`,
      payload: {
        baseRevision: null,
        value,
        percent,
        statusWord: "推进中",
        progress: "进展",
        problems: "",
        nextSteps: "",
      },
    }),
    stored: reportFields(),
    notStored: { baseRevision: BASE_REVISION },
  };
}
