// A temporary folder with a SQLite database for CLI tests, and a CliIo that records what a command prints.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import type { CliIo } from "../cli/cli-io.ts";

export interface CliSandbox {
  /** The folder, its database file, what was printed (out and err together), and the io to pass. */
  dir: string;
  dbFile: string;
  out: string[];
  io: CliIo;
}

/** Registers hooks giving each test a fresh sandbox; read it through the returned function. */
export function useCliSandbox(prefix: string): () => CliSandbox {
  let current: CliSandbox | null = null;
  beforeEach(async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    const out: string[] = [];
    const dbFile = join(dir, "x.db");
    current = {
      dir,
      dbFile,
      out,
      io: {
        out: (t) => out.push(t),
        err: (t) => out.push(t),
        env: { PLANTRACK_DB: dbFile, PLANTRACK_LOG_LEVEL: "silent" },
        cwd: dir,
      },
    };
  });
  afterEach(async () => {
    if (current) await rm(current.dir, { recursive: true, force: true });
    current = null;
  });
  return () => {
    if (!current) throw new Error("useCliSandbox: read the sandbox inside a test");
    return current;
  };
}
