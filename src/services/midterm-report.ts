// The mid-term evaluation report of a five-year plan (issue 17): the five-year view as of a year, in
// the reader's language, made into the report's model and rendered as a 公文 with the plan's frame.

import type { Kysely } from "kysely";
import { getPlanRow } from "../db/plans-repository.ts";
import type { Database } from "../db/schema.ts";
import type { Principal } from "../domain/access.ts";
import { renderMidtermDocx } from "../reports/midterm-docx.ts";
import {
  buildMidtermModel,
  type FiveYearReportKind,
  type MidtermLang,
  type MidtermModel,
} from "../reports/midterm-model.ts";
import { type DocumentFrameSettings, frameOf } from "../reports/progress-frame.ts";
import { fiveYearView, notFound } from "./five-year.ts";
import { settingsOfPlan } from "./reporting-context.ts";

type Db = Kysely<Database>;

/** The document reports on the whole plan, every task and project of it, whoever asks for it. */
const DOCUMENT_READER: Principal = {
  id: 0,
  role: "admin",
  regionId: null,
  departmentId: null,
  departmentRegionId: null,
};

export interface MidtermOptions {
  /** The mid-term evaluation (default) or the year's report on the plan's implementation. */
  kind?: FiveYearReportKind;
  year?: number;
  lang?: MidtermLang;
  frame?: Partial<DocumentFrameSettings>;
  /** YYYY-MM-DD of the report; default today. */
  date?: string;
}

export async function midtermReportModel(
  db: Db,
  planId: number,
  options: MidtermOptions = {},
): Promise<{ model: MidtermModel; frame: DocumentFrameSettings }> {
  const lang = options.lang ?? "zh";
  const view = await fiveYearView(db, DOCUMENT_READER, planId, options.year, lang);
  const plan = await getPlanRow(db, planId);
  if (!plan) throw notFound({ zh: "计划", en: "plan" }, planId, "plan");
  const frame = frameOf(settingsOfPlan(plan).document, options.frame ?? {});
  const zh = lang === "zh";
  const issuer = frame.issuer ?? plan.issuer ?? (zh ? "规划编制部门" : "The planning office");
  const recipient = zh
    ? `${frame.recipient ?? "区人大常委会"}：`
    : `To: ${frame.recipient && !/[\u4e00-\u9fff]/.test(frame.recipient) ? frame.recipient : "the Standing Committee of the People's Congress"}`;
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  return {
    model: buildMidtermModel({
      view,
      lang,
      ...(options.kind ? { kind: options.kind } : {}),
      issuer: zh ? issuer : /[\u4e00-\u9fff]/.test(issuer) ? "The planning office" : issuer,
      recipient,
      date,
    }),
    frame,
  };
}

export async function buildMidtermDocx(
  db: Db,
  planId: number,
  options: MidtermOptions = {},
): Promise<Buffer> {
  const { model, frame } = await midtermReportModel(db, planId, options);
  return renderMidtermDocx(model, frame);
}
