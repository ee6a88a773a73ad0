// LibreOffice headless as a converter for formats no JavaScript package reads (WPS), where the
// machine has it. Each conversion gets its own temporary profile and folder, so two uploads never
// share LibreOffice's profile lock, and a hung conversion is killed with its whole process group.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";

export const SOFFICE_TIMEOUT_MS = 120_000;

let sofficePath: string | null | undefined;

/** The soffice (or libreoffice) executable on PATH, or null. */
export function findSoffice(): string | null {
  if (sofficePath !== undefined) return sofficePath;
  const dirs = (process.env.PATH ?? "").split(delimiter).filter((d) => d !== "");
  sofficePath = null;
  for (const name of ["soffice", "libreoffice"]) {
    const dir = dirs.find((d) => existsSync(join(d, name)));
    if (dir) {
      sofficePath = join(dir, name);
      break;
    }
  }
  return sofficePath;
}

export interface ConvertResult {
  ok: boolean;
  bytes: Uint8Array | null;
  /** Why it failed: LibreOffice's own words, or "timeout". */
  reason: string;
}

function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      if (output.length < 4000) output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The negative id is the process group spawned above: soffice forks soffice.bin.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          child.kill("SIGKILL");
        }
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: error.message, timedOut });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
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
  // One conversion at a time: each LibreOffice start takes a core and a few hundred MB.
  const turn = queue.then(() => convertNow(bytes, fromExt, toExt, timeoutMs));
  queue = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}

let queue: Promise<void> = Promise.resolve();

async function convertNow(
  bytes: Uint8Array,
  fromExt: string,
  toExt: string,
  timeoutMs: number,
): Promise<ConvertResult> {
  const soffice = findSoffice();
  if (!soffice) return { ok: false, bytes: null, reason: "soffice not found" };
  const dir = await mkdtemp(join(tmpdir(), "plantrack-soffice-"));
  try {
    const input = join(dir, `input.${fromExt}`);
    const out = join(dir, "out");
    await writeFile(input, bytes);
    const result = await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--convert-to",
        toExt,
        "--outdir",
        out,
        input,
      ],
      timeoutMs,
    );
    if (result.timedOut) return { ok: false, bytes: null, reason: "timeout" };
    const produced = existsSync(out)
      ? (await readdir(out)).find((f) => f.toLowerCase().endsWith(`.${toExt}`))
      : undefined;
    if (!produced)
      return { ok: false, bytes: null, reason: result.output.trim() || `exit code ${result.code}` };
    return { ok: true, bytes: await readFile(join(out, produced)), reason: "" };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
