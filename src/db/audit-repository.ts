// The audit log: one row per change of data, written in the same transaction as the change, chained by
// hashes so that an edited or removed row is detectable (the database also refuses updates, deletes and,
// on PostgreSQL, TRUNCATE). New rows are chained with HMAC-SM3 under a key kept outside the database
// (audit-key.ts); how a hash is made is in audit-hash.ts, how the chain is checked in audit-verify.ts.

import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { canonicalJson } from "../domain/canonical-json.ts";
import {
  type DigestedRevision,
  GENESIS_HASH,
  type HashedFields,
  keyedHash,
  revisionDigest,
} from "./audit-hash.ts";
import { auditKeyForWrite } from "./audit-key.ts";
import { type ChainReport, inspectAuditChain } from "./audit-verify.ts";
import { inTransaction } from "./database.ts";
import { isPostgres } from "./dialect.ts";
import type { AuditLogTable, AuditRow, Database } from "./schema.ts";

export { auditHash, GENESIS_HASH } from "./audit-hash.ts";

/** Who made a change: no user yet for the CLI and the seed, an ip for HTTP requests. */
export interface Actor {
  userId: number | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, ip: null };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number | null;
  planId?: number | null;
  before?: unknown;
  after?: unknown;
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : canonicalJson(value);
}

/** Appends one row; runs inside the caller's transaction (or opens one). */
export async function appendAudit(
  db: Kysely<Database>,
  actor: Actor,
  entry: AuditEntry,
  at: string = new Date().toISOString(),
): Promise<AuditRow> {
  const [row] = await appendAuditRows(db, [{ actor, entry, at }]);
  return row as AuditRow;
}

export interface AuditItem {
  actor: Actor;
  entry: AuditEntry;
  at: string;
  /** The revision this row records, as stored (returned by its insert): bound into the chain. */
  revision?: DigestedRevision & { id: number };
}

/** Appends rows in the given order, chained one onto the next, in one statement. */
export async function appendAuditRows(
  db: Kysely<Database>,
  items: readonly AuditItem[],
): Promise<AuditRow[]> {
  if (items.length === 0) return [];
  return inTransaction(db, async (trx) => {
    const key = auditKeyForWrite(trx);
    let prev = await lockedChainHead(trx);
    const rows = items.map(({ actor, entry, at, revision }) => {
      const fields: Required<HashedFields> = {
        at,
        // Fastify's request.ip is undefined once the client has hung up; hashed as absent but stored as
        // NULL, it broke the chain at that row (found by the load benchmarks). Hash what is stored.
        user_id: actor.userId ?? null,
        ip: actor.ip ?? null,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId === null ? null : String(entry.entityId),
        plan_id: entry.planId ?? null,
        before: jsonOrNull(entry.before),
        after: jsonOrNull(entry.after),
        chain_key: key.id,
        revision_id: revision ? revision.id : null,
        revision_digest: revision ? revisionDigest(revision) : null,
        prev_hash: prev,
      };
      const hash = keyedHash(key, fields);
      prev = hash;
      return { ...fields, hash };
    });
    // Ids are given in the order of the rows, which is the order of the chain.
    return trx.insertInto("audit_log").values(rows).returningAll().execute();
  });
}

/**
 * The hash of the last row, with the right to append after it until the transaction ends.
 * PostgreSQL runs transactions side by side, so a lock keeps two writers from chaining onto the same
 * row: plantrack_audit_head() (migration 0005) takes it and reads the head in one round trip — a
 * volatile function reads with a fresh snapshot once the lock is held. SQLite serializes writers.
 */
async function lockedChainHead(trx: Kysely<Database>): Promise<string> {
  if (isPostgres(trx)) {
    const result = await sql<{ hash: string | null }>`select plantrack_audit_head() as hash`.execute(trx);
    return result.rows[0]?.hash ?? GENESIS_HASH;
  }
  const last = await trx
    .selectFrom("audit_log")
    .select("hash")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return last?.hash ?? GENESIS_HASH;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string | number;
  planId?: number;
  limit?: number;
}

export async function listAudit(db: Kysely<Database>, query: AuditQuery = {}): Promise<AuditRow[]> {
  let q = db.selectFrom("audit_log").selectAll();
  if (query.entity !== undefined) q = q.where("entity", "=", query.entity);
  if (query.entityId !== undefined) q = q.where("entity_id", "=", String(query.entityId));
  if (query.planId !== undefined) q = q.where("plan_id", "=", query.planId);
  return q
    .orderBy("id", "asc")
    .limit(query.limit ?? 1000)
    .execute();
}

export async function countAudit(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type ChainCheck = { ok: true; count: number } | { ok: false; count: number; brokenAtId: number };

/** Recomputes every hash in id order; reports the first row that does not hold (see inspectAuditChain). */
export async function verifyAuditChain(db: Kysely<Database>, batch = 1000): Promise<ChainCheck> {
  const report = await inspectAuditChain(db, { batch });
  const first = report.problems[0];
  if (!first) return { ok: true, count: report.count };
  return { ok: false, count: report.count, brokenAtId: first.rowId ?? report.lastId };
}

export type { ChainReport };

/** The chain's head as one snapshot: how many rows, and the last one's id and hash (for checkpoints). */
export async function auditHead(db: Kysely<Database>): Promise<{ seq: number; id: number; hash: string }> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => [
      "id",
      "hash",
      eb.selectFrom("audit_log").select(eb.fn.countAll<number>().as("n")).as("n"),
    ])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return { seq: 0, id: 0, hash: GENESIS_HASH };
  return { seq: Number(row.n), id: row.id, hash: row.hash };
}

export interface AuditSearch {
  /** ISO date or time; a bare date From covers the whole day. */
  from?: string;
  /** ISO date or time; a bare date covers the whole day. */
  to?: string;
  /** A user name: rows of that user, and failed sign-ins that tried it. */
  user?: string;
  /** An action or its prefix: auth.login matches auth.login and auth.login_failed. */
  action?: string;
  entity?: string;
  /** The object's id, with or without `entity`. */
  entityId?: string;
  /** Exact action codes, any of them (the worded filter: one option may stand for two codes). */
  actions?: readonly string[];
  /** The acting user's department. */
  departmentId?: number;
  /** Text in the object's name: a target's subject, a task's or plan's title, a user's name … */
  object?: string;
  /** Text anywhere in the action, entity, id, address or the before and after JSON. */
  q?: string;
}

export type AuditRowWithUser = AuditRow & { username: string | null };

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

function searchQuery(db: Kysely<Database>, search: AuditSearch) {
  let q = db.selectFrom("audit_log").leftJoin("users", "users.id", "audit_log.user_id");
  if (search.from) q = q.where("audit_log.at", ">=", search.from);
  if (search.to) {
    q = /^\d{4}-\d{2}-\d{2}$/.test(search.to)
      ? q.where("audit_log.at", "<", nextDay(search.to))
      : q.where("audit_log.at", "<=", search.to);
  }
  if (search.user) {
    const name = search.user.trim().toLowerCase();
    const tried = `%"username":${likeEscape(JSON.stringify(name))}%`;
    q = q.where((eb) =>
      eb.or([
        eb("users.username", "=", name),
        eb.and([
          eb("audit_log.user_id", "is", null),
          eb("audit_log.after", "like", sql<string>`${tried} escape '\\'`),
        ]),
      ]),
    );
  }
  if (search.action)
    q = q.where("audit_log.action", "like", sql<string>`${`${likeEscape(search.action)}%`} escape '\\'`);
  if (search.actions && search.actions.length > 0) q = q.where("audit_log.action", "in", [...search.actions]);
  if (search.entity) q = q.where("audit_log.entity", "=", search.entity);
  if (search.entityId) q = q.where("audit_log.entity_id", "=", search.entityId);
  if (search.departmentId !== undefined) q = q.where("users.department_id", "=", search.departmentId);
  if (search.object) {
    const pattern = `%${likeEscape(search.object.trim())}%`;
    q = q.where((eb) => objectNamed(eb, pattern));
  }
  if (search.q) {
    const pattern = sql<string>`${`%${likeEscape(search.q)}%`} escape '\\'`;
    q = q.where((eb) =>
      eb.or([
        eb("audit_log.action", "like", pattern),
        eb("audit_log.entity", "like", pattern),
        eb("audit_log.entity_id", "like", pattern),
        eb("audit_log.ip", "like", pattern),
        eb("audit_log.before", "like", pattern),
        eb("audit_log.after", "like", pattern),
      ]),
    );
  }
  return q;
}

type SearchBuilder = ExpressionBuilder<Database & { audit_log: AuditLogTable }, "audit_log" | "users">;

/** An id column as audit_log.entity_id holds it (text on both dialects). */
const idText = (column: string) => sql<string>`cast(${sql.ref(column)} as text)`.as("id");

/**
 * Rows about an object whose name holds the text: each kind matched by its own name column, the
 * report and the task adjustment by what they are for. A subquery per kind, so no name is copied
 * into the log.
 */
function objectNamed(eb: SearchBuilder, pattern: string) {
  const like = sql<string>`${pattern} escape '\\'`;
  const nodeIds = eb.selectFrom("outline_nodes").select("id").where("title", "like", like);
  const targetIds = eb.selectFrom("targets").select("id").where("subject", "like", like);
  const itemIds = eb.selectFrom("items").select("id").where("name", "like", like);
  const kind = (entity: string) => eb("audit_log.entity", "=", entity);
  return eb.or([
    eb.and([
      kind("target"),
      eb(
        "audit_log.entity_id",
        "in",
        eb.selectFrom("targets").select(idText("id")).where("subject", "like", like),
      ),
    ]),
    eb.and([
      eb("audit_log.entity", "in", ["task", "outline_node"]),
      eb(
        "audit_log.entity_id",
        "in",
        eb.selectFrom("outline_nodes").select(idText("id")).where("title", "like", like),
      ),
    ]),
    eb.and([
      kind("plan"),
      eb(
        "audit_log.entity_id",
        "in",
        eb.selectFrom("plans").select(idText("id")).where("title", "like", like),
      ),
    ]),
    eb.and([
      kind("user"),
      eb(
        "audit_log.entity_id",
        "in",
        eb
          .selectFrom("users as named")
          .select(idText("named.id"))
          .where((w) => w.or([w("named.username", "like", like), w("named.display_name", "like", like)])),
      ),
    ]),
    eb.and([
      kind("department"),
      eb(
        "audit_log.entity_id",
        "in",
        eb.selectFrom("departments").select(idText("id")).where("name", "like", like),
      ),
    ]),
    eb.and([
      kind("report"),
      eb(
        "audit_log.entity_id",
        "in",
        eb
          .selectFrom("reports")
          .select(idText("reports.id"))
          .where((w) =>
            w.or([
              w("reports.target_id", "in", targetIds),
              w("reports.node_id", "in", nodeIds),
              w("reports.item_id", "in", itemIds),
            ]),
          ),
      ),
    ]),
    eb.and([
      kind("task_adjustment"),
      eb(
        "audit_log.entity_id",
        "in",
        eb.selectFrom("task_adjustments").select(idText("id")).where("node_id", "in", nodeIds),
      ),
    ]),
  ]);
}

/** One page of matching rows, newest first, and how many match in all. */
export async function searchAudit(
  db: Kysely<Database>,
  search: AuditSearch,
  page: number,
  pageSize: number,
): Promise<{ rows: AuditRowWithUser[]; total: number }> {
  const count = await searchQuery(db, search)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  const rows = await searchQuery(db, search)
    .selectAll("audit_log")
    .select("users.username")
    .orderBy("audit_log.id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(count?.n ?? 0) };
}

/** Every matching row, oldest first, in batches (for the CSV export). */
export async function* iterateAudit(
  db: Kysely<Database>,
  search: AuditSearch,
  batch = 1000,
): AsyncGenerator<AuditRowWithUser[]> {
  let afterId = 0;
  for (;;) {
    const rows = await searchQuery(db, search)
      .selectAll("audit_log")
      .select("users.username")
      .where("audit_log.id", ">", afterId)
      .orderBy("audit_log.id", "asc")
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    afterId = (rows[rows.length - 1] as AuditRowWithUser).id;
  }
}
