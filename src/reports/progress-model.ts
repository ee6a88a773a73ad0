// The model of the progress report (执行进度报告) and of the annual execution report draft (计划执行情况
// 报告): the plan as judged at the end of one reporting period, in the words Chinese reports use
// (“完成年度目标的63.5%，欠时序进度11.5个百分点”). Pure: the statuses come from the evaluation the rest
// of the product uses (services/plan-status.ts); this module only words and groups them.

import { STATUS_WORDS, schedulePhrase, type TargetStatus } from "../domain/evaluation.ts";
import { type Rollup, rollup } from "../domain/rollup.ts";
import { decimalsFor } from "../domain/rounding.ts";
import { displayFactor, formatNumber } from "../domain/target-display.ts";
import type { Comparator, Direction, TargetAttribute, TargetKind } from "../extract/types.ts";
import { officialDate } from "./gbt9704.ts";
import { DEFAULT_FRAME, type DocumentFrameSettings, reportTitle } from "./progress-frame.ts";
import { type AreaTasks, type ReportTask, type TaskProgress, taskProgress } from "./progress-tasks.ts";

export interface ZhEn {
  zh: string;
  en: string;
}

/** One target as judged, with what the wording needs. Values are in base units. */
export interface ReportTarget {
  id: number;
  subject: string;
  /** The target as the plan writes it (4万人, 5%). */
  display: string;
  kind: TargetKind;
  comparator: Comparator;
  direction: Direction;
  target: number | null;
  target2: number | null;
  unit: string;
  displayUnit: string;
  /** The area (1. …) it belongs to, or null (the headline indicators sit in a section of their own). */
  areaId: number | null;
  /** One of the plan's 主要预期指标. */
  headline: boolean;
  department: string | null;
  weight: number;
  /** 约束性 / 预期性 where the plan says; a 约束性 target is marked so in the tables. */
  attribute?: TargetAttribute | null;
  /** The approved value judged (for a milestone: its percent), or null. */
  value: number | null;
  status: TargetStatus;
  completion: number | null;
  expectedShare: number | null;
  gapPoints: number | null;
  expectedFrom: "planned" | "elapsed" | null;
  /** The period the judgement rests on and, for a missing report, when it was due. */
  judgedPeriod: string | null;
  due: string | null;
}

export interface ReportArea {
  id: number;
  title: string;
}

/** A 存在问题 or 下步打算 text from an approved report. */
export interface ReportText {
  subject: string;
  department: string | null;
  problems: string;
  nextSteps: string;
}

export interface DepartmentStanding {
  name: string;
  completionIndex: number | null;
  reportsDue: number;
  reportsOnTime: number;
}

export interface ProgressInput {
  planTitle: string;
  region: string | null;
  /** First and last day of the plan period. */
  planStart: string;
  planEnd: string;
  /** The period reported on; elapsedShare is its 时序进度 (0..1). */
  period: { key: string; end: string; elapsedShare: number };
  asOf: string;
  targets: readonly ReportTarget[];
  areas: readonly ReportArea[];
  texts: readonly ReportText[];
  departments: readonly DepartmentStanding[];
  /** The plan's key tasks as judged (the outline's task nodes and their reports). */
  tasks?: readonly ReportTask[];
  /** The 公文 frame: number, recipient, signer, copies (plan settings and the export request). */
  frame?: DocumentFrameSettings;
}

export interface TargetLine {
  id: number;
  subject: string;
  display: string;
  valueText: string;
  completionText: string;
  gapText: string;
  status: TargetStatus;
  statusWord: ZhEn;
  department: string | null;
  attribute: TargetAttribute | null;
  /** The target in a sentence, without its subject: “累计完成2.1万人，完成年度目标的52.5%，欠时序进度…”. */
  phrase: ZhEn;
  /** Subject and phrase: “新增就业累计完成2.1万人，完成年度目标的52.5%，…”. */
  sentence: ZhEn;
}

export interface AreaSection {
  id: number | null;
  title: string;
  /** Short name for charts and tables: the area title up to its first comma. */
  shortTitle: string;
  rollup: Rollup;
  targets: TargetLine[];
  summary: ZhEn;
  /** The area's key tasks (none: an area of targets only). */
  tasks: AreaTasks | null;
}

export interface GatheredText {
  text: string;
  departments: string[];
  subjects: string[];
}

export interface LaggingDepartment {
  name: string;
  behind: number;
  farBehind: number;
  notReported: number;
  completionIndex: number | null;
  onTimeRate: number | null;
}

export interface ProgressModel {
  title: string;
  draftTitle: string;
  /** 南开区发展和改革委员会 */
  issuer: string;
  /** 2020年10月12日 */
  date: string;
  /** 1—6月, 上半年, 全年 */
  periodLabel: string;
  /** The period's 时序进度 (elapsed share of the plan period), 0..1. */
  expectedShare: number;
  /** 年度目标, or 目标 for a plan longer than a year. */
  targetWord: string;
  overview: { rollup: Rollup; sentence: ZhEn; indexDefinition: ZhEn };
  headline: TargetLine[];
  areas: AreaSection[];
  lagging: TargetLine[];
  laggingDepartments: LaggingDepartment[];
  problems: GatheredText[];
  nextSteps: GatheredText[];
  /** Where the figures come from, for the note under the overview. */
  sourceNote: ZhEn;
  frame: DocumentFrameSettings;
  /** 主送机关 with its colon: 区人民政府： */
  recipient: string;
  /** “截至2020年9月底” */
  asAtWords: string;
  tasks: TaskProgress;
  /** Every target, headline first, for 附件1. */
  allTargets: TargetLine[];
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
export const percentText = (share: number, digits = 1): string => `${round(share * 100, digits)}%`;

/** A value in base units written in the target's display unit (21000 人 in 万人 → 2.1万人). */
export function valueText(value: number, unit: string, displayUnit: string): string {
  const shown = displayUnit || unit;
  return `${formatNumber(round(value / displayFactor(unit, shown), decimalsFor(shown)))}${shown}`;
}

const isPercentUnit = (unit: string) => unit === "%" || unit === "个百分点";

/** A difference between two values of the unit: percentage points for rates, the unit otherwise. */
function differenceText(diff: number, unit: string, displayUnit: string): ZhEn {
  if (isPercentUnit(unit)) {
    const n = formatNumber(round(Math.abs(diff), 1));
    return { zh: `${n}个百分点`, en: `${n} points` };
  }
  const v = valueText(Math.abs(diff), unit, displayUnit);
  return { zh: v, en: v };
}

/** 2020-06 → 1—6月; 2020-Q2 → 上半年; the last period of a one-year plan → 全年. */
export function periodLabel(key: string, planStart: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return ["一季度", "上半年", "前三季度", "全年"][Number(q[2]) - 1] as string;
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return key;
  const month = Number(m[2]);
  const first = Number(planStart.slice(5, 7));
  if (month === 12 && first === 1) return "全年";
  return month === first ? `${month}月` : `${first}—${month}月`;
}

function rateVerb(t: ReportTarget): ZhEn {
  if (t.kind !== "rate") return { zh: "为", en: "at" };
  if (t.direction === "decrease") return { zh: "累计下降", en: "down" };
  if (t.direction === "increase") return { zh: "累计增长", en: "up" };
  return { zh: "为", en: "at" };
}

/** A target judged on its value (rates, bounds, ranges, `about`): how it stands against the goal. */
function directPhrase(t: ReportTarget, targetWord: string): ZhEn {
  const u = t.displayUnit || t.unit;
  const show = (v: number) => valueText(v, t.unit, t.displayUnit);
  const verb = rateVerb(t);
  const value = t.value as number;
  const now = { zh: `${verb.zh}${show(value)}`, en: `${verb.en} ${show(value)}` };
  const goal = t.target ?? 0;
  const goalText = show(goal);
  const diff = (a: number, b: number) => differenceText(a - b, t.unit, t.displayUnit);
  const met = t.status === "completed" || t.status === "on_track";
  if (t.comparator === "at_most") {
    const ceiling = `目标控制在${goalText}以内，目前${verb.zh === "为" ? "为" : verb.zh.replace("累计", "")}${show(value)}`;
    if (met) return { zh: ceiling, en: `${now.en}, within ${goalText}` };
    const d = diff(value, goal);
    return {
      zh: `${ceiling}，超出控制目标${d.zh}`,
      en: `${now.en}, over the ceiling of ${goalText} by ${d.en}`,
    };
  }
  if (t.comparator === "range" && t.target2 !== null) {
    const lo = formatNumber(round(goal / displayFactor(t.unit, u), 2));
    const band = `${lo}—${show(t.target2)}`;
    if (value >= goal && value <= t.target2)
      return { zh: `${now.zh}，处于${band}的目标区间`, en: `${now.en}, inside the range ${band}` };
    if (value > t.target2) {
      return met
        ? { zh: `${now.zh}，高于${band}的目标区间`, en: `${now.en}, above the range ${band}` }
        : { zh: `${now.zh}，超出${band}的目标区间`, en: `${now.en}, outside the range ${band}` };
    }
    const d = diff(goal, value);
    return {
      zh: `${now.zh}，低于${band}的目标区间下限${d.zh}`,
      en: `${now.en}, below the range ${band} by ${d.en}`,
    };
  }
  if (t.comparator === "about") {
    if (met && value <= goal)
      return {
        zh: `${now.zh}，与${goalText}左右的目标基本一致`,
        en: `${now.en}, about the target ${goalText}`,
      };
    if (met) return { zh: `${now.zh}，高于${goalText}左右的目标`, en: `${now.en}, above about ${goalText}` };
    const d = diff(value, goal);
    return value < goal
      ? {
          zh: `${now.zh}，低于${goalText}左右的目标${d.zh}`,
          en: `${now.en}, below about ${goalText} by ${d.en}`,
        }
      : {
          zh: `${now.zh}，偏离${goalText}左右的目标${d.zh}`,
          en: `${now.en}, off about ${goalText} by ${d.en}`,
        };
  }
  const goalWords = `${targetWord}（${verb.zh === "为" ? "" : verb.zh.replace("累计", "")}${goalText}）`;
  if (value === goal || (met && Math.abs(value - goal) < 1e-9))
    return { zh: `${now.zh}，达到${goalWords}`, en: `${now.en}, at the target ${goalText}` };
  const d = diff(value, goal);
  return value > goal
    ? { zh: `${now.zh}，高于${goalWords}${d.zh}`, en: `${now.en}, above the target ${goalText} by ${d.en}` }
    : { zh: `${now.zh}，低于${goalWords}${d.zh}`, en: `${now.en}, below the target ${goalText} by ${d.en}` };
}

/** “欠时序进度11.5个百分点”, or against the planner's 分期计划 when that ruled. */
function gapPhrase(t: ReportTarget): ZhEn {
  const p = schedulePhrase(t.gapPoints ?? 0);
  if (t.expectedFrom !== "planned") return p;
  return { zh: p.zh.replace("时序进度", "分期计划进度"), en: p.en.replace("schedule", "the planned share") };
}

const judgedOnValue = (t: ReportTarget) =>
  t.kind !== "milestone" &&
  (t.kind === "rate" || t.comparator === "at_most" || t.comparator === "about" || t.comparator === "range");

/** The target's standing in the words of a Chinese progress report, Chinese first. */
export function targetPhrase(t: ReportTarget, targetWord = "年度目标"): ZhEn {
  if (t.status === "not_started")
    return { zh: "尚无已结束的报告期，暂不评价", en: "no reporting period has ended yet" };
  if (t.status === "not_reported" && t.value === null) {
    if (t.due !== null && t.judgedPeriod !== null)
      return {
        zh: `${periodWords(t.judgedPeriod)}进展应于${officialDate(t.due)}前报送，至今未报送`,
        en: `the report for ${t.judgedPeriod} was due by ${t.due} and has not come`,
      };
    return { zh: "未报送进展情况", en: "no report" };
  }
  if (t.value === null) return { zh: "报告未给出数值", en: "the report gives no value" };
  if (judgedOnValue(t)) return directPhrase(t, targetWord);
  const completion = t.completion ?? 0;
  if (t.kind === "milestone") {
    if (t.status === "completed") return { zh: "已完成", en: "done" };
    const g = gapPhrase(t);
    return {
      zh: `完成进度${percentText(completion)}，${g.zh}`,
      en: `${percentText(completion)} done, ${g.en}`,
    };
  }
  const shown = valueText(t.value, t.unit, t.displayUnit);
  if (t.kind === "level" && t.target !== null) return levelPhrase(t, shown, targetWord);
  const lead =
    t.kind === "cumulative"
      ? { zh: `累计完成${shown}`, en: `${shown} to date` }
      : { zh: `达到${shown}`, en: `now ${shown}` };
  const share = percentText(completion);
  if (t.status === "completed")
    return {
      zh: `${lead.zh}，完成${targetWord}的${share}，已完成${targetWord}`,
      en: `${lead.en}, ${share} of the target: met`,
    };
  const g = gapPhrase(t);
  return {
    zh: `${lead.zh}，完成${targetWord}的${share}，${g.zh}`,
    en: `${lead.en}, ${share} of the target, ${g.en}`,
  };
}

/** A level or a ratio is a distance to its target, not a share of it: “达到77.5%，距目标80%差2.5个百分点”. */
function levelPhrase(t: ReportTarget, shown: string, targetWord: string): ZhEn {
  const goal = valueText(t.target as number, t.unit, t.displayUnit);
  const value = t.value as number;
  const reached = t.direction === "decrease" ? value <= (t.target as number) : value >= (t.target as number);
  if (reached || t.status === "completed")
    return {
      zh: `达到${shown}，已达到${goal}的${targetWord}`,
      en: `now ${shown}, the target ${goal} reached`,
    };
  const d = differenceText((t.target as number) - value, t.unit, t.displayUnit);
  return {
    zh: `达到${shown}，距${targetWord}${goal}差${d.zh}`,
    en: `now ${shown}, ${d.en} short of the target ${goal}`,
  };
}

const CN_QUARTER = ["一", "二", "三", "四"];

/** 2020-06 → 6月, 2020-Q2 → 二季度: a period in words, never its code. */
export function periodWords(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return `${CN_QUARTER[Number(q[2]) - 1]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? `${Number(m[2])}月` : key;
}

function line(t: ReportTarget, targetWord: string): TargetLine {
  const phrase = targetPhrase(t, targetWord);
  const scheduled = !judgedOnValue(t) && t.gapPoints !== null && t.status !== "completed";
  return {
    id: t.id,
    subject: t.subject,
    display: t.display,
    valueText:
      t.value === null
        ? "—"
        : t.kind === "milestone"
          ? `${formatNumber(round(t.value, 1))}%`
          : valueText(t.value, t.unit, t.displayUnit),
    // A rate's value over its target is no share of work done: its cell stays empty.
    completionText: t.completion === null || judgedOnValue(t) ? "—" : percentText(t.completion),
    gapText: scheduled ? gapCell(t.gapPoints as number) : "—",
    status: t.status,
    statusWord: STATUS_WORDS[t.status],
    department: t.department,
    attribute: t.attribute ?? null,
    phrase,
    sentence: {
      zh: `${t.subject}${/^(累计|达到|为|目标)/.test(phrase.zh) ? "" : "，"}${phrase.zh}`,
      en: `${t.subject}: ${phrase.en}`,
    },
  };
}

/** The schedule gap in a table cell whose header gives the unit (百分点): 超9.9, 欠11.5, 持平. */
export function gapCell(gapPoints: number): string {
  const size = round(Math.abs(gapPoints), 1);
  if (size === 0) return "持平";
  return `${gapPoints > 0 ? "超" : "欠"}${size}`;
}

const ORDER: readonly TargetStatus[] = [
  "completed",
  "on_track",
  "behind",
  "far_behind",
  "not_reported",
  "not_started",
];

/** “已完成3项，正常推进12项，滞后2项” — statuses with none are left out. */
export function countsSentence(counts: Record<TargetStatus, number>): ZhEn {
  const zhWord: Record<TargetStatus, string> = {
    completed: "已完成",
    on_track: "正常推进",
    behind: "滞后",
    far_behind: "严重滞后",
    not_reported: "未报送",
    not_started: "未开始",
  };
  const present = ORDER.filter((s) => counts[s] > 0);
  return {
    zh: present.map((s) => `${zhWord[s]}${counts[s]}项`).join("，"),
    en: present.map((s) => `${counts[s]} ${STATUS_WORDS[s].en}`).join(", "),
  };
}

function indexWords(r: Rollup): ZhEn {
  return r.completionIndex === null
    ? { zh: "暂无可计算的综合完成指数", en: "no completion index yet" }
    : {
        zh: `综合完成指数${percentText(r.completionIndex)}`,
        en: `completion index ${percentText(r.completionIndex)}`,
      };
}

const shortTitle = (title: string) => (title.split(/[，,。；]/)[0] ?? title).slice(0, 14);

/** 无, 暂无, 无。 and the like are not problems. */
const EMPTY_TEXT = /^(无|暂无|没有|无问题|暂无问题|无困难|—+|-+|\/)?[。.；;]?$/;

/** The texts of the approved reports, identical ones merged, the most often named first. */
export function gatherTexts(texts: readonly ReportText[], field: "problems" | "nextSteps"): GatheredText[] {
  const byText = new Map<string, GatheredText>();
  for (const t of texts) {
    const text = t[field].trim().replace(/\s+/g, " ");
    if (EMPTY_TEXT.test(text)) continue;
    const g = byText.get(text) ?? { text, departments: [], subjects: [] };
    if (t.department && !g.departments.includes(t.department)) g.departments.push(t.department);
    if (!g.subjects.includes(t.subject)) g.subjects.push(t.subject);
    byText.set(text, g);
  }
  return [...byText.values()].sort((a, b) => b.subjects.length - a.subjects.length);
}

function laggingDepartments(
  targets: readonly ReportTarget[],
  standings: readonly DepartmentStanding[],
): LaggingDepartment[] {
  const byName = new Map<string, LaggingDepartment>();
  for (const t of targets) {
    if (t.department === null) continue;
    if (t.status !== "behind" && t.status !== "far_behind" && t.status !== "not_reported") continue;
    const standing = standings.find((s) => s.name === t.department);
    const d = byName.get(t.department) ?? {
      name: t.department,
      behind: 0,
      farBehind: 0,
      notReported: 0,
      completionIndex: standing?.completionIndex ?? null,
      onTimeRate: standing && standing.reportsDue > 0 ? standing.reportsOnTime / standing.reportsDue : null,
    };
    if (t.status === "behind") d.behind++;
    else if (t.status === "far_behind") d.farBehind++;
    else d.notReported++;
    byName.set(t.department, d);
  }
  return [...byName.values()].sort(
    (a, b) =>
      b.farBehind - a.farBehind ||
      b.behind + b.notReported - (a.behind + a.notReported) ||
      (a.completionIndex ?? 0) - (b.completionIndex ?? 0) ||
      a.name.localeCompare(b.name, "zh-CN"),
  );
}

function rollupOf(targets: readonly ReportTarget[]): Rollup {
  return rollup(
    targets.map((t) => ({
      status: t.status,
      completion: t.kind === "milestone" ? null : t.completion,
      weight: t.weight,
    })),
  );
}

function areaSummary(title: string, r: Rollup, lines: readonly TargetLine[]): ZhEn {
  const counts = countsSentence(r.counts);
  const index = indexWords(r);
  const lag = lines.filter((l) => l.status === "behind" || l.status === "far_behind");
  const lagZh = lag.length > 0 ? `，其中${lag.map((l) => l.subject).join("、")}进度滞后` : "";
  const lagEn = lag.length > 0 ? `; behind: ${lag.map((l) => l.subject).join(", ")}` : "";
  return {
    zh: `${title}共安排${r.total}项指标，${counts.zh}，${index.zh}${lagZh}。`,
    en: `${title}: ${r.total} targets, ${counts.en}; ${index.en}${lagEn}.`,
  };
}

function planYears(start: string, end: string): number {
  return Number(end.slice(0, 4)) - Number(start.slice(0, 4)) + 1;
}

/** Builds the report model from the plan judged as of the date. */
export function buildProgressModel(input: ProgressInput): ProgressModel {
  const targetWord = planYears(input.planStart, input.planEnd) > 1 ? "目标" : "年度目标";
  const label = periodLabel(input.period.key, input.planStart);
  const all = rollupOf(input.targets);
  const toLine = (t: ReportTarget) => line(t, targetWord);
  const tasks = taskProgress(
    input.tasks ?? [],
    input.areas.map((a) => a.id),
  );
  const areaSections: AreaSection[] = [];
  // Every area, with targets or tasks or neither: a reader checks that none was left out.
  for (const area of input.areas) {
    const mine = input.targets.filter((t) => t.areaId === area.id && !t.headline);
    const r = rollupOf(mine);
    const lines = mine.map(toLine);
    areaSections.push({
      id: area.id,
      title: area.title,
      shortTitle: shortTitle(area.title),
      rollup: r,
      targets: lines,
      summary: mine.length > 0 ? areaSummary("本领域", r, lines) : { zh: "", en: "" },
      tasks: tasks.byArea.get(area.id) ?? null,
    });
  }
  const known = new Set(input.areas.map((a) => a.id));
  const others = input.targets.filter((t) => !t.headline && (t.areaId === null || !known.has(t.areaId)));
  if (others.length > 0) {
    const r = rollupOf(others);
    const lines = others.map(toLine);
    areaSections.push({
      id: null,
      title: "其他指标",
      shortTitle: "其他指标",
      rollup: r,
      targets: lines,
      summary: areaSummary("其他方面", r, lines),
      tasks: null,
    });
  }
  const otherTasks = tasks.byArea.get(null);
  if (otherTasks) {
    const none = rollupOf([]);
    areaSections.push({
      id: null,
      title: "其他重点任务",
      shortTitle: "其他重点任务",
      rollup: none,
      targets: [],
      summary: { zh: "", en: "" },
      tasks: otherTasks,
    });
  }
  const lagOrder: Record<string, number> = { far_behind: 0, behind: 1, not_reported: 2 };
  const lagging = input.targets
    .filter((t) => t.status in lagOrder)
    .sort(
      (a, b) =>
        (lagOrder[a.status] as number) - (lagOrder[b.status] as number) ||
        (a.completion ?? 0) - (b.completion ?? 0),
    )
    .map(toLine);
  const region = input.region ?? "";
  const index = indexWords(all);
  const counts = countsSentence(all.counts);
  const endWords = officialDate(input.period.end).replace(/\d+日$/, "底");
  const frame = input.frame ?? DEFAULT_FRAME;
  const issuer = frame.issuer ?? (region ? `${region}发展和改革委员会` : "发展和改革委员会");
  const headline = input.targets.filter((t) => t.headline).map(toLine);
  return {
    title: reportTitle(input.planTitle, label),
    draftTitle: `${reportTitle(input.planTitle, label)}（草稿）`,
    issuer,
    date: officialDate(input.asOf),
    periodLabel: label,
    expectedShare: input.period.elapsedShare,
    targetWord,
    overview: {
      rollup: all,
      sentence: {
        zh: `截至${endWords}，计划确定的${all.total}项指标中，${counts.zh}；${index.zh}。`,
        en: `At the end of ${input.period.end.slice(0, 7)}, of the plan's ${all.total} targets: ${counts.en}; ${index.en}.`,
      },
      indexDefinition: {
        zh: "综合完成指数为各数值指标完成程度（单项超过100%的按100%计）按权重的平均值。",
        en: "The completion index is the weighted mean of each numeric target's completion, capped at 100%.",
      },
    },
    headline,
    areas: areaSections,
    lagging,
    laggingDepartments: laggingDepartments(input.targets, input.departments),
    problems: gatherTexts(input.texts, "problems"),
    nextSteps: gatherTexts(input.texts, "nextSteps"),
    sourceNote: {
      zh: `数据截至${officialDate(input.asOf)}，来源于各责任单位报送并经审核的进展报告。`,
      en: `Figures as of ${input.asOf}, from the departments' approved progress reports.`,
    },
    frame: { ...frame, issuer },
    // A district's report goes to the 区人民政府, a city's to the 市人民政府.
    recipient: `${frame.recipient ?? `${/[区县市省]$/.test(region) ? region.slice(-1) : ""}人民政府`}：`,
    asAtWords: `截至${endWords}`,
    tasks,
    allTargets: [...headline, ...areaSections.flatMap((a) => a.targets)],
  };
}

/** Status counts in report order, for tables and charts. */
export function statusRows(r: Rollup): Array<{ status: TargetStatus; word: ZhEn; count: number }> {
  return ORDER.map((s) => ({ status: s, word: STATUS_WORDS[s], count: r.counts[s] }));
}
