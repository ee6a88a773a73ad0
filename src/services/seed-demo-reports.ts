// Demo data (示例数据) for `npm start`: the Nankai plan published in the first week of work of its year
// (its tasks assigned then, each with its departments, deadline and milestones: seed-demo-tasks.ts),
// as its targets are reported from January; every target
// given a reporting department (the extractor's suggestion, else the statistics bureau for rates and
// the development and reform commission for the rest), and a year of reports from January to September
// 2020, shown as of a fixed date (DEMO_AS_OF) so the demo is stable: targets mostly approved and on
// schedule, some behind or far behind, some reports late, some missing, one returned; tasks signed,
// reported, some closed, one stopped, one milestone moved (seed-demo-task-plan.ts). Runs once;
// deterministic.

import { type Actor, appendAudit, SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { listDepartmentNamesOfRegion } from "../db/departments-repository.ts";
import { readPlanSettings, writePlanSettings } from "../db/plan-settings-repository.ts";
import { getPlanRow, markPlanPublished } from "../db/plans-repository.ts";
import { appendRevision } from "../db/reports-repository.ts";
import { getSetting, setSetting } from "../db/settings-repository.ts";
import { listTargetRowsOfPlanBySpan, setTargetLeadDepartment } from "../db/targets-repository.ts";
import { listUserRoles } from "../db/users-repository.ts";
import { addWorkingDays } from "../domain/iso-dates.ts";
import { dueDateAfter, reportingPeriods } from "../domain/periods.ts";
import { isCountUnit } from "../domain/plausibility.ts";
import { randomFrom } from "../generate/random.ts";
import { type Db, requirePlan } from "./reporting-context.ts";
import { demoUsers, demoYearOf, liveDemoTaskYear, prepareDemoTasks } from "./seed-demo-tasks.ts";
import { assignTasksOnPublish } from "./task-assignment.ts";

export const DEMO_REPORTS_KEY = "demo.reports";
/** The demo is shown as of this date: September's reports are in (due 5 October), reviewed by the 12th. */
export const DEMO_AS_OF = "2020-10-12";
const LAST_PERIOD_END = "2020-09-30";
/**
 * 2020's public holidays on weekdays and the weekends worked instead (国务院办公厅 2019-11-21, and the
 * Spring Festival extended to 2 February): the days the demo's offices sign, report and review on.
 */
export const DEMO_CALENDAR = {
  holidays: [
    "2020-01-01",
    ...["01-24", "01-27", "01-28", "01-29", "01-30", "01-31"].map((d) => `2020-${d}`),
    "2020-04-06",
    ...["05-01", "05-04", "05-05", "06-25", "06-26"].map((d) => `2020-${d}`),
    ...["10-01", "10-02", "10-05", "10-06", "10-07", "10-08"].map((d) => `2020-${d}`),
  ],
  workdays: ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"],
};

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Profile = "ahead" | "on_track" | "behind" | "far_behind";

export interface DemoReportsOutcome {
  seeded: boolean;
  /** Every report written, the targets' and the tasks', and every revision of them. */
  reports: number;
  revisions: number;
  /** The tasks' part: the steps of their year (签收, reports, reviews …), their reports and revisions. */
  tasks: { steps: number; reports: number; revisions: number };
}

const NOTHING: DemoReportsOutcome = {
  seeded: false,
  reports: 0,
  revisions: 0,
  tasks: { steps: 0, reports: 0, revisions: 0 },
};

/** Seeds the demo reports into the plan once; the users (planner, reporters) must exist already. */
export async function seedDemoReports(
  db: Db,
  planId: number,
  actor: Actor = SYSTEM_ACTOR,
): Promise<DemoReportsOutcome> {
  if (await getSetting(db, DEMO_REPORTS_KEY)) return NOTHING;
  return inTransaction(db, async (trx) => {
    if (await getSetting(trx, DEMO_REPORTS_KEY)) return NOTHING;
    const now = new Date().toISOString();
    const settings = (await readPlanSettings(trx, planId)) ?? {};
    const taskSettings = typeof settings.tasks === "object" && settings.tasks !== null ? settings.tasks : {};
    await writePlanSettings(trx, actor, planId, {
      ...settings,
      demo: true,
      demoAsOf: DEMO_AS_OF,
      tasks: { ...taskSettings, ...DEMO_CALENDAR },
    });
    const plan = await requirePlan(trx, planId);
    // In force from January, as its targets report from January: published, and its tasks assigned,
    // on the fifth working day of the year.
    const publishedOn = addWorkingDays(plan.period_start, 5, DEMO_CALENDAR);
    const publishedAt = `${publishedOn}T01:00:00.000Z`;
    const taskUsers = demoUsers(await listUserRoles(trx), plan);
    const year = await demoYearOf(trx, plan, publishedOn, DEMO_AS_OF);
    const tasks = await prepareDemoTasks(trx, plan, year, taskUsers);
    if (plan.state === "draft") {
      await markPlanPublished(trx, planId, publishedAt);
      await appendAudit(
        trx,
        taskUsers.planner.actor,
        {
          action: "plan.publish",
          entity: "plan",
          entityId: planId,
          planId,
          before: { state: "draft" },
          after: { state: "published", demo: true },
        },
        publishedAt,
      );
    }
    const published = (await getPlanRow(trx, planId)) ?? plan;
    await assignTasksOnPublish(trx, taskUsers.planner.actor, published, publishedAt);

    const departments = await listDepartmentNamesOfRegion(trx, plan.region_id ?? -1);
    const byName = new Map(departments.map((d) => [d.name, d.id]));
    const stats = byName.get("区统计局") ?? null;
    const ndrc = byName.get("区发展改革委") ?? null;
    const users = await listUserRoles(trx);
    const planner = users.find((u) => u.role === "planner")?.id ?? null;
    const reporterOf = new Map(
      users.filter((u) => u.role === "reporter").map((u) => [u.department_id, u.id]),
    );

    const targets = await listTargetRowsOfPlanBySpan(trx, planId);
    let reports = 0;
    let revisions = 0;
    let returnedOne = false;
    for (const [i, t] of targets.entries()) {
      const lead = t.lead_department_id ?? t.suggested_department_id ?? (t.kind === "rate" ? stats : ndrc);
      if (lead !== t.lead_department_id) {
        await setTargetLeadDepartment(trx, t.id, lead, now);
        await appendAudit(trx, actor, {
          action: "target.update",
          entity: "target",
          entityId: t.id,
          planId,
          before: { leadDepartmentId: t.lead_department_id },
          after: { leadDepartmentId: lead, demo: true },
        });
      }
      if (t.value === null && t.kind !== "milestone") continue;
      const rnd = randomFrom(1000 + i);
      const profile: Profile =
        i % 7 === 4 ? "far_behind" : i % 7 === 3 ? "behind" : i % 4 === 0 ? "ahead" : "on_track";
      const pace = { ahead: 1.12, on_track: 1.0, behind: 0.72, far_behind: 0.45 }[profile];
      const lateEvery = i % 5 === 2;
      const stopsAfterJune = i % 13 === 7;
      const reporter = (lead !== null ? reporterOf.get(lead) : undefined) ?? null;
      const periods = reportingPeriods(plan.period_start, plan.period_end, t.frequency ?? "monthly").filter(
        (p) => p.end <= LAST_PERIOD_END,
      );
      // A count is whole (11家, not 11.04家); a cumulative figure never falls from one period to the next.
      const digits = isCountUnit(t.unit) ? 0 : 2;
      const round = (x: number) => Number(x.toFixed(digits));
      let reportedSoFar = 0;
      for (const p of periods) {
        if (stopsAfterJune && p.end > "2020-06-30") break;
        const share = p.elapsedShare;
        const wobble = 0.97 + rnd() * 0.06;
        let value: number | null = null;
        let percent: number | null = null;
        const goal = t.value ?? 0;
        if (t.kind === "milestone") percent = Math.min(100, Math.round(100 * share * pace * wobble));
        else if (t.kind === "cumulative") {
          value = Math.max(reportedSoFar, round(goal * share * pace * wobble));
          reportedSoFar = value;
        } else if (t.kind === "level") {
          const base = t.baseline ?? goal * 0.8;
          value = round(base + (goal - base) * Math.min(1, share * pace * wobble));
        } else if (t.comparator === "at_most")
          value = round(goal * (profile === "far_behind" ? 1.08 : 0.9 * wobble));
        else if (t.comparator === "range" && t.value2 !== null) value = round((goal + t.value2) / 2);
        else
          value = round(
            goal * (profile === "far_behind" ? 0.7 : profile === "behind" ? 0.88 : 1 + rnd() * 0.12),
          );
        const progress =
          t.kind === "milestone"
            ? `${t.subject}：完成${percent}%。`
            : `截至${p.end.slice(5, 7)}月底，${t.subject}${t.kind === "rate" ? "累计增速" : "累计完成"}${value}${t.unit}。`;
        const problems =
          profile === "far_behind" || profile === "behind"
            ? "受疫情影响，项目推进和市场需求恢复不及预期。"
            : "无。";
        const nextSteps =
          profile === "on_track" || profile === "ahead"
            ? "继续按计划推进。"
            : "加强调度，倒排工期，力争年底前追回进度。";
        const late = lateEvery && (p.index % 3 === 0 || p.key === "2020-09" || p.key === "2020-Q3");
        const due = dueDateAfter(p.end);
        const submittedOn = late ? addDays(due, 3) : addDays(due, -2);
        const times = {
          draft: `${addDays(submittedOn, -1)}T02:00:00.000Z`,
          submitted: `${submittedOn}T03:30:00.000Z`,
          reviewed: `${addDays(submittedOn, 2)}T07:00:00.000Z`,
        };
        const subject = { type: "target" as const, id: t.id };
        const spec = { planId, subject, departmentId: lead, period: p.key, periodEnd: p.end, dueDate: p.due };
        const content = { value, percent, statusWord: null, progress, problems, nextSteps };
        const byReporter: Actor = { userId: reporter, ip: null };
        const byPlanner: Actor = { userId: planner, ip: null };
        let base = 0;
        const step = async (
          who: Actor,
          state: "draft" | "submitted" | "approved" | "returned",
          at: string,
          extra: { returnReason?: string; content?: typeof content } = {},
        ) => {
          await appendRevision(trx, who, {
            report: spec,
            baseRevision: base === 0 ? null : base,
            content: extra.content ?? content,
            state,
            returnReason: extra.returnReason ?? null,
            at,
          });
          base++;
          revisions++;
        };
        await step(byReporter, "draft", times.draft);
        await step(byReporter, "submitted", times.submitted);
        const last = p.key === "2020-09" || p.key === "2020-Q3";
        if (last && !returnedOne && t.kind === "cumulative" && profile === "on_track") {
          // One report sent back: the value disagrees with the statistics bureau's figure.
          returnedOne = true;
          await step(byPlanner, "returned", times.reviewed, {
            returnReason: "数值与区统计局口径不一致，请核实后重新报送。",
          });
        } else {
          await step(byPlanner, "approved", times.reviewed);
        }
        reports++;
      }
    }
    const lived = await liveDemoTaskYear(trx, published, year, tasks, taskUsers);
    await setSetting(
      trx,
      actor,
      DEMO_REPORTS_KEY,
      JSON.stringify({ at: now, planId, asOf: DEMO_AS_OF, reports, revisions, tasks: lived }),
    );
    return {
      seeded: true,
      reports: reports + lived.reports,
      revisions: revisions + lived.revisions,
      tasks: lived,
    };
  });
}
