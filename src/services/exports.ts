// The documents a plan is exported as, for the CLI (`plantrack export`) and the HTTP route alike: the
// Word progress report and execution-report draft (progress-report.ts), and the ledger as xlsx, CSV
// or JSON — every task a row with its lifecycle's 完成时限, 节点, 亮灯 and newest approved 进展. One
// place decides the period, the file name and the media type.

import { listNames } from "../db/names-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { periodWords } from "../domain/reminder-text.ts";
import { renderLedgerCsv, renderLedgerJson } from "../reports/ledger-csv.ts";
import { type FillInLang, fillInRows, renderFillInXlsx } from "../reports/ledger-fill-in.ts";
import { buildLedger, type Ledger, ledgerPeriods, periodLabel } from "../reports/ledger-model.ts";
import { ledgerTaskColumns } from "../reports/ledger-tasks.ts";
import { renderLedgerXlsx } from "../reports/ledger-xlsx.ts";
import type { DocumentFrameSettings } from "../reports/progress-frame.ts";
import type { JobRunner } from "./job-handlers.ts";
import { readingClock } from "./plan-status.ts";
import { type Db, loadPlanWorld, type PlanWorld, periodsOf, revisionCutoff } from "./reporting-context.ts";
import { loadTaskWorld } from "./task-world.ts";

export const EXPORT_FORMATS = [
  "docx",
  "pdf",
  "draft",
  "xlsx",
  "csv",
  "json",
  "midterm",
  "midterm-pdf",
  "yearly",
  "yearly-pdf",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: string;
  /** 2020-06 or 2020-Q2; default the last period ended as of the date. */
  period?: string;
  asOf?: string;
  /** The 公文 frame of docx and pdf, over the plan's settings. */
  frame?: Partial<DocumentFrameSettings>;
  /** Where Word documents are rendered: the server's job pool; by default this thread. */
  jobs?: JobRunner;
  /** midterm: the year evaluated (default the last with values) and the document's language. */
  year?: number;
  lang?: "zh" | "en";
}

export interface ExportFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  period: string;
}

const MEDIA: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  draft: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  midterm: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "midterm-pdf": "application/pdf",
  yearly: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "yearly-pdf": "application/pdf",
};

const NAMES: Record<ExportFormat, [string, string]> = {
  docx: ["执行情况报告", "docx"],
  pdf: ["执行情况报告", "pdf"],
  draft: ["计划执行情况报告（草稿）", "docx"],
  xlsx: ["执行情况台账", "xlsx"],
  csv: ["执行情况台账", "csv"],
  json: ["执行情况台账", "json"],
  midterm: ["中期评估报告", "docx"],
  "midterm-pdf": ["中期评估报告", "pdf"],
  yearly: ["年度实施情况报告", "docx"],
  "yearly-pdf": ["年度实施情况报告", "pdf"],
};

export function checkFormat(format: string): ExportFormat {
  const f = format.trim().toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(f)) return f as ExportFormat;
  throw new AppError(
    "bad_input",
    {
      zh: `格式“${format}”无效，应为 ${EXPORT_FORMATS.join("、")}`,
      en: `format must be one of ${EXPORT_FORMATS.join(", ")}`,
    },
    { field: "format", format },
  );
}

/**
 * The plan calendar's period for `period` (a month of a quarterly plan that ends a quarter is its
 * quarter); unasked, the last one ended as of the date, else the first.
 */
export function resolvePeriod(world: PlanWorld, period: string | undefined, asOf: string): string {
  const calendar = periodsOf(world.plan, world.settings.frequency, world.settings.dueDay);
  if (period === undefined || period.trim() === "") {
    let last = calendar[0];
    for (const p of calendar) if (p.end <= asOf) last = p;
    return last?.key ?? "";
  }
  const key = period.trim();
  const exact = calendar.find((p) => p.key === key);
  if (exact) return exact.key;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    // A quarter of a monthly plan: its last month.
    const end = `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, "0")}`;
    const month = calendar.find((p) => p.key === end);
    if (month) return month.key;
  }
  if (/^\d{4}-\d{2}$/.test(key)) {
    const quarter = calendar.find((p) => p.end.slice(0, 7) === key);
    if (quarter) return quarter.key;
  }
  throw new AppError(
    "bad_input",
    {
      zh: `报告期“${period}”不在计划期内（${calendar[0]?.key}…${calendar[calendar.length - 1]?.key}）`,
      en: `period “${period}” is not one of the plan's ${world.settings.frequency} periods`,
    },
    { field: "period", period },
  );
}

/** The ledger of a loaded plan, its tasks judged by their lifecycle as of the same date. */
async function ledgerOf(db: Db, world: PlanWorld, period: string, asOf: string): Promise<Ledger> {
  const tasks = await loadTaskWorld(db, world.plan.id, world.plan);
  return buildLedger(world, {
    period,
    asOf,
    tasks: ledgerTaskColumns(tasks, asOf, revisionCutoff(world, asOf)),
  });
}

/** The plan's ledger as of a period and date, judged like the rest of the product. */
export async function loadLedger(
  db: Db,
  planId: number,
  options: { period?: string; asOf?: string } = {},
): Promise<Ledger> {
  const { world, asOf } = readingClock(await loadPlanWorld(db, planId), options.asOf);
  const period = resolvePeriod(world, options.period, asOf);
  if (!ledgerPeriods(world, period))
    throw new AppError(
      "bad_input",
      { zh: `报告期无效：${period}`, en: `no such period: ${period}` },
      { field: "period" },
    );
  return ledgerOf(db, world, period, asOf);
}

function safeTitle(title: string): string {
  return title.replace(/[\\/:*?"<>|\r\n]/g, "").slice(0, 60) || "plan";
}

function periodText(key: string): string {
  const q = /^(\d{4})-Q\d$/.exec(key);
  if (q) return `${q[1]}年${periodLabel({ key })}`;
  return `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
}

export async function exportPlan(db: Db, planId: number, options: ExportOptions): Promise<ExportFile> {
  const format = checkFormat(options.format);
  if (format === "midterm" || format === "midterm-pdf" || format === "yearly" || format === "yearly-pdf")
    return exportFiveYearReport(db, planId, options, format);
  const { world, asOf } = readingClock(await loadPlanWorld(db, planId), options.asOf);
  const period = resolvePeriod(world, options.period, asOf);
  const [what, ext] = NAMES[format];
  const fileName = `${safeTitle(world.plan.title)}_${what}_${periodText(period)}.${ext}`;
  let bytes: Buffer;
  if (format === "docx" || format === "draft" || format === "pdf") {
    // Loaded on demand: the ledger formats do not pay for the Word renderer (fonts, charts).
    const word = await import("./progress-report.ts");
    const build = format === "draft" ? word.buildExecutionDraftDocx : word.buildProgressReportDocx;
    const toPdf = format === "pdf" ? await pdfConverter() : null;
    const docx = await build(
      db,
      planId,
      {
        period,
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(options.frame ? { frame: options.frame } : {}),
      },
      options.jobs,
    );
    bytes = toPdf ? await toPdf(docx) : docx;
  } else {
    const ledger = await ledgerOf(db, world, period, asOf);
    bytes =
      format === "xlsx"
        ? await renderLedgerXlsx(ledger)
        : format === "csv"
          ? renderLedgerCsv(ledger)
          : renderLedgerJson(ledger);
  }
  return { fileName, mediaType: MEDIA[format], bytes, period };
}

export interface FillInOptions {
  /** The department; a reporter's own when not given. */
  departmentId?: number;
  period?: string;
  asOf?: string;
  lang: FillInLang;
}

/** Planners and admins fill in for any department; a reporter only for their own; leaders for none. */
function fillInDepartment(user: Principal, asked: number | undefined): number {
  if (user.role === "reporter") {
    if (user.departmentId === null || (asked !== undefined && asked !== user.departmentId))
      throw new AppError(
        "forbidden",
        { zh: "只能下载本单位的填报表", en: "you may download your own department's fill-in ledger only" },
        { field: "department" },
      );
    return user.departmentId;
  }
  if (user.role === "leader")
    throw new AppError(
      "forbidden",
      {
        zh: "填报表供填报单位和计划部门使用",
        en: "the fill-in ledger is for reporting departments and planners",
      },
      { role: user.role },
    );
  if (asked === undefined)
    throw new AppError(
      "bad_input",
      { zh: "请选择填报单位", en: "choose the department" },
      { field: "department" },
    );
  return asked;
}

/**
 * A department's fill-in ledger (填报表) of one period: the targets and tasks it leads that report in
 * the period, to be filled in and re-imported through the ledger import.
 */
export async function exportFillIn(
  db: Db,
  user: Principal,
  planId: number,
  options: FillInOptions,
): Promise<ExportFile> {
  const departmentId = fillInDepartment(user, options.departmentId);
  const { world, asOf } = readingClock(await loadPlanWorld(db, planId), options.asOf);
  const period = resolvePeriod(world, options.period, asOf);
  const department = (await listNames(db, [], [departmentId])).departments[0];
  if (!department)
    throw new AppError(
      "not_found",
      { zh: `没有编号为 ${departmentId} 的单位`, en: `no department #${departmentId}` },
      { field: "department", departmentId },
    );
  const ledger = await ledgerOf(db, world, period, asOf);
  const rows = fillInRows(ledger, (id) => world.subjects.get(id)?.leadDepartmentId ?? null, departmentId);
  const bytes = await renderFillInXlsx({
    ledger,
    department: { id: department.id, name: department.name },
    rows,
    lang: options.lang,
  });
  const what = options.lang === "zh" ? "填报表" : "fill-in";
  const when = options.lang === "zh" ? periodText(period) : periodWords(period, "en");
  return {
    fileName: `${safeTitle(world.plan.title)}_${what}_${safeTitle(department.name)}_${when}.xlsx`,
    mediaType: MEDIA.xlsx,
    bytes,
    period,
  };
}

/** A five-year plan's mid-term evaluation (issue 17), as of a year. */
/** The PDF converter, checked before a report is built: without LibreOffice the answer names the package. */
async function pdfConverter(): Promise<(docx: Buffer) => Promise<Buffer>> {
  const { findLibreOffice, libreOfficeMissing } = await import("../reports/libreoffice.ts");
  if (!findLibreOffice()) throw libreOfficeMissing();
  return (await import("../reports/docx-pdf.ts")).docxToPdf;
}

/** A five-year plan's mid-term evaluation or its report of one year, in Word or PDF. */
async function exportFiveYearReport(
  db: Db,
  planId: number,
  options: ExportOptions,
  format: "midterm" | "midterm-pdf" | "yearly" | "yearly-pdf",
): Promise<ExportFile> {
  const toPdf = format.endsWith("-pdf") ? await pdfConverter() : null;
  const kind = format.startsWith("yearly") ? "annual" : "midterm";
  const { midtermReportModel } = await import("./midterm-report.ts");
  const { renderMidtermDocx } = await import("../reports/midterm-docx.ts");
  const { model, frame } = await midtermReportModel(db, planId, {
    kind,
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.frame ? { frame: options.frame } : {}),
  });
  const year = String(model.asOfYear);
  const what =
    options.lang === "en" ? (kind === "annual" ? "annual report" : "mid-term evaluation") : NAMES[format][0];
  const docx = await renderMidtermDocx(model, frame);
  return {
    fileName: `${safeTitle(model.title)}_${what}_${year}.${NAMES[format][1]}`,
    mediaType: MEDIA[format],
    bytes: toPdf ? await toPdf(docx) : docx,
    period: year,
  };
}
