// Signing in and out, sessions, password changes and the second factor. Sessions live in the database
// (several app servers share them) under the sha256 of a random token that only the browser's cookie
// holds; the CSRF token is derived from the session token, so it needs no storage and dies with it.

import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { CurrentUser, SessionInfo, TotpSetup } from "../contract/users.ts";
import { type Actor, appendAudit } from "../db/audit-repository.ts";
import type { Database, UserRow } from "../db/schema.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findUserByUsername,
  getUser,
  insertSession,
  recordFailedAttempt,
  recordSuccessfulSignIn,
  touchSession,
  updateUser,
} from "../db/users-repository.ts";
import type { Principal } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { passwordProblemMessage, passwordProblems } from "../domain/password-rules.ts";
import { dummyPasswordHash, hashPassword, type ScryptParams, verifyPassword } from "./password-hash.ts";
import { matchTotp, newTotpSecret, otpauthUrl } from "./totp.ts";
import { findSessionWithUser, getUserDetail } from "./user-details.ts";
import type { UserDetail } from "./user-presenter.ts";

type Db = Kysely<Database>;

export interface AuthSettings {
  now: () => Date;
  /** Idle time-out, sliding on every request (PLANTRACK_SESSION_IDLE_MINUTES, default 30). */
  idleMinutes: number;
  /** A session ends this long after sign-in however busy it is. */
  absoluteHours: number;
  maxFailedAttempts: number;
  lockMinutes: number;
  /** Cost of new password hashes (tests lower it). */
  scrypt?: ScryptParams;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  now: () => new Date(),
  idleMinutes: 30,
  absoluteHours: 12,
  maxFailedAttempts: 5,
  lockMinutes: 15,
};

/** PLANTRACK_SESSION_IDLE_MINUTES, checked. */
export function authSettingsFromEnv(env: Record<string, string | undefined>): AuthSettings {
  const idle = env.PLANTRACK_SESSION_IDLE_MINUTES?.trim();
  if (!idle) return DEFAULT_AUTH_SETTINGS;
  const minutes = Number(idle);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 720) {
    throw new AppError(
      "bad_input",
      {
        zh: `PLANTRACK_SESSION_IDLE_MINUTES 应为 1–720 的整数（分钟）：${idle}`,
        en: `PLANTRACK_SESSION_IDLE_MINUTES must be a whole number of minutes, 1–720: ${idle}`,
      },
      { setting: "PLANTRACK_SESSION_IDLE_MINUTES" },
    );
  }
  return { ...DEFAULT_AUTH_SETTINGS, idleMinutes: minutes };
}

/** Refuses a password that breaks the rules, naming every rule it breaks. */
export function checkPasswordRules(password: string, username: string, field = "password"): void {
  const problems = passwordProblems(password, username);
  if (problems.length === 0) return;
  const messages = problems.map(passwordProblemMessage);
  throw new AppError(
    "bad_input",
    { zh: messages.map((m) => m.zh).join("；"), en: messages.map((m) => m.en).join("; ") },
    { field, problems },
  );
}

export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function csrfTokenOf(token: string): string {
  return createHmac("sha256", token).update("plantrack-csrf").digest("base64url");
}

export function toPrincipal(user: UserDetail): Principal {
  return {
    id: user.id,
    role: user.role,
    regionId: user.regionId,
    departmentId: user.departmentId,
    departmentRegionId: user.departmentRegionId,
    names: { username: user.username, displayName: user.displayName, departmentName: user.departmentName },
  };
}

export function currentUserOf(user: UserDetail): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionId: user.regionId,
    regionName: user.regionName,
    departmentId: user.departmentId,
    departmentName: user.departmentName,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabled,
  };
}

export interface ActiveSession {
  /** The stored id (sha256 of the token). */
  id: string;
  token: string;
  user: UserDetail;
  csrfToken: string;
  idleExpiresAt: string;
}

export function sessionInfo(session: ActiveSession): SessionInfo {
  return {
    user: currentUserOf(session.user),
    csrfToken: session.csrfToken,
    idleExpiresAt: session.idleExpiresAt,
  };
}

function idleExpiry(settings: AuthSettings, createdAt: Date, now: Date): string {
  const idle = now.getTime() + settings.idleMinutes * 60_000;
  const absolute = createdAt.getTime() + settings.absoluteHours * 3_600_000;
  return new Date(Math.min(idle, absolute)).toISOString();
}

const WRONG_CREDENTIALS = { zh: "用户名或密码错误", en: "wrong user name or password" };

function lockedError(until: string): AppError {
  return new AppError(
    "locked",
    {
      zh: `连续登录失败次数过多，账户已锁定至 ${until}`,
      en: `too many failed sign-ins: the account is locked until ${until}`,
    },
    { lockedUntil: until },
  );
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

async function auditLoginFailure(
  db: Db,
  ip: string | null,
  userId: number | null,
  username: string,
  reason: string,
  now: Date,
  extra: Record<string, unknown> = {},
) {
  await appendAudit(
    db,
    { userId, ip },
    { action: "auth.login_failed", entity: "session", entityId: null, after: { username, reason, ...extra } },
    now.toISOString(),
  );
}

/** Counts a failed proof of the password (or second factor) against the lock-out, atomically. */
async function countFailure(db: Db, settings: AuthSettings, userId: number, now: Date) {
  const lockUntil = new Date(now.getTime() + settings.lockMinutes * 60_000).toISOString();
  return recordFailedAttempt(db, userId, settings.maxFailedAttempts, lockUntil);
}

/** Checks the credentials (and second factor), opens a session; every attempt is audited. */
export async function login(
  db: Db,
  settings: AuthSettings,
  input: LoginInput,
  client: ClientMeta,
): Promise<ActiveSession> {
  const now = settings.now();
  const username = input.username.trim().toLowerCase();
  const user = await findUserByUsername(db, username);
  if (!user) {
    await verifyPassword(input.password, await dummyPasswordHash());
    await auditLoginFailure(db, client.ip, null, username, "unknown_user", now);
    throw new AppError("unauthenticated", WRONG_CREDENTIALS);
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    await auditLoginFailure(db, client.ip, user.id, username, "locked", now);
    throw lockedError(user.locked_until);
  }
  const passwordOk = await verifyPassword(input.password, user.password_hash);
  let failure: string | null = passwordOk ? null : "wrong_password";
  let totpStep: number | null = null;
  if (!failure && user.disabled === 1) failure = "disabled";
  if (!failure && user.totp_enabled === 1 && user.totp_secret) {
    if (!input.totp?.trim()) {
      throw new AppError(
        "totp_required",
        { zh: "请输入动态验证码", en: "enter the code from your authenticator app" },
        {
          field: "totp",
        },
      );
    }
    totpStep = matchTotp(user.totp_secret, input.totp, now.getTime());
    if (totpStep === null || (user.totp_last_step !== null && totpStep <= user.totp_last_step)) {
      failure = "wrong_totp";
    }
  }
  if (failure) {
    if (failure === "disabled") {
      await auditLoginFailure(db, client.ip, user.id, username, failure, now);
      throw new AppError("unauthenticated", WRONG_CREDENTIALS);
    }
    const { attempts, lockedUntil } = await countFailure(db, settings, user.id, now);
    await auditLoginFailure(db, client.ip, user.id, username, failure, now, {
      attempts,
      ...(lockedUntil ? { lockedUntil } : {}),
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new AppError(
      "unauthenticated",
      failure === "wrong_totp" ? { zh: "动态验证码错误", en: "wrong authenticator code" } : WRONG_CREDENTIALS,
      failure === "wrong_totp" ? { field: "totp" } : {},
    );
  }

  const at = now.toISOString();
  // Conditional on the account not being locked: a wrong password sent in parallel may have locked it
  // while this request checked the right one.
  const signedIn = await recordSuccessfulSignIn(db, user.id, at, {
    last_login_at: at,
    ...(totpStep !== null ? { totp_last_step: totpStep } : {}),
  });
  if (!signedIn) {
    const locked = await getUser(db, user.id);
    await auditLoginFailure(db, client.ip, user.id, username, "locked", now);
    throw lockedError(locked?.locked_until ?? at);
  }
  const token = randomBytes(32).toString("base64url");
  const id = sessionIdOf(token);
  const idleExpiresAt = idleExpiry(settings, now, now);
  await deleteExpiredSessions(db, at);
  await insertSession(db, {
    id,
    userId: user.id,
    ip: client.ip,
    userAgent: client.userAgent,
    createdAt: at,
    expiresAt: idleExpiresAt,
  });
  await appendAudit(
    db,
    { userId: user.id, ip: client.ip },
    {
      action: "auth.login",
      entity: "session",
      entityId: null,
      after: { username, userAgent: client.userAgent },
    },
    at,
  );
  const detail = (await getUserDetail(db, user.id)) as UserDetail;
  return { id, token, user: detail, csrfToken: csrfTokenOf(token), idleExpiresAt };
}

/** The live session of a cookie token, its idle time-out moved on; null when there is none. */
export async function authenticate(
  db: Db,
  settings: AuthSettings,
  token: string,
): Promise<ActiveSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = sessionIdOf(token);
  const found = await findSessionWithUser(db, id);
  if (!found) return null;
  const { session, user } = found;
  const now = settings.now();
  const createdAt = new Date(session.created_at);
  const absoluteEnd = createdAt.getTime() + settings.absoluteHours * 3_600_000;
  if (session.expires_at <= now.toISOString() || absoluteEnd <= now.getTime()) {
    await deleteSession(db, id);
    return null;
  }
  if (user.disabled) {
    await deleteSession(db, id);
    return null;
  }
  let expiresAt = session.expires_at;
  // Sliding: written at most every 15 s, so that a page's burst of requests is one write.
  if (now.getTime() - new Date(session.last_seen_at).getTime() >= 15_000) {
    expiresAt = idleExpiry(settings, createdAt, now);
    await touchSession(db, id, now.toISOString(), expiresAt);
  }
  return { id, token, user, csrfToken: csrfTokenOf(token), idleExpiresAt: expiresAt };
}

export async function logout(db: Db, actor: Actor, session: ActiveSession, at: Date): Promise<void> {
  await deleteSession(db, session.id);
  await appendAudit(
    db,
    actor,
    { action: "auth.logout", entity: "session", entityId: null, after: { username: session.user.username } },
    at.toISOString(),
  );
}

/** Ends every session of the user, this one included. */
export async function logoutEverywhere(
  db: Db,
  actor: Actor,
  session: ActiveSession,
  at: Date,
): Promise<number> {
  const ended = await deleteUserSessions(db, session.user.id);
  await appendAudit(
    db,
    actor,
    {
      action: "auth.logout_all",
      entity: "session",
      entityId: null,
      after: { username: session.user.username, sessions: ended },
    },
    at.toISOString(),
  );
  return ended;
}

async function requireUser(db: Db, id: number) {
  const user = await getUser(db, id);
  if (!user) throw new AppError("unauthenticated", { zh: "请重新登录", en: "please sign in again" });
  return user;
}

/**
 * The current password asked again by a signed-in user (changing the password): counted against the
 * lock-out like a sign-in, else a stolen session could try passwords without limit.
 */
async function checkCurrentPassword(
  db: Db,
  settings: AuthSettings,
  actor: Actor,
  user: UserRow,
  password: string,
  purpose: string,
): Promise<void> {
  const now = settings.now();
  if (user.locked_until && user.locked_until > now.toISOString()) throw lockedError(user.locked_until);
  if (await verifyPassword(password, user.password_hash)) return;
  const { attempts, lockedUntil } = await countFailure(db, settings, user.id, now);
  await appendAudit(
    db,
    actor,
    {
      action: "auth.password_check_failed",
      entity: "user",
      entityId: user.id,
      after: { username: user.username, purpose, attempts, ...(lockedUntil ? { lockedUntil } : {}) },
    },
    now.toISOString(),
  );
  if (lockedUntil) throw lockedError(lockedUntil);
  throw new AppError(
    "bad_input",
    { zh: "当前密码不正确", en: "the current password is wrong" },
    {
      field: "currentPassword",
    },
  );
}

/** The user's own change (also the forced one at first sign-in); the user's other sessions end. */
export async function changeOwnPassword(
  db: Db,
  settings: AuthSettings,
  actor: Actor,
  session: ActiveSession,
  input: { currentPassword: string; newPassword: string },
): Promise<UserDetail> {
  const user = await requireUser(db, session.user.id);
  await checkCurrentPassword(db, settings, actor, user, input.currentPassword, "password_change");
  checkPasswordRules(input.newPassword, user.username, "newPassword");
  if (input.newPassword === input.currentPassword) {
    throw new AppError(
      "bad_input",
      { zh: "新密码不能与当前密码相同", en: "the new password must differ from the current one" },
      {
        field: "newPassword",
      },
    );
  }
  const now = settings.now().toISOString();
  const hash = await hashPassword(input.newPassword, settings.scrypt);
  await updateUser(
    db,
    actor,
    user.id,
    { password_hash: hash, must_change_password: 0, password_changed_at: now },
    "auth.password_change",
    now,
  );
  await deleteUserSessions(db, user.id, session.id);
  return (await getUserDetail(db, user.id)) as UserDetail;
}

export async function setupTotp(
  db: Db,
  settings: AuthSettings,
  actor: Actor,
  session: ActiveSession,
): Promise<TotpSetup> {
  const user = await requireUser(db, session.user.id);
  if (user.totp_enabled === 1) {
    throw new AppError("conflict", {
      zh: "动态验证码已启用；先停用再重新设置",
      en: "the second factor is on: disable it first",
    });
  }
  const secret = newTotpSecret();
  const now = settings.now().toISOString();
  await updateUser(db, actor, user.id, { totp_secret: secret, totp_enabled: 0 }, "auth.totp_setup", now);
  return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
}

export async function enableTotp(
  db: Db,
  settings: AuthSettings,
  actor: Actor,
  session: ActiveSession,
  code: string,
): Promise<UserDetail> {
  const user = await requireUser(db, session.user.id);
  if (user.totp_enabled === 1)
    throw new AppError("conflict", { zh: "动态验证码已启用", en: "the second factor is already on" });
  if (!user.totp_secret) {
    throw new AppError("conflict", { zh: "请先获取动态验证码密钥", en: "call totp/setup first" });
  }
  const now = settings.now();
  const step = matchTotp(user.totp_secret, code, now.getTime());
  if (step === null)
    throw new AppError(
      "bad_input",
      { zh: "动态验证码错误", en: "wrong authenticator code" },
      { field: "code" },
    );
  await updateUser(
    db,
    actor,
    user.id,
    { totp_enabled: 1, totp_last_step: step },
    "auth.totp_enable",
    now.toISOString(),
  );
  return (await getUserDetail(db, user.id)) as UserDetail;
}

/** Turning the second factor off takes a current code or the password. */
export async function disableTotp(
  db: Db,
  settings: AuthSettings,
  actor: Actor,
  session: ActiveSession,
  proof: { code?: string; currentPassword?: string },
): Promise<UserDetail> {
  const user = await requireUser(db, session.user.id);
  if (user.totp_enabled !== 1 || !user.totp_secret) {
    throw new AppError("conflict", { zh: "动态验证码未启用", en: "the second factor is not on" });
  }
  const now = settings.now();
  const codeOk = proof.code !== undefined && matchTotp(user.totp_secret, proof.code, now.getTime()) !== null;
  // A password given instead of a code is counted against the lock-out (checkCurrentPassword throws).
  if (!codeOk && proof.currentPassword !== undefined) {
    await checkCurrentPassword(db, settings, actor, user, proof.currentPassword, "totp_disable");
  } else if (!codeOk) {
    throw new AppError(
      "bad_input",
      { zh: "请提供正确的动态验证码或当前密码", en: "give a valid code or the current password" },
      {
        field: proof.code !== undefined ? "code" : "currentPassword",
      },
    );
  }
  await updateUser(
    db,
    actor,
    user.id,
    { totp_enabled: 0, totp_secret: null, totp_last_step: null },
    "auth.totp_disable",
    now.toISOString(),
  );
  return (await getUserDetail(db, user.id)) as UserDetail;
}
