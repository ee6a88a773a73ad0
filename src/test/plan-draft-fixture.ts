// A small plan text and its draft, built by hand, so that storage, service and route tests do not
// depend on the extractor's precision. `fixtureExtract` stands in for extractPlan: it finds the
// fixture's quotes in whatever text it gets (a .txt, the same plan as HTML or .docx), so spans are
// right for each, and returns an empty draft for text without them.

import type {
  DepartmentSuggestion,
  ExtractedItem,
  ExtractedMilestone,
  ExtractedTarget,
  OutlineHeading,
  PlanDraft,
  TaskNode,
} from "../extract/types.ts";
import type { ExtractPlanFn } from "../services/import-plan.ts";

export const FIXTURE_TEXT = [
  "南开区2020年国民经济和社会发展计划",
  "来源:天津市南开区发展和改革委员会 时间:2020-03-02 09:00:00",
  "",
  "一、2020年主要预期指标",
  "",
  "地区生产总值增长5%,一般公共预算收入增长5%,固定资产投资增长6%。",
  "",
  "二、2020年经济社会发展重点任务",
  "",
  "1.调优产业结构,加速区域经济提质增效",
  "",
  "拓展经济发展增量。全年新增就业4万人。雏鹰企业分别达到80家和18家。建成南开美术馆。推进水厂南BC地块出让。",
  "",
].join("\n");

function suggestion(department: string, keyword: string): DepartmentSuggestion {
  return { department, keyword, suggested: true };
}

/** [start, end) of the n-th (1-based) occurrence of `quote` in `text`, or null. */
export function spanOf(text: string, quote: string, occurrence = 1): { start: number; end: number } | null {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return null;
  }
  return { start: at, end: at + quote.length };
}

export function emptyDraft(): PlanDraft {
  return {
    meta: {
      title: null,
      region: null,
      year: null,
      periodStart: null,
      periodEnd: null,
      issuer: null,
      published: null,
    },
    outline: [],
    tasks: [],
    targets: [],
    milestones: [],
    items: [],
  };
}

/** The fixture's draft with spans located in `text` (FIXTURE_TEXT by default). */
export function fixtureDraft(text: string = FIXTURE_TEXT): PlanDraft {
  const draft = emptyDraft();
  if (!text.includes("地区生产总值增长5%")) return draft;
  draft.meta = {
    title: "南开区2020年国民经济和社会发展计划",
    region: "南开区",
    year: 2020,
    periodStart: 2020,
    periodEnd: 2020,
    issuer: "天津市南开区发展和改革委员会",
    published: "2020-03-02",
  };
  const headings: [string, OutlineHeading["kind"], number, string, string, string | null][] = [
    ["h1", "section", 1, "一、", "2020年主要预期指标", null],
    ["h2", "section", 1, "二、", "2020年经济社会发展重点任务", null],
    ["h3", "area", 2, "1.", "调优产业结构,加速区域经济提质增效", "h2"],
    ["h4", "group", 3, "", "拓展经济发展增量", "h3"],
  ];
  for (const [id, kind, level, marker, title, parentId] of headings) {
    const span = spanOf(text, marker + title);
    if (span) draft.outline.push({ id, kind, level, marker, title, parentId, ...span });
  }
  const tasks: [string, string, string, DepartmentSuggestion | null][] = [
    ["t1", "地区生产总值增长5%,一般公共预算收入增长5%,固定资产投资增长6%。", "h1", null],
    ["t2", "全年新增就业4万人。", "h4", suggestion("区人社局", "就业")],
    ["t3", "雏鹰企业分别达到80家和18家。", "h4", suggestion("区科技局", "雏鹰")],
    ["t4", "建成南开美术馆。", "h4", suggestion("区文化和旅游局", "美术馆")],
    ["t5", "推进水厂南BC地块出让。", "h4", suggestion("区规划资源局", "地块")],
  ];
  for (const [id, quote, parentId, department] of tasks) {
    const span = spanOf(text, quote);
    if (span) draft.tasks.push({ id, parentId, text: quote, department, ...span } satisfies TaskNode);
  }
  const targets: [string, Omit<ExtractedTarget, "start" | "end">][] = [
    [
      "地区生产总值增长5%",
      target("x1", "t1", "地区生产总值", 5, "%", "5%", "%", "rate", suggestion("区统计局", "地区生产总值")),
    ],
    ["一般公共预算收入增长5%", target("x2", "t1", "一般公共预算收入", 5, "%", "5%", "%", "rate", null)],
    ["固定资产投资增长6%", target("x3", "t1", "固定资产投资", 6, "%", "6%", "%", "rate", null)],
    ["新增就业4万人", target("x4", "t2", "新增就业", 40000, "人", "4万人", "万人", "cumulative", null)],
    // One target for a list of two values: a test splits it.
    ["雏鹰企业分别达到80家和18家", target("x5", "t3", "雏鹰企业", 80, "家", "80家", "家", "level", null)],
  ];
  for (const [quote, t] of targets) {
    const span = spanOf(text, quote);
    if (span) draft.targets.push({ ...t, ...span });
  }
  const milestone = spanOf(text, "建成南开美术馆");
  if (milestone) {
    draft.milestones.push({
      id: "m1",
      taskId: "t4",
      subject: "建成南开美术馆",
      kind: "milestone",
      department: null,
      ...milestone,
    } satisfies ExtractedMilestone);
  }
  const item = spanOf(text, "水厂南BC地块");
  if (item)
    draft.items.push({
      id: "i1",
      taskId: "t5",
      name: "水厂南BC地块",
      category: "land_parcel",
      ...item,
    } satisfies ExtractedItem);
  return draft;
}

function target(
  id: string,
  taskId: string,
  subject: string,
  value: number,
  unit: string,
  display: string,
  displayUnit: string,
  kind: ExtractedTarget["kind"],
  department: DepartmentSuggestion | null,
): Omit<ExtractedTarget, "start" | "end"> {
  return {
    id,
    taskId,
    subject,
    value,
    value2: null,
    unit,
    display,
    displayUnit,
    comparator: "target",
    direction: kind === "level" ? "level" : "increase",
    kind,
    confidence: 0.9,
    department,
  };
}

/** Stands in for extractPlan in tests. */
export const fixtureExtract: ExtractPlanFn = (text, options = {}) => {
  const draft = fixtureDraft(text);
  if (options.region) draft.meta.region = options.region;
  if (options.year) draft.meta.year = options.year;
  return draft;
};

export const FIXTURE_COUNTS = {
  sections: 2,
  areas: 1,
  groups: 1,
  tasks: 5,
  targets: 5,
  milestones: 1,
  items: 1,
};
