// The words of the demo's task reports (示例数据): what a department writes each month about a task —
// 进展情况, 存在问题, 下步打算 — and the reasons and opinions of its life (中止, 调整申请, 办结), built
// from the task's own clauses, so that each task reads as its own work and no sentence is pasted over
// the whole plan. Pure and deterministic: the same task and period give the same words.

import { dayWords } from "../domain/iso-dates.ts";
import { randomFrom } from "../generate/random.ts";

const CLAUSE_BREAK = /[，,；;。：:！!？?]/;
/** Words before the work a clause names (持续, 进一步, 确保 …): kept out of the report's own phrasing. */
const LEAD_WORDS =
  /^(?:持续|继续|进一步|大力|积极|着力|深入|全面|稳步|扎实|切实|精准|严格|坚决|有序|广泛|巩固|不断|努力|力争|确保|全力以赴|全力|多措并举|统筹|同步|坚持|围绕)+/;
const LIST_MARK = /^(?:\d{1,2}[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;

/** 以承接北京非首都功能为核心: the frame of the work, not work a report can say it did. */
const FRAME = /^以.+为(?:核心|重点|基础|引导|底线|主体|导向|抓手)$/;

/** The clauses of a task's text, each a piece of work (list marks, quotes and frames left out). */
export function clausesOf(text: string): string[] {
  const all = text
    .split(CLAUSE_BREAK)
    .map((c) => c.replace(LIST_MARK, "").replace(/[“”"]/g, "").trim())
    .filter((c) => c.length >= 4);
  const work = all.filter((c) => !FRAME.test(c));
  return work.length > 0 ? work : all;
}

/** A clause as the work it names: 持续开展五控一加强大气污染防治 → 开展五控一加强大气污染防治. */
export function workOf(clause: string): string {
  const w = clause.replace(LEAD_WORDS, "");
  return w.length >= 4 ? w : clause;
}

/** A number of a text (FNV-1a): a task's words choose its words, not its id or its place. */
export function textSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const pick = <T>(list: readonly T[], n: number): T =>
  list[((n % list.length) + list.length) % list.length] as T;

const ACTIONS = [
  "开展实地调研和督导检查",
  "召开推进会协调解决难点问题",
  "会同相关部门和街道形成工作合力",
  "梳理阶段性成果并报区政府",
  "组织专项检查并督促整改",
  "完善工作机制和配套制度",
  "与市级对口部门对接争取支持",
  "开展政策宣传和业务培训",
  "建立周调度、月通报工作机制",
] as const;

const CAUSES = [
  "前期手续办理周期较长",
  "涉及部门较多、协调难度较大",
  "资金拨付进度偏慢",
  "汛期和施工条件影响工期",
] as const;

const CLOSINGS = [
  "确保按期完成年度任务。",
  "加强跟踪调度，及时报送进展。",
  "及时总结经验做法。",
  "做好与相关部门的衔接配合。",
] as const;

export interface ReportWords {
  progress: string;
  problems: string;
  nextSteps: string;
}

export interface ReportSituation {
  /** The task's clauses (clausesOf), at least one. */
  clauses: readonly string[];
  seed: number;
  /** 0 for the task's first report, then 1, 2 … */
  ordinal: number;
  /** 3月, 二季度 */
  label: string;
  quarterly: boolean;
  /** 形象进度 %. */
  percent: number;
  /** The month of the period's end (1–12): the epidemic's first months read differently. */
  month: number;
  /** Progress slower than the schedule: the department says why. */
  slow: boolean;
  done: readonly { name: string; doneOn: string }[];
  /** A milestone past its date and not done, named in the problems. */
  late: { name: string } | null;
  /** The next milestone, when it falls within the coming weeks. */
  soon: { name: string; due: string } | null;
}

const quoted = (s: string) => `“${s}”`;

/** 进展情况, 存在问题, 下步打算 of one period. */
export function reportWords(s: ReportSituation): ReportWords {
  const r = randomFrom(s.seed + 7919 * (s.ordinal + 1));
  const n = s.clauses.length;
  const work = workOf(pick(s.clauses, s.ordinal + (s.seed % n)));
  const other = workOf(pick(s.clauses, s.ordinal + (s.seed % n) + 1));
  const unit = s.quarterly ? "季度" : "月";
  const action = pick(ACTIONS, Math.floor(r() * ACTIONS.length));
  const progressFrames =
    s.ordinal === 0
      ? [
          `召开专题会议研究部署，制定年度工作方案，将${quoted(work)}分解到科室，明确责任人和时间节点。`,
          `成立工作专班，梳理${quoted(work)}的任务清单和责任清单，建立工作台账，按${unit}调度。`,
        ]
      : [
          `${quoted(work)}有序推进，本${unit}${action}，累计完成年度任务的${s.percent}%。`,
          `围绕${quoted(work)}，${action}，形象进度约${s.percent}%。`,
          n > 1
            ? `${quoted(work)}稳步推进，${quoted(other)}取得阶段性成果，累计完成年度任务的${s.percent}%。`
            : `${quoted(work)}取得阶段性成果，本${unit}${action}，形象进度约${s.percent}%。`,
          `本${unit}重点抓好${quoted(work)}，${action}，年度任务完成${s.percent}%。`,
        ];
  const done = s.done.map((d) => `节点${quoted(d.name)}已于${dayWords(d.doneOn).zh}完成。`).join("");
  const progress = pick(progressFrames, Math.floor(r() * progressFrames.length)) + done;

  let problems = pick(["无。", "暂无。"], Math.floor(r() * 2));
  if (s.late) problems = `节点${quoted(s.late.name)}未能按期完成，主要是${pick(CAUSES, s.seed)}。`;
  else if (s.month <= 4 && r() < 0.6) problems = `受疫情影响，${quoted(work)}部分现场工作推迟。`;
  else if (s.slow && r() < 0.7)
    problems = pick(
      [
        `${quoted(work)}涉及部门较多，协调推进难度较大。`,
        `资金保障压力较大，${quoted(work)}推进受到一定影响。`,
        `专业力量不足，${quoted(work)}推进进度偏慢。`,
      ],
      Math.floor(r() * 3),
    );

  let nextSteps = `下${unit}继续抓好${quoted(other)}，${pick(CLOSINGS, Math.floor(r() * CLOSINGS.length))}`;
  if (s.late) nextSteps = `倒排工期、加派力量，尽快完成节点${quoted(s.late.name)}，完成后及时报送。`;
  else if (s.soon) nextSteps = `全力冲刺，确保${dayWords(s.soon.due).zh}前完成节点${quoted(s.soon.name)}。`;
  return { progress, problems, nextSteps };
}

/** The first clause of a task, as the work it names. */
const mainWork = (clauses: readonly string[]) => workOf(clauses[0] ?? "");

/** 中止: the work the office cannot afford this year, named by its clause. */
export function stopReason(clause: string): string {
  return `受疫情影响区级财力趋紧，经区政府常务会议研究，${quoted(workOf(clause))}年内暂缓实施，纳入“十四五”时期统筹推进。`;
}

/** 调整申请: why the milestone cannot be met, and the date asked for. */
export function adjustmentReason(seed: number, name: string, from: string, to: string): string {
  return `因${pick(CAUSES, seed + 1)}，节点${quoted(name)}原定${dayWords(from).zh}前完成确有困难，申请调整至${dayWords(to).zh}。`;
}

export function adjustmentOpinion(to: string): string {
  return `同意调整。请倒排工期，确保${dayWords(to).zh}前完成，逾期将予以通报。`;
}

export function closeEvidence(clauses: readonly string[]): string {
  const works = clauses.slice(0, 2).map(workOf).join("，");
  return `${works}等工作已全部完成，形成工作总结，相关会议纪要、验收及成果材料已归档备查。`;
}

export function closeReturnReason(clauses: readonly string[]): string {
  return `证明材料不完整，请补充${quoted(mainWork(clauses))}的验收或成果材料后重新申请办结。`;
}

export function closeOpinion(clauses: readonly string[]): string {
  return `经核实，${quoted(mainWork(clauses))}各项工作已完成，同意办结销号。`;
}

export function reportReturnReason(clauses: readonly string[]): string {
  return `进展情况较笼统，请补充${quoted(mainWork(clauses))}的具体工作量和数据后重新报送。`;
}
