// Checking the audit chain: every row in id order against the one before it and against its own
// content, keyed rows under the key, every revision a row records against its digest, and the chain
// against the checkpoints written outside the database. What does not hold is named, and what kind it
// is: a row changed, rows re-chained (hashes recomputed without the key or with another one), rows cut
// (missing before or after a checkpoint, the table emptied), a revision changed or gone.

import type { Kysely } from "kysely";
import {
  GENESIS_HASH,
  keyedHash,
  publicHashes,
  REVISION_DIGEST_COLUMNS,
  revisionDigest,
  unkeyedHash,
} from "./audit-hash.ts";
import { type AuditKey, auditKeyForCheck } from "./audit-key.ts";
import { idChunks } from "./id-chunks.ts";
import type { AuditRow, Database } from "./schema.ts";

export type AuditProblemKind =
  /** The row's hash does not match its content: the row was edited. */
  | "changed"
  /** From this row on the hashes were recomputed: without the key (`how: unkeyed`) or with another. */
  | "rechained"
  /** The row does not follow the one before it: rows between were removed, or this one slipped in. */
  | "unlinked"
  /** Keyed rows, and no key to check them with. */
  | "key_missing"
  /** Rows chained under a key other than this one (its id differs). */
  | "other_key"
  | "revision_changed"
  | "revision_missing"
  /** Rows a checkpoint saw are gone: after the last row left, or before a row (its number moved). */
  | "cut"
  /** The table is empty, and a checkpoint saw rows in it. */
  | "truncated"
  /** The row a checkpoint saw has another hash now. */
  | "checkpoint_mismatch";

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The first row of the run (null when the table is empty). */
  rowId: number | null;
  /** How many rows in a row the same thing holds for (re-chained rows, missing revisions …). */
  rows: number;
  lastRowId: number | null;
  detail: Record<string, unknown>;
}

/** What a checkpoint recorded: the row number (1-based), the row's id and hash, when. */
export interface CheckpointRef {
  seq: number;
  id: number;
  hash: string;
  at: string;
}

export interface ChainReport {
  count: number;
  keyed: number;
  unkeyed: number;
  revisionsChecked: number;
  lastId: number;
  problems: AuditProblem[];
}

const MAX_PROBLEMS = 50;

interface Walk {
  problems: AuditProblem[];
}

function note(
  walk: Walk,
  kind: AuditProblemKind,
  rowId: number | null,
  prevRowId: number | null,
  detail: Record<string, unknown> = {},
): void {
  const last = walk.problems[walk.problems.length - 1];
  if (last && last.kind === kind && rowId !== null && last.lastRowId === prevRowId) {
    last.rows++;
    last.lastRowId = rowId;
    return;
  }
  if (walk.problems.length >= MAX_PROBLEMS) return;
  walk.problems.push({ kind, rowId, rows: 1, lastRowId: rowId, detail });
}

async function revisionsOf(db: Kysely<Database>, ids: number[]) {
  const out = new Map<number, Record<string, unknown>>();
  for (const chunk of idChunks(db, ids)) {
    const rows = await db
      .selectFrom("report_revisions")
      .select([...REVISION_DIGEST_COLUMNS])
      .where("id", "in", chunk)
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** Judges one keyed row's hash: null when it holds. */
function keyedVerdict(key: AuditKey, row: AuditRow): { kind: AuditProblemKind; how?: string } | null {
  const { id: _id, hash, ...fields } = row;
  if (keyedHash(key, fields) === hash) return null;
  if (publicHashes(fields).includes(hash)) return { kind: "rechained", how: "unkeyed" };
  return { kind: "changed" };
}

/**
 * Walks the whole chain in id order (batches of `batch` rows). Checkpoints, when given, are checked
 * at the rows they name; those naming rows that are no longer there are reported as cut.
 */
export async function inspectAuditChain(
  db: Kysely<Database>,
  options: { batch?: number; checkpoints?: readonly CheckpointRef[] } = {},
): Promise<ChainReport> {
  const batch = options.batch ?? 1000;
  const key = auditKeyForCheck(db);
  const byId = new Map<number, CheckpointRef[]>();
  for (const cp of options.checkpoints ?? []) byId.set(cp.id, [...(byId.get(cp.id) ?? []), cp]);
  const seen = new Set<CheckpointRef>();
  const walk: Walk = { problems: [] };
  const report: ChainReport = {
    count: 0,
    keyed: 0,
    unkeyed: 0,
    revisionsChecked: 0,
    lastId: 0,
    problems: [],
  };
  let prev = GENESIS_HASH;
  let prevId: number | null = null;
  let keyedSeen = false;
  let afterId = 0;
  // A run of keyed rows whose hashes fail: one is an edit, several in a row a re-chaining.
  let failing: AuditProblem | null = null;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", afterId)
      .orderBy("id", "asc")
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    const revisionIds = rows.flatMap((r) => (r.revision_id === null ? [] : [r.revision_id]));
    const revisions = revisionIds.length > 0 ? await revisionsOf(db, revisionIds) : new Map();
    for (const row of rows) {
      report.count++;
      if (row.prev_hash !== prev) note(walk, "unlinked", row.id, null, { expected: prev });
      if (!row.chain_key) {
        report.unkeyed++;
        if (keyedSeen) note(walk, "rechained", row.id, prevId, { how: "unkeyed" });
        else if (unkeyedHash(row) !== row.hash) note(walk, "changed", row.id, null);
      } else {
        report.keyed++;
        keyedSeen = true;
        if (!key) note(walk, "key_missing", row.id, prevId, { keyId: row.chain_key });
        else if (row.chain_key !== key.id) note(walk, "other_key", row.id, prevId, { keyId: row.chain_key });
        else {
          const verdict = keyedVerdict(key, row);
          if (!verdict) failing = null;
          else if (verdict.how) note(walk, "rechained", row.id, prevId, { how: verdict.how });
          else if (failing && failing.lastRowId === prevId) {
            failing.kind = "rechained";
            failing.detail = { how: "other_key" };
            failing.rows++;
            failing.lastRowId = row.id;
          } else {
            note(walk, "changed", row.id, null);
            failing = walk.problems[walk.problems.length - 1] ?? null;
            if (failing?.rowId !== row.id) failing = null;
          }
        }
      }
      if (row.revision_id !== null) {
        const revision = revisions.get(row.revision_id);
        if (!revision) note(walk, "revision_missing", row.id, prevId, { revisionId: row.revision_id });
        else if (revisionDigest(revision as never) !== row.revision_digest)
          note(walk, "revision_changed", row.id, null, { revisionId: row.revision_id });
        else report.revisionsChecked++;
      }
      for (const cp of byId.get(row.id) ?? []) {
        seen.add(cp);
        if (cp.hash !== row.hash) note(walk, "checkpoint_mismatch", row.id, null, { checkpoint: cp });
        else if (cp.seq !== report.count)
          note(walk, "cut", row.id, null, { checkpoint: cp, missing: cp.seq - report.count });
      }
      prev = row.hash;
      prevId = row.id;
      report.lastId = row.id;
      afterId = row.id;
    }
  }
  // Checkpoints of rows no longer there: the newest one says most.
  const gone = (options.checkpoints ?? []).filter((cp) => !seen.has(cp) && cp.seq > 0);
  const newest = gone.reduce<CheckpointRef | null>((a, cp) => (a && a.seq >= cp.seq ? a : cp), null);
  if (newest) {
    if (report.count === 0) note(walk, "truncated", null, null, { checkpoint: newest });
    else
      note(walk, "cut", newest.id, null, {
        checkpoint: newest,
        missing: newest.seq - report.count,
        lastId: report.lastId,
      });
  }
  report.problems = walk.problems;
  return report;
}
