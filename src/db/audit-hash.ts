// How an audit row's hash is made. Two versions live in one chain:
// - unkeyed (chain_key null, rows written before migration 0006): sha256(prev_hash + canonical JSON of
//   the original fields). Anyone can recompute it, which is why new rows no longer use it.
// - keyed (chain_key = the key's id): HMAC-SM3(key, prev_hash + canonical JSON of every field but id
//   and hash, the revision's digest included). Without the key nobody can recompute it.
// Once a keyed row is in the chain, every later row must be keyed (verify names an unkeyed one).
// A report revision is bound into the chain by its digest: SM3 over the revision's stored columns.

import { createHash } from "node:crypto";
import { canonicalJson } from "../domain/canonical-json.ts";
import { type AuditKey, hmacSm3Hex, loadedAuditKey, sm3Hex } from "./audit-key.ts";
import type { AuditRow } from "./schema.ts";

export const GENESIS_HASH = "0".repeat(64);

type KeyedExtras = "chain_key" | "revision_id" | "revision_digest";
export type HashedFields = Omit<AuditRow, "id" | "hash" | KeyedExtras> & Partial<Pick<AuditRow, KeyedExtras>>;

function unkeyedContent(f: HashedFields): string {
  return canonicalJson({
    at: f.at,
    user_id: f.user_id,
    ip: f.ip,
    action: f.action,
    entity: f.entity,
    entity_id: f.entity_id,
    plan_id: f.plan_id,
    before: f.before,
    after: f.after,
  });
}

function keyedContent(f: HashedFields): string {
  return canonicalJson({
    at: f.at,
    user_id: f.user_id,
    ip: f.ip,
    action: f.action,
    entity: f.entity,
    entity_id: f.entity_id,
    plan_id: f.plan_id,
    before: f.before,
    after: f.after,
    chain_key: f.chain_key ?? null,
    revision_id: f.revision_id ?? null,
    revision_digest: f.revision_digest ?? null,
  });
}

/** The hash of the rows before migration 0006 (and what a re-chaining without the key would compute). */
export function unkeyedHash(fields: HashedFields): string {
  return createHash("sha256").update(fields.prev_hash).update(unkeyedContent(fields)).digest("hex");
}

/** The keyed hash, which is also what a re-chaining with another key would look like. */
export function keyedHash(key: AuditKey, fields: HashedFields): string {
  return hmacSm3Hex(key, fields.prev_hash, keyedContent(fields));
}

/** Hashes that someone without the key can compute over a row's fields: sha256 over either content. */
export function publicHashes(fields: HashedFields): string[] {
  return [
    unkeyedHash(fields),
    createHash("sha256").update(fields.prev_hash).update(keyedContent(fields)).digest("hex"),
    sm3Hex(fields.prev_hash, keyedContent(fields)),
  ];
}

/** A row's hash by the version it names; a keyed row needs its key read in this process. */
export function auditHash(fields: HashedFields): string {
  if (!fields.chain_key) return unkeyedHash(fields);
  const key = loadedAuditKey(fields.chain_key);
  if (!key) throw new Error(`audit key ${fields.chain_key} is not loaded`);
  return keyedHash(key, fields);
}

/** The columns of a revision its digest covers: everything stored about it. */
export const REVISION_DIGEST_COLUMNS = [
  "id",
  "report_id",
  "revision",
  "value",
  "percent",
  "status_word",
  "progress",
  "problems",
  "next_steps",
  "state",
  "return_reason",
  "author_id",
  "created_at",
  "warnings",
] as const;

/** Columns added after rows were digested: covered when set, left out when null (older digests hold). */
const DIGEST_WHEN_SET: ReadonlySet<string> = new Set(["warnings"]);

type DigestColumn = (typeof REVISION_DIGEST_COLUMNS)[number];
export type DigestedRevision = Record<Exclude<DigestColumn, "warnings">, unknown> & { warnings?: unknown };

export function revisionDigest(revision: DigestedRevision): string {
  const picked: Record<string, unknown> = {};
  for (const column of REVISION_DIGEST_COLUMNS) {
    const value = revision[column] ?? null;
    if (value === null && DIGEST_WHEN_SET.has(column)) continue;
    picked[column] = value;
  }
  return sm3Hex(canonicalJson(picked));
}
