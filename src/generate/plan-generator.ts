// A province of made-up but plausible plan data for load tests and demonstrations (plantrack generate):
// regions with GB/T 2260 codes, departments, one plan per region with areas, groups, tasks, items and
// targets of every kind, comparator and direction the monitoring rules know, and reports by month with
// their revisions — on time and late, approved, returned, resubmitted, waiting, drafts, missing.
// Pure and deterministic: the same options give the same rows, plan by plan, so a province of millions
// of reports is produced one plan at a time without holding it all in memory.

import { type Frequency, type ReportingPeriod, reportingPeriods } from "../domain/periods.ts";
import { periodWords } from "../domain/reminder-text.ts";
import {
  DEPARTMENTS,
  type GeneratorOptions,
  type GenRegion,
  PLACE_FIRST,
  PLACE_SECOND,
} from "./province-layout.ts";
import { between, pad, pick, type Random, randomFrom, round, streamSeed } from "./random.ts";
import {
  type Comparator,
  type Direction,
  type ReportState,
  type TargetKind,
  type TargetTemplate,
  TEMPLATES,
} from "./target-templates.ts";

export interface GenNode {
  parent: number | null;
  kind: "area" | "group" | "task";
  level: number;
  marker: string;
  title: string;
  text: string;
  spanStart: number;
  spanEnd: number;
  /** Index into the region's departments (0 = 发改委). */
  lead: number | null;
  co: number[];
}

export interface GenTarget {
  node: number;
  subject: string;
  value: number | null;
  value2: number | null;
  unit: string;
  displayUnit: string;
  /** Base units per display unit (亿元: 1e8), for the progress texts. */
  scale: number;
  display: string;
  comparator: Comparator;
  direction: Direction;
  kind: TargetKind;
  baseline: number | null;
  frequency: Frequency;
  weight: number;
  spanStart: number;
  spanEnd: number;
  lead: number;
  co: number[];
}

export interface GenItem {
  node: number;
  name: string;
  category: "land_parcel" | "project" | "facility";
  spanStart: number;
  spanEnd: number;
  lead: number;
  dueDate: string;
}

export interface GenRevision {
  value: number | null;
  percent: number | null;
  statusWord: string | null;
  progress: string;
  problems: string;
  nextSteps: string;
  state: ReportState;
  returnReason: string | null;
  /** The region's user: a department's reporter, or the planner who reviewed. */
  author: "reporter" | "planner";
  at: string;
}

export interface GenReport {
  subject: { type: "target" | "task" | "item"; index: number };
  /** Index into the region's departments. */
  department: number;
  period: ReportingPeriod;
  revisions: GenRevision[];
}

export interface GenPlanned {
  target: number;
  period: string;
  periodEnd: string;
  value: number;
}

export interface GenExtension {
  report: number;
  reason: string;
  requestedDueDate: string;
  state: "pending" | "granted" | "refused";
  at: string;
  decidedAt: string | null;
}

export interface GenReminder {
  department: number;
  subject: { type: "target" | "task" | "item"; index: number };
  period: string;
  message: string;
  at: string;
}

export interface GenPlan {
  title: string;
  issuer: string;
  periodStart: string;
  periodEnd: string;
  publishedOn: string;
  createdAt: string;
  sourceText: string;
  nodes: GenNode[];
  targets: GenTarget[];
  items: GenItem[];
  reports: GenReport[];
  planned: GenPlanned[];
  extensions: GenExtension[];
  reminders: GenReminder[];
}

const AREAS: readonly { title: string; groups: readonly string[] }[] = [
  { title: "推动经济高质量发展", groups: ["稳定经济增长", "壮大现代产业", "扩大有效投资"] },
  { title: "增强科技创新能力", groups: ["培育创新主体", "优化创新生态"] },
  { title: "深化改革扩大开放", groups: ["优化营商环境", "提升招商引资质效"] },
  { title: "推进城市更新和绿色发展", groups: ["打好污染防治攻坚战", "提升城市功能品质"] },
  {
    title: "保障和改善民生",
    groups: ["稳定和扩大就业", "办好人民满意教育", "健全养老服务体系", "推进健康建设"],
  },
];

const TASK_VERBS = ["实施", "推进", "开展", "深化", "加快", "落实", "完善"];
const TASK_OBJECTS = [
  "重点项目建设攻坚行动",
  "产业链链长制",
  "楼宇经济提质增效工程",
  "企业梯度培育计划",
  "老旧小区改造",
  "“一网通办”改革",
  "大气污染综合治理",
  "公共服务设施补短板工程",
  "职业技能提升行动",
  "医疗卫生服务能力提升工程",
];
const ITEM_NAMES: readonly { suffix: string; category: GenItem["category"] }[] = [
  { suffix: "地块", category: "land_parcel" },
  { suffix: "产业园项目", category: "project" },
  { suffix: "学校", category: "facility" },
  { suffix: "社区卫生服务中心", category: "facility" },
];
const PROBLEMS = ["", "", "要素保障压力较大", "部分项目前期手续办理较慢", "受市场需求影响增速放缓"];
const NEXT_STEPS = ["加强调度，确保完成全年目标", "加快项目手续办理", "强化督导，逐月对账", "做好要素保障"];
const RETURN_REASONS = ["数据与统计口径不一致，请核实", "进展情况过于简略，请补充", "缺少佐证材料"];
const TASK_WORDS = ["未启动", "推进中", "已完成", "受阻"] as const;

function isoAt(date: string, rnd: Random, hourFrom = 8, hourTo = 18): string {
  const h = Math.floor(between(rnd, hourFrom, hourTo));
  const m = Math.floor(rnd() * 60);
  const s = Math.floor(rnd() * 60);
  return `${date}T${pad(h)}:${pad(m)}:${pad(s)}.000Z`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function formatDisplay(t: TargetTemplate, display: number, display2: number | null): string {
  const v =
    display2 === null
      ? `${display}${t.displayUnit}`
      : `${display}${t.displayUnit}–${display2}${t.displayUnit}`;
  return v;
}

/** How a report's revisions go: what each period of each subject looks like. */
type Story = "missing" | "draft" | "waiting" | "returned" | "resubmitted" | "approved" | "corrected";

function storyOf(rnd: Random, lastPeriod: boolean): Story {
  const x = rnd();
  // The most recent month has more reports still in review and still missing, as on a real desk.
  if (lastPeriod) {
    if (x < 0.15) return "missing";
    if (x < 0.22) return "draft";
    if (x < 0.4) return "waiting";
    if (x < 0.46) return "returned";
    return "approved";
  }
  if (x < 0.04) return "missing";
  if (x < 0.06) return "draft";
  if (x < 0.08) return "waiting";
  if (x < 0.11) return "returned";
  if (x < 0.19) return "resubmitted";
  if (x < 0.22) return "corrected";
  return "approved";
}

interface Subject {
  type: "target" | "task" | "item";
  index: number;
  frequency: Frequency;
  department: number;
  /** 0.5–1.3: how well this subject does against the schedule. */
  pace: number;
  target?: GenTarget;
  name: string;
}

function contentFor(s: Subject, p: ReportingPeriod, rnd: Random, jitter: number) {
  const share = Math.min(1, p.elapsedShare * s.pace * jitter);
  const t = s.target;
  let value: number | null = null;
  let percent: number | null = null;
  let statusWord: string | null = null;
  let progress: string;
  if (s.type === "target" && t && t.kind !== "milestone") {
    const v = t.value ?? 0;
    if (t.kind === "cumulative") value = round(v * share, 2);
    else if (t.kind === "level") {
      const base = t.baseline ?? 0;
      value = round(base + (v - base) * share, 2);
    } else {
      // Rates and bounds are judged on the value itself: around the target, sometimes short of it.
      value = round(
        v * between(rnd, 0.7, 1.15) * (t.direction === "decrease" ? 1 : s.pace > 0.8 ? 1 : 0.9),
        2,
      );
    }
    if (t.comparator === "range" && t.value2 !== null)
      value = round(between(rnd, v * 0.95, t.value2 * 1.02), 2);
    const shown = t.displayUnit && t.scale !== 1 ? round(value / t.scale, 2) : value;
    progress = `截至${p.end.slice(5, 7)}月底，${t.subject}${t.kind === "cumulative" ? "累计完成" : "为"}${shown}${t.displayUnit}。`;
  } else if (s.type === "task") {
    statusWord = share >= 1 ? "已完成" : share < 0.05 ? "未启动" : rnd() < 0.06 ? "受阻" : "推进中";
    percent = round(Math.min(100, share * 100), 0);
    progress = `${s.name}${statusWord === "已完成" ? "已全部完成" : `有序推进，完成约${percent}%`}。`;
  } else {
    percent = round(Math.min(100, share * 100), 0);
    statusWord = percent >= 100 ? "已完成" : "推进中";
    progress = `${s.name}完成${percent}%。`;
  }
  return {
    value,
    percent,
    statusWord: statusWord ?? (percent !== null && percent >= 100 ? (TASK_WORDS[2] as string) : null),
    progress,
    problems: pick(rnd, PROBLEMS),
    nextSteps: pick(rnd, NEXT_STEPS),
  };
}

function revisionsFor(
  s: Subject,
  p: ReportingPeriod,
  story: Story,
  rnd: Random,
  late: boolean,
): GenRevision[] {
  const submitDay = late
    ? addDays(p.due, 1 + Math.floor(rnd() * 12))
    : addDays(p.end, 1 + Math.floor(rnd() * 4));
  const reviewDay = (from: string) => addDays(from, 1 + Math.floor(rnd() * 3));
  const first = contentFor(s, p, rnd, 1);
  const rev = (
    content: typeof first,
    state: ReportState,
    author: GenRevision["author"],
    at: string,
    returnReason: string | null = null,
  ): GenRevision => ({ ...content, state, author, at, returnReason });
  const submitted = rev(first, "submitted", "reporter", isoAt(submitDay, rnd, 8, 12));
  const reviewed = reviewDay(submitDay);
  switch (story) {
    case "draft":
      return [rev(first, "draft", "reporter", isoAt(submitDay, rnd))];
    case "waiting":
      return [submitted];
    case "returned":
      return [
        submitted,
        rev(first, "returned", "planner", isoAt(reviewed, rnd, 13, 18), pick(rnd, RETURN_REASONS)),
      ];
    case "resubmitted": {
      const again = reviewDay(reviewed);
      const fixed = contentFor(s, p, rnd, between(rnd, 0.95, 1.05));
      return [
        submitted,
        rev(first, "returned", "planner", isoAt(reviewed, rnd, 13, 18), pick(rnd, RETURN_REASONS)),
        rev(fixed, "submitted", "reporter", isoAt(again, rnd, 8, 12)),
        rev(fixed, "approved", "planner", isoAt(reviewDay(again), rnd, 13, 18)),
      ];
    }
    case "corrected": {
      const later = addDays(reviewed, 10 + Math.floor(rnd() * 10));
      const fixed = contentFor(s, p, rnd, between(rnd, 0.9, 1.1));
      return [
        submitted,
        rev(first, "approved", "planner", isoAt(reviewed, rnd, 13, 18)),
        rev(fixed, "submitted", "reporter", isoAt(later, rnd, 8, 12)),
        rev(fixed, "approved", "planner", isoAt(reviewDay(later), rnd, 13, 18)),
      ];
    }
    default:
      return [submitted, rev(first, "approved", "planner", isoAt(reviewed, rnd, 13, 18))];
  }
}

/** Targets, tasks and items of one plan, the outline and source text they sit in, and their reports. */
export function generatePlan(options: GeneratorOptions, region: GenRegion): GenPlan {
  const rnd = randomFrom(streamSeed(options.seed, region.key + 1));
  const year = options.year;
  const periodStart = `${year}-01-01`;
  const periodEnd = `${year}-12-31`;
  const issuer = `${region.name}人民政府`;
  const title = `关于${region.name}${year}年国民经济和社会发展计划执行情况与${year}年计划草案的报告（生成数据）`;
  const nodes: GenNode[] = [];
  const targets: GenTarget[] = [];
  const items: GenItem[] = [];
  const departmentCount = DEPARTMENTS.length;
  let text = `${title}\n\n`;
  const append = (line: string) => {
    const start = text.length;
    text += line;
    return { start, end: text.length };
  };

  // Tasks hold four targets each on average; the areas and groups are the usual five headings.
  const taskCount = Math.max(1, Math.ceil(options.targets / 4));
  const groups: number[] = [];
  AREAS.forEach((area, a) => {
    const span = append(`${"一二三四五"[a]}、${area.title}\n`);
    nodes.push({
      parent: null,
      kind: "area",
      level: 1,
      marker: `${"一二三四五"[a]}、`,
      title: area.title,
      text: "",
      spanStart: span.start,
      spanEnd: span.end - 1,
      lead: null,
      co: [],
    });
    const areaIndex = nodes.length - 1;
    area.groups.forEach((g, k) => {
      const gs = append(`（${"一二三四"[k]}）${g}\n`);
      nodes.push({
        parent: areaIndex,
        kind: "group",
        level: 2,
        marker: `（${"一二三四"[k]}）`,
        title: g,
        text: "",
        spanStart: gs.start,
        spanEnd: gs.end - 1,
        lead: null,
        co: [],
      });
      groups.push(nodes.length - 1);
    });
  });
  const taskNodes: number[] = [];
  const subjects: Subject[] = [];
  for (let i = 0; i < taskCount; i++) {
    const group = groups[i % groups.length] as number;
    const lead = 1 + Math.floor(rnd() * (departmentCount - 1));
    const taskTitle = `${pick(rnd, TASK_VERBS)}${pick(rnd, TASK_OBJECTS)}`;
    const start = text.length;
    let sentence = `${taskTitle}，`;
    // The targets of this task are written into its sentence, with their spans.
    const mine = Math.min(4, options.targets - i * 4);
    const here: GenTarget[] = [];
    for (let j = 0; j < mine; j++) {
      const index = i * 4 + j;
      // Round-robin over the templates first, so that every kind appears in the smallest plan.
      const tpl = (index < TEMPLATES.length ? TEMPLATES[index] : pick(rnd, TEMPLATES)) as TargetTemplate;
      const display = tpl.kind === "milestone" ? null : round(between(rnd, tpl.low, tpl.high), tpl.digits);
      const display2 =
        tpl.comparator === "range" && display !== null ? round(display + 0.5, tpl.digits) : null;
      const phrase = tpl.phrase.replace("{v}", display === null ? "" : formatDisplay(tpl, display, display2));
      const spanStart = start + sentence.length;
      sentence += `${phrase}；`;
      const value = display === null ? null : round(display * tpl.scale, 4);
      here.push({
        node: -1,
        subject: tpl.subject,
        value,
        value2: display2 === null ? null : round(display2 * tpl.scale, 4),
        unit: tpl.unit,
        displayUnit: tpl.displayUnit,
        scale: tpl.scale,
        display: display === null ? "" : formatDisplay(tpl, display, display2),
        comparator: tpl.comparator,
        direction: tpl.direction,
        kind: tpl.kind,
        baseline:
          tpl.baselineShare !== undefined && value !== null ? round(value * tpl.baselineShare, 2) : null,
        frequency: tpl.frequency ?? (tpl.kind === "milestone" ? "quarterly" : "monthly"),
        weight: tpl.kind === "rate" ? 2 : 1,
        spanStart,
        spanEnd: spanStart + phrase.length,
        lead: tpl.lead,
        co: rnd() < 0.3 ? [(tpl.lead + 1 + Math.floor(rnd() * (departmentCount - 1))) % departmentCount] : [],
      });
    }
    sentence = `${sentence.replace(/[，；]$/, "")}。\n`;
    text += sentence;
    nodes.push({
      parent: group,
      kind: "task",
      level: 3,
      marker: "",
      title: taskTitle,
      text: sentence.trim(),
      spanStart: start,
      spanEnd: start + sentence.length - 1,
      lead,
      co: rnd() < 0.4 ? [(lead % (departmentCount - 1)) + 1] : [],
    });
    const nodeIndex = nodes.length - 1;
    taskNodes.push(nodeIndex);
    for (const t of here) targets.push({ ...t, node: nodeIndex, co: t.co.filter((c) => c !== t.lead) });
    subjects.push({
      type: "task",
      index: nodeIndex,
      frequency: "monthly",
      department: lead,
      pace: between(rnd, 0.5, 1.3),
      name: taskTitle,
    });
  }
  targets.forEach((t, index) => {
    subjects.push({
      type: "target",
      index,
      frequency: t.frequency,
      department: t.lead,
      pace: between(rnd, 0.5, 1.3),
      target: t,
      name: t.subject,
    });
  });
  const itemCount = Math.max(1, Math.floor(options.targets / 20));
  for (let i = 0; i < itemCount; i++) {
    const kind = ITEM_NAMES[i % ITEM_NAMES.length] as (typeof ITEM_NAMES)[number];
    const name = `${region.name.slice(0, 2)}${pick(rnd, PLACE_FIRST)}${pick(rnd, PLACE_SECOND)}${kind.suffix}`;
    const span = append(`重点推进${name}。\n`);
    const node = taskNodes[i % taskNodes.length] as number;
    const lead = (nodes[node]?.lead ?? 9) as number;
    items.push({
      node,
      name,
      category: kind.category,
      spanStart: span.start + 4,
      spanEnd: span.start + 4 + name.length,
      lead,
      dueDate: `${year}-${pad(6 + Math.floor(rnd() * 7))}-${pick(rnd, ["15", "28"])}`,
    });
    subjects.push({
      type: "item",
      index: i,
      frequency: "monthly",
      department: lead,
      pace: between(rnd, 0.6, 1.3),
      name,
    });
  }

  // 分期计划 for some cumulative targets: building work that stops in winter.
  const planned: GenPlanned[] = [];
  targets.forEach((t, index) => {
    if (t.kind !== "cumulative" || t.value === null || rnd() >= 0.1) return;
    for (const p of reportingPeriods(periodStart, periodEnd, t.frequency)) {
      const winter = p.key.endsWith("-01") || p.key.endsWith("-02") || p.key.endsWith("-Q1");
      const share = winter ? p.elapsedShare * 0.5 : p.elapsedShare;
      planned.push({ target: index, period: p.key, periodEnd: p.end, value: round(t.value * share, 2) });
    }
  });

  const lastMonth = `${year}-${pad(options.months)}-${pad(new Date(Date.UTC(year, options.months, 0)).getUTCDate())}`;
  const reports: GenReport[] = [];
  const extensions: GenExtension[] = [];
  const reminders: GenReminder[] = [];
  const periodsByFrequency: Record<Frequency, ReportingPeriod[]> = {
    monthly: reportingPeriods(periodStart, periodEnd, "monthly"),
    quarterly: reportingPeriods(periodStart, periodEnd, "quarterly"),
  };
  for (const s of subjects) {
    const periods = periodsByFrequency[s.frequency].filter((p) => p.end <= lastMonth);
    periods.forEach((p, k) => {
      const story = storyOf(rnd, k === periods.length - 1);
      const late = rnd() < 0.1;
      if (story === "missing") {
        // A missing report is chased: a reminder to the department, recorded like every reminder.
        if (rnd() < 0.5)
          reminders.push({
            department: s.department,
            subject: { type: s.type, index: s.index },
            period: p.key,
            // The office writes its reminders in its own language, like the 催报 of the desk.
            message: `请尽快报送${s.name}${periodWords(p.key, "zh")}进展情况`,
            at: isoAt(addDays(p.due, 2), rnd),
          });
        return;
      }
      const reportIndex = reports.length;
      reports.push({
        subject: { type: s.type, index: s.index },
        department: s.department,
        period: p,
        revisions: revisionsFor(s, p, story, rnd, late),
      });
      if (late && rnd() < 0.3) {
        const asked = isoAt(addDays(p.due, -1), rnd);
        const state = rnd() < 0.7 ? "granted" : rnd() < 0.5 ? "refused" : "pending";
        extensions.push({
          report: reportIndex,
          reason: "统计数据尚未出齐，申请延期报送",
          requestedDueDate: addDays(p.due, 10),
          state,
          at: asked,
          decidedAt: state === "pending" ? null : isoAt(p.due, rnd, 13, 18),
        });
      }
    });
  }
  return {
    title,
    issuer,
    periodStart,
    periodEnd,
    publishedOn: `${year}-01-20`,
    createdAt: `${year}-01-10T09:00:00.000Z`,
    sourceText: text,
    nodes,
    targets,
    items,
    reports,
    planned,
    extensions,
    reminders,
  };
}
