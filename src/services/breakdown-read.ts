// Reading a 任务分解表 and matching its rows to the plan's targets and tasks: the heavy, pure parts of
// the breakdown preview (breakdown-import.ts), each run as a job (job-handlers.ts) off the server's
// event loop. The first sheet with a recognisable header is read (a file refused before the plan is
// loaded); then each row gets its best candidates.

import { AppError } from "../domain/app-error.ts";
import {
  MATCH_THRESHOLD,
  type MatchCandidate,
  rankCandidates,
  type ScoredCandidate,
} from "../reports/breakdown-match.ts";
import {
  type BreakdownLine,
  detectHeader,
  type HeaderLayout,
  readLines,
} from "../reports/breakdown-model.ts";
import { type Grid, readGrids } from "./sheet-grids.ts";

export interface BreakdownRead {
  sheet: string;
  layout: HeaderLayout;
  lines: BreakdownLine[];
}

/** A data row with its four best candidates, and the best when it passes the threshold. */
export interface RankedLine {
  line: BreakdownLine;
  ranked: ScoredCandidate[];
  best: ScoredCandidate | null;
}

function pickSheet(grids: Grid[], fileName: string): { grid: Grid; layout: HeaderLayout } {
  let first: unknown = null;
  for (const grid of grids) {
    try {
      const where = { zh: `${fileName}：工作表“${grid.sheet}”`, en: `${fileName}: sheet “${grid.sheet}”` };
      return { grid, layout: detectHeader(grid.rows, where, grid.rowNumbers) };
    } catch (error) {
      first ??= error;
    }
  }
  if (first) throw first;
  throw new AppError(
    "bad_input",
    { zh: `${fileName}：没有工作表`, en: `${fileName}: the workbook has no sheet` },
    { file: fileName },
  );
}

/** The file's data rows; refused when no column says what to apply. */
export async function readBreakdown(bytes: Uint8Array, fileName: string): Promise<BreakdownRead> {
  const { grid, layout } = pickSheet(await readGrids(bytes, fileName), fileName);
  if (
    layout.columns.lead === undefined &&
    layout.planned.length === 0 &&
    layout.columns.deadline === undefined
  )
    throw new AppError(
      "bad_input",
      {
        zh: `${fileName}：工作表“${grid.sheet}”第${layout.headerRow}行的表头中没有牵头单位、完成时限或分期计划列`,
        en: `${fileName}: sheet “${grid.sheet}”, row ${layout.headerRow}: no 牵头单位, 完成时限 or planned-value column`,
      },
      { file: fileName, sheet: grid.sheet, row: layout.headerRow },
    );
  return { sheet: grid.sheet, layout, lines: readLines(grid.rows, layout, grid.rowNumbers) };
}

/** Each row matched against the plan's targets and tasks. */
export function rankBreakdown(
  lines: readonly BreakdownLine[],
  candidates: readonly MatchCandidate[],
): RankedLine[] {
  return lines.map((line) => {
    const ranked = rankCandidates(line.fields, candidates).slice(0, 4);
    const best = ranked[0];
    return { line, ranked, best: best !== undefined && best.score >= MATCH_THRESHOLD ? best : null };
  });
}
