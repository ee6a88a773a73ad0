// LibreOffice headless as a converter for formats no JavaScript package reads (WPS), where the
// machine has it: a file in, the converted file out, through the server's one LibreOffice runner
// (src/reports/libreoffice.ts: one run at a time, a hung one killed with its process group).

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertFiles, findLibreOffice, withLibreOffice } from "../reports/libreoffice.ts";

/**
 * Under the job pool's default time limit (60 s, job-pool.ts): the reading of an upload runs in a
 * worker, and a worker stopped at its limit would leave a LibreOffice still running; this one is
 * killed with its process group first.
 */
export const SOFFICE_TIMEOUT_MS = 50_000;

/** The soffice (or libreoffice) executable on PATH, or null. */
export const findSoffice = findLibreOffice;

export interface ConvertResult {
  ok: boolean;
  bytes: Uint8Array | null;
  /** Why it failed: LibreOffice's own words, or "timeout". */
  reason: string;
}

/**
 * Converts `bytes` (a file of type `fromExt`) to `toExt` (docx, pdf, doc …) with LibreOffice. The
 * caller checks `findSoffice()` first; a missing soffice gives ok: false.
 */
export function convertWithSoffice(
  bytes: Uint8Array,
  fromExt: string,
  toExt: string,
  timeoutMs: number = SOFFICE_TIMEOUT_MS,
): Promise<ConvertResult> {
  if (!findLibreOffice()) return Promise.resolve({ ok: false, bytes: null, reason: "soffice not found" });
  return withLibreOffice(async () => {
    const dir = await mkdtemp(join(tmpdir(), "plantrack-soffice-"));
    try {
      const input = join(dir, `input.${fromExt}`);
      await writeFile(input, bytes);
      const result = await convertFiles([input], toExt, join(dir, "out"), toExt, timeoutMs);
      if (result.timedOut) return { ok: false, bytes: null, reason: "timeout" };
      const produced = result.produced[0];
      if (!produced) return { ok: false, bytes: null, reason: result.output.trim() || "no output" };
      return { ok: true, bytes: await readFile(produced), reason: "" };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
