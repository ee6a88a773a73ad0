// Users and their sessions. Every change of a user is audited with a snapshot that leaves out the
// password hash and the second-factor secret; sign-in bookkeeping (failed attempts, last sign-in) is
// audited by the sign-in itself (auth.login, auth.login_failed).

import { type Kysely, sql, type Updateable } from "kysely";
import { type Actor, appendAudit } from "./audit-repository.ts";
import { inTransaction } from "./database.ts";
import type { Database, SessionRow, UserRole, UserRow, UsersTable } from "./schema.ts";

type Db = Kysely<Database>;

/** A user row fit for the audit log: no secrets. */
export function userSnapshot(row: UserRow): Record<string, unknown> {
  const { password_hash: _hash, totp_secret: _secret, ...rest } = row;
  return rest;
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function getUser(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
}

function viewQuery(db: Db) {
  return db
    .selectFrom("users")
    .leftJoin("departments", "departments.id", "users.department_id")
    .leftJoin("regions", "regions.id", "users.region_id")
    .select([
      "users.id",
      "users.username",
      "users.display_name",
      "users.role",
      "users.region_id",
      "regions.name as region_name",
      "users.department_id",
      "departments.name as department_name",
      "departments.region_id as department_region_id",
      "users.disabled",
      "users.must_change_password",
      "users.totp_enabled",
      "users.locked_until",
      "users.last_login_at",
      "users.created_at",
    ]);
}

/** A user with its region's and department's names: what the user presenter shows. */
export type UserViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>["executeTakeFirstOrThrow"]>>;

export async function getUserViewRow(db: Db, id: number): Promise<UserViewRow | undefined> {
  return viewQuery(db).where("users.id", "=", id).executeTakeFirst();
}

/** Every user, by role and then username. */
export async function listUserViewRows(db: Db): Promise<UserViewRow[]> {
  return viewQuery(db).orderBy("users.role").orderBy("users.username").execute();
}

export interface NewUser {
  username: string;
  displayName: string | null;
  passwordHash: string;
  role: UserRole;
  regionId: number | null;
  departmentId: number | null;
  mustChangePassword: boolean;
}

export async function insertUser(db: Db, actor: Actor, user: NewUser, now: string): Promise<UserRow> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("users")
      .values({
        username: user.username.trim().toLowerCase(),
        display_name: user.displayName,
        password_hash: user.passwordHash,
        role: user.role,
        region_id: user.regionId,
        department_id: user.departmentId,
        must_change_password: user.mustChangePassword ? 1 : 0,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      { action: "user.create", entity: "user", entityId: row.id, after: userSnapshot(row) },
      now,
    );
    return row;
  });
}

/** Changes a user and audits it under `action` (user.update, user.reset_password, auth.password_change …). */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: number,
  changes: Updateable<UsersTable>,
  action: string,
  now: string,
): Promise<UserRow> {
  return inTransaction(db, async (trx) => {
    const before = await getUser(trx, id);
    if (!before) throw new Error(`user ${id} vanished`);
    await trx
      .updateTable("users")
      .set({ ...changes, updated_at: now })
      .where("id", "=", id)
      .execute();
    const after = (await getUser(trx, id)) as UserRow;
    const passwordChanged = changes.password_hash !== undefined;
    const totpChanged = changes.totp_secret !== undefined && changes.totp_secret !== before.totp_secret;
    await appendAudit(
      trx,
      actor,
      {
        action,
        entity: "user",
        entityId: id,
        before: userSnapshot(before),
        after: {
          ...userSnapshot(after),
          ...(passwordChanged ? { password: "changed" } : {}),
          ...(totpChanged ? { totp_secret: "changed" } : {}),
        },
      },
      now,
    );
    return after;
  });
}

/** Sign-in bookkeeping, not audited as a user change (the sign-in row records it). */
export async function setSignInState(
  db: Db,
  id: number,
  state: Pick<
    Updateable<UsersTable>,
    "failed_attempts" | "locked_until" | "last_login_at" | "totp_last_step"
  >,
): Promise<void> {
  await db.updateTable("users").set(state).where("id", "=", id).execute();
}

export interface FailedAttempt {
  /** The count this failure reached (the limit when it locked the account). */
  attempts: number;
  /** Set when this failure locked the account. */
  lockedUntil: string | null;
}

/**
 * Counts a wrong password in ONE statement: parallel failures (several requests, several app
 * servers) each add one, where a read-change-write would let them overwrite each other's count and
 * never reach the lock. The count restarts at 0 when it locks the account.
 */
export async function recordFailedAttempt(
  db: Db,
  id: number,
  maxAttempts: number,
  lockUntil: string,
): Promise<FailedAttempt> {
  const reaches = sql<boolean>`${sql.ref("failed_attempts")} + 1 >= ${maxAttempts}`;
  const row = await db
    .updateTable("users")
    .set({
      failed_attempts: sql<number>`case when ${reaches} then 0 else ${sql.ref("failed_attempts")} + 1 end`,
      locked_until: sql<
        string | null
      >`case when ${reaches} then ${lockUntil} else ${sql.ref("locked_until")} end`,
    })
    .where("id", "=", id)
    .returning(["failed_attempts", "locked_until"])
    .executeTakeFirstOrThrow();
  const locked = row.failed_attempts === 0 && row.locked_until === lockUntil;
  return { attempts: locked ? maxAttempts : row.failed_attempts, lockedUntil: locked ? lockUntil : null };
}

/**
 * A successful sign-in's bookkeeping, only while the account is not locked: a failure running in
 * parallel may have locked it since the caller read the row. False when it is locked.
 */
export async function recordSuccessfulSignIn(
  db: Db,
  id: number,
  now: string,
  state: Pick<Updateable<UsersTable>, "last_login_at" | "totp_last_step">,
): Promise<boolean> {
  const row = await db
    .updateTable("users")
    .set({ ...state, failed_attempts: 0, locked_until: null })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

// ── Sessions ───────────────────────────────────────────────────────────────────────────────────

export interface NewSession {
  /** sha256 of the token, hex. */
  id: string;
  userId: number;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  expiresAt: string;
}

export async function insertSession(db: Db, session: NewSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: session.id,
      user_id: session.userId,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/**
 * A session and its user's row in one round trip: every signed-in request starts here. A
 * session's user always exists (the foreign key), so the join finds both or neither.
 */
export async function getSessionWithUser(
  db: Db,
  id: string,
): Promise<{ session: SessionRow; user: UserViewRow } | undefined> {
  const row = await viewQuery(db)
    .innerJoin("sessions", "sessions.user_id", "users.id")
    .select([
      "sessions.id as session_id",
      "sessions.ip as session_ip",
      "sessions.user_agent as session_user_agent",
      "sessions.created_at as session_created_at",
      "sessions.last_seen_at as session_last_seen_at",
      "sessions.expires_at as session_expires_at",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const session: SessionRow = {
    id: row.session_id,
    user_id: row.id,
    ip: row.session_ip,
    user_agent: row.session_user_agent,
    created_at: row.session_created_at,
    last_seen_at: row.session_last_seen_at,
    expires_at: row.session_expires_at,
  };
  return { session, user: row };
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user but `keep` (the one changing its password stays signed in). */
export async function deleteUserSessions(db: Db, userId: number, keep?: string): Promise<number> {
  const result = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .$if(keep !== undefined, (q) => q.where("id", "!=", keep as string))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every user's id, role and department, in the database's order. */
export async function listUserRoles(db: Db): Promise<Pick<UserRow, "id" | "role" | "department_id">[]> {
  return db.selectFrom("users").select(["id", "role", "department_id"]).execute();
}
