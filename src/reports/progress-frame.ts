// The 公文 frame of the progress report (GB/T 9704-2012 §7): who sends it under which number, to whom,
// signed by whom, copied to whom. Pure: the plan's settings and the export request give the values;
// this module checks them and builds the title from the plan's own title without doubling its words.

import type { DocumentSettingsView } from "../contract/plans.ts";
import { AppError } from "../domain/app-error.ts";

/** What the plan's settings (and the export request, field by field) say about the document. */
export type DocumentFrameSettings = DocumentSettingsView;

export const DEFAULT_FRAME: DocumentFrameSettings = {
  issuerMark: null,
  redHeader: false,
  docNumber: null,
  signer: null,
  recipient: null,
  cc: [],
  issuer: null,
};

/** 发文字号: the organ's short name, the year in 六角括号 〔〕, the serial number and 号. */
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,12}〔(\d{4})〕(\d{1,5})号$/;
/** Brackets people type instead of 〔〕. */
const WRONG_BRACKETS = /[[\]［］()（）【】{}「」<>〈〉]/;

export function checkDocNumber(value: string, field = "docNumber"): string {
  const v = value.trim();
  if (DOC_NUMBER.test(v)) {
    const serial = (DOC_NUMBER.exec(v) as RegExpExecArray)[2] as string;
    if (serial.startsWith("0"))
      throw new AppError(
        "bad_input",
        {
          zh: `发文字号“${v}”的序号不加“0”（应为如“12号”）`,
          en: `document number “${v}”: no leading zero in the serial`,
        },
        { field, value: v },
      );
    return v;
  }
  const hint = WRONG_BRACKETS.test(v)
    ? { zh: "年份应使用六角括号〔〕", en: "the year goes in 六角括号 〔〕" }
    : { zh: "应为“机关代字〔年份〕序号号”", en: "the form is 机关代字〔year〕serial号" };
  throw new AppError(
    "bad_input",
    {
      zh: `发文字号“${v}”格式不对：${hint.zh}，如“南发改〔2020〕12号”`,
      en: `document number “${v}” is malformed: ${hint.en}, e.g. 南发改〔2020〕12号`,
    },
    { field, value: v },
  );
}

const clean = (s: string | null | undefined) => {
  const t = (s ?? "").trim();
  return t === "" ? null : t;
};

/** The frame from the stored settings and the request's overrides, checked; unknown types dropped. */
export function frameOf(raw: unknown, overrides: Partial<DocumentFrameSettings> = {}): DocumentFrameSettings {
  const r = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? clean(v) : null);
  const merged: DocumentFrameSettings = {
    issuerMark: str(r.issuerMark),
    redHeader: r.redHeader === true,
    docNumber: str(r.docNumber),
    signer: str(r.signer),
    recipient: str(r.recipient),
    cc: Array.isArray(r.cc) ? r.cc.filter((x): x is string => typeof x === "string" && x.trim() !== "") : [],
    issuer: str(r.issuer),
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) continue;
    (merged as unknown as Record<string, unknown>)[k] = typeof v === "string" ? clean(v) : v;
  }
  if (merged.docNumber) merged.docNumber = checkDocNumber(merged.docNumber);
  if (merged.recipient) merged.recipient = merged.recipient.replace(/[：:]+$/, "");
  return merged;
}

/** The frame as stored, read leniently: a value that no longer passes the check is dropped. */
export function storedFrame(raw: unknown): DocumentFrameSettings {
  try {
    return frameOf(raw);
  } catch {
    return { ...frameOf({ ...(raw as object), docNumber: null }) };
  }
}

/**
 * The plan's name as the title uses it: a plan whose title is itself a report (“关于…计划执行情况与
 * 2021年计划草案的报告”) gives its plan (“…计划”), so the report is not “关于关于…的报告…的报告”.
 */
export function planName(planTitle: string): string {
  let t = planTitle
    .trim()
    .replace(/^关于/, "")
    .replace(/(的)?(报告|说明|通知)$/, "");
  const plan = /^(.*?(?:计划|规划|纲要|方案))(?:执行|实施|落实|草案|与|和|及)/.exec(t);
  if (plan) t = plan[1] as string;
  return t.replace(/[（(]草案[)）]$/, "");
}

/** 关于南开区2020年国民经济和社会发展计划1—9月执行情况的报告 (全年: no period). */
export function reportTitle(planTitle: string, periodLabel: string): string {
  return `关于${planName(planTitle)}${periodLabel === "全年" ? "" : periodLabel}执行情况的报告`;
}
