// The audit chain's key (等保 2.0 §8.1.4.3, GB/T 39786: integrity by 国密 algorithms): every new audit
// row is chained with HMAC-SM3 under a key that is NOT in the database, so that someone who can write
// the database cannot recompute the chain after an edit. The key comes from PLANTRACK_AUDIT_KEY (hex)
// or a key file (PLANTRACK_AUDIT_KEY_FILE, by default audit.key beside the SQLite file or in data/),
// created with mode 0600 the first time an audit row is written. It is backed up apart from the data.
//
// A store carries the place its key comes from (attachAuditKey); the key is read when first needed.
// A store nobody told where its key is (an in-memory or PostgreSQL store opened by a test or a script)
// uses a key made up for this process: right for in-memory data, which dies with the process too.

import { createHash, createHmac, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { QueryExecutor } from "kysely";
import { AppError } from "../domain/app-error.ts";

export const AUDIT_KEY_FILE_NAME = "audit.key";

export interface AuditKey {
  /** A short fingerprint (SM3 of the key), stored on every keyed row: which key chained it. */
  id: string;
  bytes: Buffer;
}

export type AuditKeySource =
  | { kind: "hex"; hex: string; setting: string }
  | { kind: "file"; file: string }
  | { kind: "process" };

type HasExecutor = { getExecutor(): QueryExecutor };
/** The part of a DatabaseConfig this needs (not imported: database.ts imports this file). */
type DataConfig = { dialect: "sqlite"; file: string } | { dialect: "postgres" };

interface Attached {
  source: AuditKeySource;
  key: AuditKey | null;
  created: boolean;
}

// By the store's adapter: one object per Kysely instance, shared by its transactions.
const attached = new WeakMap<object, Attached>();
/** Every key this process has read, by id, so that a row can be rehashed by the key it names. */
const loaded = new Map<string, AuditKey>();
let processKey: AuditKey | null = null;

export function sm3Hex(...parts: (string | Buffer)[]): string {
  const h = createHash("sm3");
  for (const p of parts) h.update(p);
  return h.digest("hex");
}

export function hmacSm3Hex(key: AuditKey, ...parts: string[]): string {
  const h = createHmac("sm3", key.bytes);
  for (const p of parts) h.update(p);
  return h.digest("hex");
}

export function auditKeyOf(bytes: Buffer): AuditKey {
  const key = { id: sm3Hex("plantrack-audit-key\n", bytes).slice(0, 16), bytes };
  loaded.set(key.id, key);
  return key;
}

/** A key this process has read, by the id a row names. */
export function loadedAuditKey(id: string): AuditKey | undefined {
  return loaded.get(id);
}

function parseHexKey(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!/^(?:[0-9a-fA-F]{2}){32,}$/.test(hex)) {
    throw new AppError(
      "bad_input",
      {
        zh: `审计密钥应为至少 64 位十六进制数字（32 字节）：${where}`,
        en: `the audit key must be at least 64 hex digits (32 bytes): ${where}`,
      },
      { setting: where },
    );
  }
  return Buffer.from(hex, "hex");
}

function readKeyFile(file: string): AuditKey | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return auditKeyOf(parseHexKey(text, file));
}

/** Creates the key file (0600); when another process created it first, reads that one. */
function createKeyFile(file: string): { key: AuditKey; created: boolean } {
  mkdirSync(dirname(file), { recursive: true });
  const bytes = randomBytes(32);
  try {
    writeFileSync(file, `${bytes.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const other = readKeyFile(file);
    if (other) return { key: other, created: false };
    throw error;
  }
  chmodSync(file, 0o600);
  return { key: auditKeyOf(bytes), created: true };
}

/** Where a store's key comes from: the environment first, then the key file beside the data. */
export function auditKeySourceFromEnv(
  config: DataConfig,
  env: Record<string, string | undefined>,
  cwd: string,
): AuditKeySource {
  const hex = env.PLANTRACK_AUDIT_KEY?.trim();
  if (hex) return { kind: "hex", hex, setting: "PLANTRACK_AUDIT_KEY" };
  const file = env.PLANTRACK_AUDIT_KEY_FILE?.trim();
  if (file) return { kind: "file", file: resolve(cwd, file) };
  if (config.dialect === "sqlite" && config.file === ":memory:") return { kind: "process" };
  return { kind: "file", file: join(dataDirOf(config, cwd), AUDIT_KEY_FILE_NAME) };
}

/** Beside the SQLite file, or data/ under cwd (PostgreSQL): where the key and the checkpoints live. */
export function dataDirOf(config: DataConfig, cwd: string): string {
  return config.dialect === "sqlite" && config.file !== ":memory:" ? dirname(config.file) : join(cwd, "data");
}

export function attachAuditKey(db: HasExecutor, source: AuditKeySource): void {
  attached.set(db.getExecutor().adapter, { source, key: null, created: false });
}

function entryOf(db: HasExecutor): Attached | undefined {
  return attached.get(db.getExecutor().adapter);
}

function theProcessKey(): AuditKey {
  processKey ??= auditKeyOf(randomBytes(32));
  return processKey;
}

/** The key to chain new rows with; creates the key file on first use. */
export function auditKeyForWrite(db: HasExecutor): AuditKey {
  const entry = entryOf(db);
  if (!entry) return theProcessKey();
  if (entry.key) return entry.key;
  const { source } = entry;
  if (source.kind === "process") entry.key = theProcessKey();
  else if (source.kind === "hex") entry.key = auditKeyOf(parseHexKey(source.hex, source.setting));
  else {
    const made = readKeyFile(source.file) ?? null;
    if (made) entry.key = made;
    else {
      const fresh = createKeyFile(source.file);
      entry.key = fresh.key;
      entry.created = fresh.created;
    }
  }
  return entry.key;
}

/** The key to verify with, or null when it is not there (a verification never creates one). */
export function auditKeyForCheck(db: HasExecutor): AuditKey | null {
  const entry = entryOf(db);
  if (!entry) return theProcessKey();
  if (entry.key) return entry.key;
  if (entry.source.kind === "file") {
    const key = readKeyFile(entry.source.file);
    if (key) entry.key = key;
    return key;
  }
  return auditKeyForWrite(db);
}

/** Makes sure the key exists (the server's start): says whether it was created just now. */
export function ensureAuditKey(db: HasExecutor): { key: AuditKey; created: boolean; where: string } {
  const key = auditKeyForWrite(db);
  return { key, created: entryOf(db)?.created ?? false, where: auditKeyWhere(db) };
}

/** For messages: the key file, the variable, or that the key lives in this process only. */
export function auditKeyWhere(db: HasExecutor): string {
  const source = entryOf(db)?.source ?? { kind: "process" };
  if (source.kind === "file") return source.file;
  if (source.kind === "hex") return source.setting;
  return "(process)";
}
