// Yearly values of a five-year plan's indicators from a spreadsheet (issue 17), as the ledger and the
// 任务分解表 imports do: a preview that writes nothing, then the rows the planner confirms. A sheet is
// long (指标ID or 指标, 年份, 数值, 来源说明 — one row per indicator and year) or wide (指标 and a column
// per year: 2021, 2022年 …). Values are read in the indicator's display unit; full-width digits, grouping
// commas and 万/亿 are read as numbers. Applying checks every row first: one bad row, nothing written.

import type { Kysely } from "kysely";
import type {
  YearlyValueImportApply,
  YearlyValueImportPreview,
  YearlyValueImportResult,
  YearlyValueImportRow,
} from "../contract/five-year.ts";
import type { Actor } from "../db/audit-repository.ts";
import { appendIndicatorValues } from "../db/indicator-values-repository.ts";
import type { Database } from "../db/schema.ts";
import { AppError } from "../domain/app-error.ts";
import { parseNumber } from "../domain/numerals.ts";
import { currentRows, type Lang, loadFiveYearWorld, type Measured } from "./five-year.ts";
import { checkNote, checkYearlyValue } from "./five-year-values.ts";
import { inProcessJobs, type JobRunner } from "./job-handlers.ts";

type Db = Kysely<Database>;

const HEADERS = {
  id: ["指标id", "指标编号", "indicatorid", "id"],
  name: ["指标", "指标名称", "indicator", "name"],
  year: ["年份", "年度", "year"],
  value: ["数值", "年度值", "值", "value"],
  note: ["来源说明", "来源", "数据来源", "sourcenote", "source"],
} as const;

const key = (cell: string) => cell.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
const yearOfHeader = (cell: string): number | null => {
  const m = /^(\d{4})(?:年)?$/.exec(key(cell));
  return m ? Number(m[1]) : null;
};
/** 地区生产总值（亿元） → 地区生产总值: the unit a sheet writes after the name. */
const bareName = (name: string) =>
  name
    .normalize("NFKC")
    .replace(/\([^)]*\)$/, "")
    .replace(/\s+/g, "");

/** A number as offices type it: full-width, with grouping commas, 万/亿, a sign. */
export function readCellNumber(text: string): number | null {
  const t = text.normalize("NFKC").trim();
  if (t === "") return null;
  const negative = /^[-−]/.test(t);
  const n = parseNumber(negative ? t.slice(1) : t);
  return n === null ? null : negative ? -n : n;
}

interface Layout {
  header: number;
  id: number;
  name: number;
  note: number;
  /** Long: the year and value columns; wide: a column per year. */
  year: number;
  value: number;
  years: { column: number; year: number }[];
}

function layoutOf(rows: readonly string[][]): Layout | null {
  for (const [r, row] of rows.slice(0, 10).entries()) {
    const find = (names: readonly string[]) =>
      row.findIndex((c) => (names as readonly string[]).includes(key(c)));
    const id = find(HEADERS.id);
    const name = find(HEADERS.name);
    if (id < 0 && name < 0) continue;
    const years = row.flatMap((c, column) => {
      const year = yearOfHeader(c);
      return year === null ? [] : [{ column, year }];
    });
    const year = find(HEADERS.year);
    const value = find(HEADERS.value);
    if ((year >= 0 && value >= 0) || years.length > 0)
      return { header: r, id, name, note: find(HEADERS.note), year, value, years };
  }
  return null;
}

function words(lang: Lang, zh: string, en: string): string {
  return lang === "zh" ? zh : en;
}

/** POST /api/plans/:id/yearly-values/preview */
export async function previewYearlyValues(
  db: Db,
  planId: number,
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
  /** Where the file is read: the server's job pool, or this thread. */
  jobs: JobRunner = inProcessJobs(),
): Promise<YearlyValueImportPreview> {
  // The file first: one refused costs no loading of the plan.
  const grids = await jobs.run("readGrids", { bytes, fileName });
  const world = await loadFiveYearWorld(db, planId);
  const byId = new Map(world.indicators.map((i) => [i.measured.target.id, i]));
  const byName = new Map(world.indicators.map((i) => [bareName(i.measured.target.subject), i]));
  const out: YearlyValueImportRow[] = [];
  let rowsRead = 0;
  let found = false;
  for (const grid of grids) {
    const layout = layoutOf(grid.rows);
    if (!layout) continue;
    found = true;
    for (let r = layout.header + 1; r < grid.rows.length; r++) {
      const cells = grid.rows[r] as string[];
      if (cells.every((c) => c.trim() === "")) continue;
      rowsRead++;
      const idText = layout.id >= 0 ? (cells[layout.id] ?? "").trim() : "";
      const name = layout.name >= 0 ? (cells[layout.name] ?? "").trim() : "";
      const facts = idText ? byId.get(Number(idText)) : byName.get(bareName(name));
      const note = layout.note >= 0 ? (cells[layout.note] ?? "").trim() : "";
      const pairs =
        layout.years.length > 0
          ? layout.years.map((y) => ({ year: y.year as number | null, text: cells[y.column] ?? "" }))
          : [{ year: readCellNumber(cells[layout.year] ?? ""), text: cells[layout.value] ?? "" }];
      for (const pair of pairs) {
        if (layout.years.length > 0 && pair.text.trim() === "") continue;
        const value = readCellNumber(pair.text);
        const row: YearlyValueImportRow = {
          sheet: grid.sheet,
          row: grid.rowNumbers[r] ?? r + 1,
          targetId: facts ? facts.measured.target.id : null,
          name: facts ? facts.measured.target.subject : name || idText,
          year: pair.year,
          value,
          current: null,
          sourceNote: note || fileName,
          problem: null,
        };
        if (!facts) {
          row.problem = words(
            lang,
            `本计划没有指标“${name || idText}”`,
            `the plan has no indicator “${name || idText}”`,
          );
        } else {
          row.current = currentValue(facts.measured, facts.rows, pair.year);
          row.problem = problemOf(facts.measured, pair.year, value, pair.text, lang);
        }
        out.push(row);
      }
    }
  }
  if (!found)
    throw new AppError(
      "bad_input",
      {
        zh: `${fileName}：找不到表头（指标或指标ID，及年份和数值，或各年份列）`,
        en: `${fileName}: no header found (indicator or indicator id, with year and value, or a column per year)`,
      },
      { field: "file" },
    );
  return { planId, fileName, rowsRead, rows: out };
}

function currentValue(
  m: Measured,
  rows: Parameters<typeof currentRows>[0],
  year: number | null,
): number | null {
  const hit = currentRows(rows).find((r) => r.year === year);
  return hit ? hit.value / m.factor : null;
}

function problemOf(
  m: Measured,
  year: number | null,
  value: number | null,
  text: string,
  lang: Lang,
): string | null {
  try {
    checkYearlyValue(m.ind, year, value);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.details.field === "value")
      return words(lang, `数值“${text.trim()}”无法识别`, `“${text.trim()}” is not a number`);
    return error.messageIn(lang);
  }
}

/** POST /api/plans/:id/yearly-values/apply */
export async function applyYearlyValues(
  db: Db,
  actor: Actor,
  planId: number,
  request: YearlyValueImportApply,
): Promise<YearlyValueImportResult> {
  if (request.rows.length === 0)
    throw new AppError("bad_input", { zh: "没有要导入的行", en: "no rows to import" }, { field: "rows" });
  const world = await loadFiveYearWorld(db, planId);
  const byId = new Map(world.indicators.map((i) => [i.measured.target.id, i.measured]));
  const values = request.rows.map((row, index) => {
    const where = { index, targetId: row.targetId };
    const m = byId.get(row.targetId);
    if (!m)
      throw new AppError(
        "bad_input",
        {
          zh: `第${index + 1}行：指标 ${row.targetId} 不属于本计划`,
          en: `row ${index + 1}: indicator ${row.targetId} is not of this plan`,
        },
        { ...where, field: "targetId" },
      );
    checkYearlyValue(m.ind, row.year, row.value, where);
    return {
      targetId: row.targetId,
      year: row.year,
      value: row.value * m.factor,
      source: "statistics" as const,
      sourceNote: checkNote(row.sourceNote ?? request.fileName, where) || request.fileName,
    };
  });
  await appendIndicatorValues(db, actor, planId, "indicator.import_values", values, {
    entity: "plan",
    entityId: planId,
    after: { fileName: request.fileName, written: values.length },
  });
  return { planId, written: values.length };
}
