// The words of a reminder (催报), in the language of the people who read it: one language per message,
// periods as offices write them (2020年4月, 2020年第二季度), never ISO codes. Pure: the same text goes
// to e-mail, the 企业微信 and 钉钉 robots and the in-app list.

import { dayWords, MONTHS_EN } from "./iso-dates.ts";

export type Lang = "zh" | "en";
export type ReminderLevelWord = "reminder" | "yellow" | "red";

export interface OwedItem {
  subject: string;
  /** A period key: 2020-04 or 2020-Q2. */
  period: string;
  dueDate: string;
  state: "due" | "overdue" | "returned" | "draft";
}

export interface ReminderTextInput {
  lang: Lang;
  level: ReminderLevelWord;
  planTitle: string;
  departmentName: string;
  items: readonly OwedItem[];
  /** Days from today to the earliest due date: negative when overdue. */
  daysToDue?: number | null;
  /** A planner's own words, sent as they are. */
  note?: string | null;
}

export interface ReminderText {
  subject: string;
  /** Plain text: e-mail body, 企业微信/钉钉 text messages, the in-app list. */
  text: string;
  /** The same as Markdown for the robots' markdown messages. */
  markdown: string;
}

const QUARTERS_ZH = ["", "第一季度", "第二季度", "第三季度", "第四季度"];

/** 2020-04 → 2020年4月 / April 2020; 2020-Q2 → 2020年第二季度 / Q2 2020. */
export function periodWords(key: string, lang: Lang): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const q = Number(quarter[2]);
    return lang === "zh" ? `${quarter[1]}年${QUARTERS_ZH[q]}` : `Q${q} ${quarter[1]}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const m = Number(month[2]);
    return lang === "zh" ? `${month[1]}年${m}月` : `${MONTHS_EN[m - 1]} ${month[1]}`;
  }
  return key;
}

const LEVEL_ZH: Record<ReminderLevelWord, string> = {
  reminder: "催报提醒",
  yellow: "黄牌警示",
  red: "红牌警示",
};
const LEVEL_EN: Record<ReminderLevelWord, string> = {
  reminder: "Reminder",
  yellow: "Yellow card",
  red: "Red card",
};

const STATE_ZH: Record<OwedItem["state"], string> = {
  due: "待报送",
  overdue: "已逾期",
  returned: "已退回待修改",
  draft: "草稿未提交",
};
const STATE_EN: Record<OwedItem["state"], string> = {
  due: "due",
  overdue: "overdue",
  returned: "returned for correction",
  draft: "draft not submitted",
};

function lead(input: ReminderTextInput): string {
  const { lang, departmentName, planTitle, items } = input;
  const overdue = items.filter((i) => i.state === "overdue" || i.state === "returned").length;
  const days = input.daysToDue ?? null;
  if (lang === "zh") {
    if (overdue > 0) return `${departmentName}：《${planTitle}》有${overdue}项进展逾期未报，请尽快报送。`;
    if (days !== null && days > 0)
      return `${departmentName}：《${planTitle}》有${items.length}项进展将于${days}天后到期，请按时报送。`;
    if (days === 0) return `${departmentName}：《${planTitle}》有${items.length}项进展今天到期，请按时报送。`;
    return `${departmentName}：请按时报送《${planTitle}》的进展情况。`;
  }
  if (overdue > 0) {
    return `${departmentName}: ${overdue} ${overdue === 1 ? "progress report is" : "progress reports are"} overdue for “${planTitle}”. Please report now.`;
  }
  const n = `${items.length} ${items.length === 1 ? "progress report" : "progress reports"}`;
  if (days !== null && days > 0)
    return `${departmentName}: ${n} for “${planTitle}” ${items.length === 1 ? "is" : "are"} due in ${days} ${days === 1 ? "day" : "days"}. Please report on time.`;
  if (days === 0)
    return `${departmentName}: ${n} for “${planTitle}” ${items.length === 1 ? "is" : "are"} due today. Please report on time.`;
  return `${departmentName}: please report on “${planTitle}” on time.`;
}

function itemLine(item: OwedItem, lang: Lang): string {
  return lang === "zh"
    ? `${item.subject}（${periodWords(item.period, "zh")}，报送期限${dayWords(item.dueDate, true).zh}，${STATE_ZH[item.state]}）`
    : `${item.subject} (${periodWords(item.period, "en")}, due ${dayWords(item.dueDate, true).en}, ${STATE_EN[item.state]})`;
}

/** The listed items stop here; the rest are counted. A robot message has a size limit. */
export const MAX_LISTED = 20;

export function reminderText(input: ReminderTextInput): ReminderText {
  const { lang } = input;
  const level = lang === "zh" ? LEVEL_ZH[input.level] : LEVEL_EN[input.level];
  const subject = lang === "zh" ? `【${level}】${input.planTitle}` : `[${level}] ${input.planTitle}`;
  const first = input.note?.trim() || lead(input);
  const listed = input.items.slice(0, MAX_LISTED).map((i) => itemLine(i, lang));
  const rest = input.items.length - listed.length;
  if (rest > 0)
    listed.push(lang === "zh" ? `另有${rest}项，请登录系统查看。` : `and ${rest} more: sign in to see them.`);
  const footer =
    lang === "zh" ? "请登录规划计划执行跟踪系统报送。" : "Please sign in to PlanTrack to report.";
  const text = [first, ...listed.map((l, i) => `${i + 1}. ${l}`), footer].join("\n");
  const markdown = [`**${subject}**`, "", first, "", ...listed.map((l) => `- ${l}`), "", footer].join("\n");
  return { subject, text, markdown };
}
