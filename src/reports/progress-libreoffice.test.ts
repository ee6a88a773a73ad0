// The progress report of the Nankai demo plan opened by LibreOffice: converted to PDF, its first two
// pages rendered, and the page size, the text and where the ink falls (inside the GB/T 9704-2012
// margins, page numbers on the outside edge) checked on the pictures. Also writes those two pages as
// docs/screenshots/report-page-1.png and report-page-2.png (80 dpi) for the README.
// CI installs LibreOffice and poppler (.ci/run); without them here, the test is skipped and says so.

import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Store } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { buildProgressReportDocx } from "../services/progress-report.ts";
import { seedDemo } from "../services/seed-demo.ts";
import { seedDemoReports } from "../services/seed-demo-reports.ts";
import { MARGIN_MM, PAGE_MM } from "./gbt9704.ts";

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const tools = ["soffice", "pdfinfo", "pdftotext", "pdftoppm"].filter((t) => !has(t));
const skipReason =
  tools.length > 0
    ? ` (skipped: ${tools.join(", ")} not installed — apt-get install libreoffice-writer-nogui poppler-utils)`
    : "";
if (skipReason) console.warn(`LibreOffice test${skipReason}`);

const repoRoot = join(import.meta.dirname, "../..");
const DPI = 50;
const pxToMm = (px: number) => (px * 25.4) / DPI;

interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A binary PGM (P5) as pdftoppm -gray writes it. */
function readPgm(file: string): Gray {
  const data = readFileSync(file);
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i] as number))) i++;
    let token = "";
    while (!/\s/.test(String.fromCharCode(data[i] as number)))
      token += String.fromCharCode(data[i++] as number);
    header.push(token);
  }
  i++;
  if (header[0] !== "P5") throw new Error(`${file} is not a binary PGM`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(i) };
}

/** The box of ink (pixels darker than light grey) inside the rows and columns given, in millimetres. */
function inkBox(g: Gray, fromMm = 0, toMm: number = PAGE_MM.height) {
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  let top = Number.POSITIVE_INFINITY;
  let bottom = -1;
  for (let y = 0; y < g.height; y++) {
    const mm = pxToMm(y);
    if (mm < fromMm || mm > toMm) continue;
    for (let x = 0; x < g.width; x++) {
      if ((g.pixels[y * g.width + x] as number) > 200) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return null;
  return { left: pxToMm(left), right: pxToMm(right + 1), top: pxToMm(top), bottom: pxToMm(bottom + 1) };
}

/** pdftoppm pads page numbers to the width of the page count: page-1.png or page-01.png. */
function pageFile(dir: string, prefix: string, page: number, ext: string): string {
  const found = readdirSync(dir).find((f) => new RegExp(`^${prefix}-0*${page}\\.${ext}$`).test(f));
  if (!found) throw new Error(`pdftoppm wrote no ${prefix} page ${page} (.${ext}) in ${dir}`);
  return join(dir, found);
}

describe("the progress report in LibreOffice", () => {
  let work = "";
  let store: Store | null = null;
  let pdf = "";

  beforeAll(async () => {
    if (skipReason) return;
    work = mkdtempSync(join(tmpdir(), "plantrack-word-"));
    store = openDatabase({ dialect: "sqlite", file: ":memory:" });
    await migrateToLatest(store.db);
    const seeded = await seedDemo({
      db: store.db,
      extract: extractPlan,
      examplesDir: join(repoRoot, "examples"),
    });
    await seedDemoReports(store.db, seeded.planId as number);
    const docx = join(work, "progress.docx");
    writeFileSync(
      docx,
      await buildProgressReportDocx(store.db, seeded.planId as number, { period: "2020-09" }),
    );
    // A profile of its own, so a LibreOffice already running (or another test run) does not interfere.
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(work, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        work,
        docx,
      ],
      { stdio: "pipe", timeout: 180_000 },
    );
    pdf = join(work, "progress.pdf");
    execFileSync("pdftoppm", ["-r", String(DPI), "-gray", "-f", "1", "-l", "2", pdf, join(work, "page")]);
    execFileSync("pdftoppm", ["-r", String(DPI), "-png", "-f", "1", "-l", "2", pdf, join(work, "page")]);
    execFileSync("pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", "2", pdf, join(work, "shot")]);
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.skipIf(skipReason !== "")(`opens as an A4 document of several pages${skipReason}`, () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    const mm = (pt: string | undefined) => (Number(pt) / 72) * 25.4;
    expect(mm(size?.[1])).toBeCloseTo(PAGE_MM.width, 0);
    expect(mm(size?.[2])).toBeCloseTo(PAGE_MM.height, 0);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(skipReason !== "")(`carries the title and the figures as text${skipReason}`, () => {
    const text = execFileSync("pdftotext", ["-f", "1", "-l", "2", pdf, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      "",
    );
    expect(text).toContain("关于南开区2020年国民经济和社会发展计划1—9月执行情况的报告");
    expect(text).toContain("一、总体情况");
    expect(text).toMatch(/截至2020年9月底，计划确定的\d+项指标中/);
  });

  it.skipIf(skipReason !== "")(
    `keeps the text inside the margins and numbers pages on the outside${skipReason}`,
    () => {
      const tolerance = 1.5;
      const textBottom = PAGE_MM.height - MARGIN_MM.bottom;
      for (const n of [1, 2]) {
        const g = readPgm(pageFile(work, "page", n, "pgm"));
        expect(pxToMm(g.width)).toBeCloseTo(PAGE_MM.width, 0);
        const body = inkBox(g, 0, textBottom + tolerance);
        expect(body, `page ${n} has text`).not.toBeNull();
        if (!body) continue;
        expect(body.left, `page ${n} left edge`).toBeGreaterThanOrEqual(MARGIN_MM.left - tolerance);
        expect(body.top, `page ${n} top edge`).toBeGreaterThanOrEqual(MARGIN_MM.top - tolerance);
        // A line may end in a comma hanging into the margin (punctuation overflow, on by default in
        // Word and LibreOffice): at most half a 3号 character, 2.8 mm.
        expect(body.right, `page ${n} right edge`).toBeLessThanOrEqual(PAGE_MM.width - MARGIN_MM.right + 2.8);
        // The page holds more than a line or two: its ink reaches well down the text block.
        expect(body.bottom - body.top, `page ${n} ink height`).toBeGreaterThan(100);
        // “— n —” below the text block: right on odd pages, left on even ones.
        const number = inkBox(g, textBottom + tolerance, PAGE_MM.height - 10);
        expect(number, `page ${n} has a page number`).not.toBeNull();
        if (!number) continue;
        if (n % 2 === 1) {
          expect(number.left).toBeGreaterThan(PAGE_MM.width / 2);
          expect(number.right).toBeLessThanOrEqual(PAGE_MM.width - MARGIN_MM.right + tolerance);
        } else {
          expect(number.right).toBeLessThan(PAGE_MM.width / 2);
          expect(number.left).toBeGreaterThanOrEqual(MARGIN_MM.left - tolerance);
        }
      }
    },
  );

  it.skipIf(skipReason !== "")(`renders the first two pages as PNG for the README${skipReason}`, () => {
    const shots = join(repoRoot, "docs", "screenshots");
    mkdirSync(shots, { recursive: true });
    for (const n of [1, 2]) {
      const png = readFileSync(pageFile(work, "page", n, "png"));
      expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      copyFileSync(pageFile(work, "shot", n, "png"), join(shots, `report-page-${n}.png`));
    }
  });
});
