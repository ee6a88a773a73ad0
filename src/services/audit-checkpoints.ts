// The audit chain's head, anchored outside the database: a signed checkpoint (row number, row id,
// hash, time, HMAC-SM3 under the audit key) appended as one JSON line to a checkpoints file and written
// to the log, when the server starts, every hour and when it stops. Rows removed after a checkpoint
// (the last rows deleted, the table emptied) or re-chained before it are then visible to
// `plantrack audit verify`, which needs only the key and the file. Several app processes may append to
// one file: a line is one write, and each line names its database.

import { mkdirSync } from "node:fs";
import { appendFile, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Kysely } from "kysely";
import { type AuditKey, auditKeyForWrite, dataDirOf, hmacSm3Hex } from "../db/audit-key.ts";
import { auditHead } from "../db/audit-repository.ts";
import type { CheckpointRef } from "../db/audit-verify.ts";
import type { DatabaseConfig } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { canonicalJson } from "../domain/canonical-json.ts";

export const CHECKPOINTS_FILE_NAME = "audit-checkpoints.jsonl";
export const CHECKPOINT_EVERY_MS = 60 * 60 * 1000;

export interface Checkpoint extends CheckpointRef {
  v: 1;
  /** Which database: the SQLite file or the PostgreSQL URL without its password. */
  db: string;
  /** The id of the key that signed it. */
  key: string;
  sig: string;
}

/** PLANTRACK_AUDIT_CHECKPOINTS, or audit-checkpoints.jsonl beside the data; none for a database in memory. */
export function checkpointsFileFromEnv(
  config: DatabaseConfig,
  env: Record<string, string | undefined>,
  cwd: string,
): string | null {
  const file = env.PLANTRACK_AUDIT_CHECKPOINTS?.trim();
  if (file) return resolve(cwd, file);
  if (config.dialect === "sqlite" && config.file === ":memory:") return null;
  return join(dataDirOf(config, cwd), CHECKPOINTS_FILE_NAME);
}

function signature(key: AuditKey, body: Omit<Checkpoint, "sig">): string {
  return hmacSm3Hex(key, canonicalJson(body));
}

/** Reads the head, signs it and appends it to the file (when there is one). */
export async function writeCheckpoint(
  db: Kysely<Database>,
  target: { db: string; file: string | null },
  now: Date = new Date(),
): Promise<Checkpoint> {
  const key = auditKeyForWrite(db);
  const head = await auditHead(db);
  const body = { v: 1 as const, db: target.db, ...head, at: now.toISOString(), key: key.id };
  const checkpoint: Checkpoint = { ...body, sig: signature(key, body) };
  if (target.file) {
    mkdirSync(dirname(target.file), { recursive: true });
    await appendFile(target.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  }
  return checkpoint;
}

export interface CheckpointsRead {
  file: string | null;
  exists: boolean;
  /** This database's checkpoints, signed by this key, in file order. */
  valid: Checkpoint[];
  /** Lines for this database and key whose signature does not match: the file was edited. */
  altered: number[];
  /** Lines that are not a checkpoint at all. */
  unreadable: number[];
  /** This database's checkpoints signed by another key (before the key was changed). */
  otherKey: number;
}

function isCheckpoint(value: unknown): value is Checkpoint {
  if (!value || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  return (
    c.v === 1 &&
    typeof c.db === "string" &&
    Number.isInteger(c.seq) &&
    Number.isInteger(c.id) &&
    typeof c.hash === "string" &&
    typeof c.at === "string" &&
    typeof c.key === "string" &&
    typeof c.sig === "string"
  );
}

export async function readCheckpoints(
  file: string | null,
  dbName: string,
  key: AuditKey | null,
): Promise<CheckpointsRead> {
  const out: CheckpointsRead = { file, exists: false, valid: [], altered: [], unreadable: [], otherKey: 0 };
  if (!file) return out;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return out;
    throw error;
  }
  out.exists = true;
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      out.unreadable.push(i + 1);
      continue;
    }
    if (!isCheckpoint(value)) {
      out.unreadable.push(i + 1);
      continue;
    }
    if (value.db !== dbName) continue;
    if (!key || value.key !== key.id) {
      out.otherKey++;
      continue;
    }
    const { sig, ...body } = value;
    const fields = {
      v: body.v,
      db: body.db,
      seq: body.seq,
      id: body.id,
      hash: body.hash,
      at: body.at,
      key: body.key,
    };
    if (signature(key, fields) === sig) out.valid.push(value);
    else out.altered.push(i + 1);
  }
  return out;
}

export interface CheckpointTimer {
  /** Stops the timer and writes the last checkpoint (at shutdown). */
  stop: () => Promise<void>;
}

/**
 * A checkpoint now, then every hour on one unref'd timer (it never keeps the process alive), and one at
 * stop. A failed write is reported and the next one tried at its time: the server goes on.
 */
export async function startCheckpoints(
  db: Kysely<Database>,
  target: { db: string; file: string | null },
  report: { written: (c: Checkpoint) => void; failed: (error: unknown) => void },
  everyMs: number = CHECKPOINT_EVERY_MS,
): Promise<CheckpointTimer> {
  const once = async () => {
    try {
      report.written(await writeCheckpoint(db, target));
    } catch (error) {
      report.failed(error);
    }
  };
  await once();
  const timer = setInterval(() => void once(), everyMs);
  timer.unref();
  let stopped = false;
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await once();
    },
  };
}
