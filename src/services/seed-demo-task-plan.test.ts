import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { daysBetween } from "../domain/iso-dates.ts";
import { reportingPeriods } from "../domain/periods.ts";
import { readDeadline } from "../domain/task-deadlines.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { NANKAI_DEPARTMENTS } from "./seed-demo.ts";
import { timeWords } from "./seed-demo-milestones.ts";
import { DEMO_AS_OF, DEMO_CALENDAR } from "./seed-demo-reports.ts";
import {
  type DemoTaskSource,
  type DemoYear,
  departmentsOfText,
  planDemoTasks,
  reviewTimes,
} from "./seed-demo-task-plan.ts";
import { clausesOf, workOf } from "./seed-demo-task-texts.ts";

const departments = NANKAI_DEPARTMENTS.map((d, i) => ({ id: i + 1, name: d.name }));
const idOf = (name: string) => departments.find((d) => d.name === name)?.id as number;

const year: DemoYear = {
  year: 2020,
  periodEnd: "2020-12-31",
  assignedOn: "2020-01-08",
  asOf: DEMO_AS_OF,
  region: "南开区",
  departments,
  fallbackDepartmentId: idOf("区发展改革委"),
  periods: (frequency) => reportingPeriods("2020-01-01", "2020-12-31", frequency, 5),
  calendar: DEMO_CALENDAR,
};

/** The Nankai plan's tasks as the import stores them: text, the extractor's suggestion, whether targets hang on it. */
function nankaiTasks(): DemoTaskSource[] {
  const text = readFileSync(join(import.meta.dirname, "../../examples/nankai-2020.txt"), "utf8");
  const draft = extractPlan(text);
  const withTargets = new Set(draft.targets.map((t) => t.taskId));
  return draft.tasks.map((t, i) => ({
    nodeId: i + 1,
    text: t.text,
    suggestedDepartmentId: t.department ? (idOf(t.department.department) ?? null) : null,
    coDepartmentIds: [],
    deadline: null,
    hasTargets: withTargets.has(t.id),
  }));
}

describe("clausesOf", () => {
  it("splits a task into its pieces of work, leaving out list marks, quotes and frames", () => {
    expect(clausesOf("以承接北京非首都功能为核心,主动对接中央企业,打造一批“标志性项目”。")).toEqual([
      "主动对接中央企业",
      "打造一批标志性项目",
    ]);
    expect(clausesOf("以三保支出为底线")).toEqual(["以三保支出为底线"]);
  });
});

describe("departmentsOfText", () => {
  it("takes the suggestion as lead and the other departments the words name as co-operating", () => {
    const got = departmentsOfText("稳步推进教育、医疗、就业等民生领域改革", idOf("区人社局"), year);
    expect(got).toEqual({ lead: idOf("区人社局"), co: [idOf("区教育局"), idOf("区卫生健康委")] });
  });

  it("finds a lead in the words without a suggestion, else names the planning office", () => {
    expect(departmentsOfText("做好土壤调查评估", null, year).lead).toBe(idOf("区生态环境局"));
    expect(departmentsOfText("重点抓好以下五方面工作", null, year)).toEqual({
      lead: idOf("区发展改革委"),
      co: [],
    });
  });

  it("reads no department from a name in brackets, and keeps co-operating departments set before", () => {
    const parcel = "加快西湖道(中医药大学南北院)地块、长江道(工业用呢厂)地块土地出让";
    expect(departmentsOfText(parcel, idOf("区规划资源局"), year).co).toEqual([]);
    expect(departmentsOfText(parcel, idOf("区规划资源局"), year, [idOf("区财政局")]).co).toEqual([
      idOf("区财政局"),
    ]);
  });
});

describe("the demo's year of the Nankai plan", () => {
  const tasks = nankaiTasks();
  const plans = planDemoTasks(tasks, year);
  const byRole = (role: string) => plans.filter((p) => p.role === role);

  it("gives every task a lead department, co-operating ones apart from it, and a deadline", () => {
    expect(plans).toHaveLength(tasks.length);
    for (const p of plans) {
      expect(p.lead).not.toBeNull();
      expect(p.co).not.toContain(p.lead);
      expect(new Set(p.co).size).toBe(p.co.length);
      expect(p.deadline).toBe("2020-12-31");
      expect(readDeadline(p.deadlineText ?? "", 2020)?.date).toBe(p.deadline);
    }
    expect(plans.filter((p) => p.co.length > 0).length).toBeGreaterThan(5);
  });

  it("casts the year's story: closings (one returned first), one stop, one never signed, missing reports", () => {
    expect(byRole("closed").length + byRole("close_returned").length).toBeGreaterThanOrEqual(4);
    expect(byRole("close_returned")).toHaveLength(1);
    expect(byRole("stopped")).toHaveLength(1);
    expect(byRole("unacknowledged")).toHaveLength(1);
    expect(byRole("unacknowledged")[0]?.steps).toEqual([]);
    expect(byRole("report_missing").length).toBeGreaterThanOrEqual(1);
    expect(byRole("report_returned")).toHaveLength(1);
  });

  it("gives a few tasks 2–3 milestones: some done, two missed, some coming due, one moved", () => {
    const withMilestones = plans.filter((p) => p.milestones.length > 0);
    expect(withMilestones.length).toBeGreaterThanOrEqual(5);
    for (const p of withMilestones) {
      expect(p.milestones.length).toBeGreaterThanOrEqual(2);
      expect(p.milestones.length).toBeLessThanOrEqual(3);
      expect(p.frequency).toBe("monthly");
    }
    const all = withMilestones.flatMap((p) => p.milestones);
    const fates = (fate: string) => all.filter((m) => m.fate === fate);
    expect(fates("overdue").length).toBeGreaterThanOrEqual(2);
    for (const m of fates("overdue")) expect(m.due < DEMO_AS_OF).toBe(true);
    expect(fates("due_soon").length).toBeGreaterThanOrEqual(2);
    for (const m of fates("due_soon")) expect(daysBetween(DEMO_AS_OF, m.due)).toBeLessThanOrEqual(7);
    expect(fates("adjusted")).toHaveLength(1);
    expect(fates("done").length).toBeGreaterThanOrEqual(withMilestones.length);
    for (const m of all) {
      // The time words at the start of a name say its date (as first set).
      expect(m.name.startsWith(timeWords(m.due))).toBe(true);
      expect(readDeadline(timeWords(m.due), 2020)?.date).toBe(m.due);
      if (m.doneOn !== null) expect(m.doneOn <= m.due).toBe(true);
    }
  });

  it("takes every step on a working day of the year, in order, by the demo's date", () => {
    const isHoliday = (day: string) => DEMO_CALENDAR.holidays.includes(day);
    for (const p of plans) {
      const ack = p.steps.find((s) => s.kind === "acknowledge")?.at ?? "";
      for (const s of p.steps) expect(s.at >= ack).toBe(true);
      for (const s of p.steps) {
        const day = s.at.slice(0, 10);
        expect(day >= year.assignedOn && day <= DEMO_AS_OF).toBe(true);
        expect(isHoliday(day)).toBe(false);
        if (s.kind === "report") {
          const period = year.periods(p.frequency).find((x) => x.key === s.period);
          expect(period && day >= period.end).toBe(true);
        }
      }
      if (p.steps.length > 0) expect(p.steps[0]?.kind).toBe("acknowledge");
    }
    expect(reviewTimes(year).every((t) => !isHoliday(t.slice(0, 10)))).toBe(true);
  });

  it("ends a closed task with its closing and a stopped one with its stop, nothing reported after", () => {
    for (const p of [...byRole("closed"), ...byRole("close_returned")]) {
      expect(p.steps.at(-1)?.kind).toBe("close");
      const request = p.steps.findIndex((s) => s.kind === "request_close");
      expect(p.steps.slice(request).some((s) => s.kind === "report")).toBe(false);
    }
    expect(byRole("close_returned")[0]?.steps.map((s) => s.kind)).toContain("return_close");
    const stop = byRole("stopped")[0];
    expect(stop?.steps.at(-1)?.kind).toBe("stop");
  });

  it("writes each report in the task's own words, no two alike", () => {
    const reports = plans.flatMap((p) => p.steps.flatMap((s) => (s.kind === "report" ? [{ s, p }] : [])));
    expect(reports.length).toBeGreaterThan(200);
    const progress = reports.map(({ s }) => (s.kind === "report" ? s.progress : ""));
    expect(new Set(progress).size).toBe(progress.length);
    for (const { s, p } of reports) {
      const own = clausesOf(tasks.find((t) => t.nodeId === p.nodeId)?.text ?? "").map(workOf);
      if (s.kind === "report") expect(own.some((w) => s.progress.includes(w))).toBe(true);
    }
  });

  it("is the same plan for the same text", () => {
    expect(planDemoTasks(nankaiTasks(), year)).toEqual(plans);
  });
});
