// The audit log as an Excel workbook an auditor reads: one row per entry, oldest first — time, who and
// their department, the action in words, the object by its name and period, and the changes as
// “字段：旧值 → 新值” lines — all in the reader's language (a Chinese workbook has Chinese headers and
// words only; names and texts are as people wrote them). Streamed: the rows are written as they are
// read, so a long log costs no more memory than a page.

import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { AuditChangeView, AuditEntryView } from "../contract/audit.ts";
import type { AuditSearch } from "../db/audit-repository.ts";
import type { Database } from "../db/schema.ts";
import { beijingTime } from "../domain/audit-field-words.ts";
import type { AuditLang } from "../domain/audit-words.ts";
import { wordedAuditBatches } from "./audit-log.ts";

export const AUDIT_XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const AUDIT_XLSX_HEADER: Record<AuditLang, readonly string[]> = {
  zh: [
    "序号",
    "时间（北京时间）",
    "用户",
    "部门",
    "来源地址",
    "操作",
    "对象类型",
    "对象",
    "期次",
    "修改内容",
  ],
  en: [
    "No.",
    "Time (Beijing)",
    "User",
    "Department",
    "From",
    "Action",
    "Object kind",
    "Object",
    "Period",
    "Changes",
  ],
};
const WIDTHS = [8, 20, 14, 16, 16, 18, 12, 40, 14, 80];
const SHEET: Record<AuditLang, string> = { zh: "审计日志", en: "Audit log" };
const SYSTEM: Record<AuditLang, string> = { zh: "系统", en: "system" };
/** Excel holds at most 32,767 characters in a cell. */
const CELL_MAX = 32_000;

/** 审计日志-20260103.xlsx / audit-log-20260103.xlsx, dated by Beijing's day. */
export function auditXlsxFileName(now: Date, lang: AuditLang): string {
  const day = beijingTime(now.toISOString()).slice(0, 10).replace(/-/g, "");
  return lang === "zh" ? `审计日志-${day}.xlsx` : `audit-log-${day}.xlsx`;
}

/** One change as a line: 牵头单位：区人社局 → 区教育局; a field only after (a creation) as 字段：值. */
export function changeLine(c: AuditChangeView, lang: AuditLang): string {
  const colon = lang === "zh" ? "：" : ": ";
  const none = lang === "zh" ? "（无）" : "(none)";
  if (c.before === null) return `${c.label}${colon}${c.after ?? none}`;
  return `${c.label}${colon}${c.before} → ${c.after ?? none}`;
}

function cells(e: AuditEntryView, lang: AuditLang): (string | number)[] {
  const changes = e.changes.map((c) => changeLine(c, lang)).join("\n");
  return [
    e.id,
    beijingTime(e.at),
    e.userName ?? SYSTEM[lang],
    e.departmentName ?? "",
    e.ip ?? "",
    e.actionText,
    e.object.kindText,
    e.object.name ?? "",
    e.object.period ?? "",
    changes.length > CELL_MAX ? `${changes.slice(0, CELL_MAX)}…` : changes,
  ];
}

/**
 * The workbook of the matching entries. The first batch is read before this returns, so a failing
 * query is an error answer, not a 200 cut short; a failure later destroys the stream (a broken
 * download, never a cut file taken for a whole one).
 */
export async function auditXlsx(
  db: Kysely<Database>,
  search: AuditSearch,
  lang: AuditLang,
): Promise<Readable> {
  const batches = wordedAuditBatches(db, search, lang)[Symbol.asyncIterator]();
  const first = await batches.next();
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(SHEET[lang], { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = AUDIT_XLSX_HEADER[lang].map((header, i) => ({
    header,
    width: WIDTHS[i] ?? 12,
    style: { alignment: { vertical: "top", wrapText: i === 9 || i === 7 } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: "A1", to: "J1" };
  const pump = async () => {
    try {
      for (let next = first; !next.done; next = await batches.next()) {
        for (const entry of next.value) sheet.addRow(cells(entry, lang)).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      await batches.return?.(undefined);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
  void pump();
  return out;
}
