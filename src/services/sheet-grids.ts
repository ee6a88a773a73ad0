// A spreadsheet as rows of cell texts, whichever it came as (.xlsx or .csv): what the 任务分解表
// import matches against the plan. Pure reading of bytes, no database: it runs in the job pool
// (job-pool.ts), off the server's event loop, within the sheet limits (sheet-limits.ts).

import { AppError } from "../domain/app-error.ts";
import { formatNumber } from "../domain/target-display.ts";
import { decodeText } from "../extract/decode-text.ts";
import { cellValue } from "../reports/sheet-cells.ts";
import { parseCsv } from "./report-import.ts";
import { loadWorkbookWithinLimits } from "./sheet-limits.ts";

export interface Grid {
  sheet: string;
  rows: string[][];
  /** The row number of each row as the file counts them (a CSV record may span lines). */
  rowNumbers: number[];
}

const asText = (v: string | number | null) => (v === null ? "" : typeof v === "number" ? formatNumber(v) : v);

/** Every sheet of the file as rows of cell texts; a merged cell's text in each cell it covers. */
export async function readGrids(bytes: Uint8Array, fileName: string): Promise<Grid[]> {
  if (bytes.length === 0)
    throw new AppError(
      "empty_file",
      { zh: `${fileName}：文件为空`, en: `${fileName}: the file is empty` },
      {
        file: fileName,
      },
    );
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) {
    const { text } = decodeText(bytes, fileName);
    // Records, not lines: a header cell written over two lines (具体目标\n（指标）) is one record, so
    // the row under the header is the record after it; each keeps the line it starts on.
    const records = parseCsv(text, fileName);
    return [
      {
        sheet: "CSV",
        rows: records.map((r) => r.cells.map((c) => c.trim())),
        rowNumbers: records.map((r) => r.line),
      },
    ];
  }
  if (!lower.endsWith(".xlsx"))
    throw new AppError(
      "unsupported_file",
      { zh: `${fileName}：请上传 .xlsx 或 .csv 文件`, en: `${fileName}: upload an .xlsx or .csv file` },
      { file: fileName },
    );
  const wb = await loadWorkbookWithinLimits(bytes, fileName);
  const grids: Grid[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== "visible") continue;
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        cells.push(asText(cellValue(cell.isMerged ? cell.master.value : cell.value)));
      }
      rows.push(cells);
    }
    grids.push({ sheet: ws.name, rows, rowNumbers: rows.map((_, i) => i + 1) });
  }
  return grids;
}
