// Administration: users, departments, regions and the audit log, for the admin API and the CLI.

import type { Kysely } from "kysely";
import type { AuditVerifyResult } from "../contract/audit.ts";
import type {
  CreateUserRequest,
  DepartmentView,
  RegionView,
  UpdateUserRequest,
  UserView,
} from "../contract/users.ts";
import { type Actor, appendAudit } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import {
  findDepartmentIdByExactName,
  getDepartment,
  insertDepartmentRow,
  listDepartmentsWithUserCounts,
  maxDepartmentOrd,
  updateDepartmentRow,
} from "../db/departments-repository.ts";
import { getRegion, listRegions } from "../db/regions-repository.ts";
import type { Database, DepartmentRow, UserRole } from "../db/schema.ts";
import {
  deleteUserSessions,
  findUserByUsername,
  getUser,
  insertUser,
  updateUser,
} from "../db/users-repository.ts";
import { AppError } from "../domain/app-error.ts";
import { auditVerifyResult, type CheckpointAnchor, NO_CHECKPOINTS } from "./audit-integrity.ts";
import { checkPasswordRules } from "./auth.ts";
import { DEFAULT_SCRYPT, hashPassword, randomPassword, type ScryptParams } from "./password-hash.ts";
import { getUserDetail, listUserDetails } from "./user-details.ts";
import { toUserView, type UserDetail } from "./user-presenter.ts";

type Db = Kysely<Database>;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

function notFound(what: string, id: number | string): AppError {
  const zh = { user: "用户", department: "部门" }[what] ?? what;
  return new AppError(
    "not_found",
    { zh: `${zh} ${id} 不存在`, en: `${what} ${id} not found` },
    { entity: what, id },
  );
}

async function departmentRow(db: Db, id: number): Promise<DepartmentRow> {
  const row = await getDepartment(db, id);
  if (!row)
    throw new AppError(
      "bad_input",
      { zh: `部门 ${id} 不存在`, en: `no department ${id}` },
      { field: "departmentId" },
    );
  return row;
}

/** A reporter belongs to a department and works in its region; others may have a region. */
async function placement(
  db: Db,
  role: UserRole,
  regionId: number | null,
  departmentId: number | null,
): Promise<{ regionId: number | null; departmentId: number | null }> {
  if (role === "reporter") {
    if (departmentId === null) {
      throw new AppError(
        "bad_input",
        { zh: "填报人必须属于一个部门", en: "a reporter needs a department" },
        {
          field: "departmentId",
        },
      );
    }
    const dept = await departmentRow(db, departmentId);
    return { regionId: dept.region_id, departmentId };
  }
  if (regionId !== null && !(await getRegion(db, regionId))) {
    throw new AppError(
      "bad_input",
      { zh: `地区 ${regionId} 不存在`, en: `no region ${regionId}` },
      { field: "regionId" },
    );
  }
  if (departmentId !== null) await departmentRow(db, departmentId);
  return { regionId: role === "admin" ? null : regionId, departmentId };
}

export interface AdminDeps {
  db: Db;
  now: () => Date;
  scrypt?: ScryptParams;
}

export async function listUsers(db: Db): Promise<UserView[]> {
  return (await listUserDetails(db)).map(toUserView);
}

/**
 * Creates a user who must change the password at first sign-in; without a password a random one is
 * made. `mustChangePassword: false` only for automation (passwords given by environment).
 */
export async function createUser(
  deps: AdminDeps,
  actor: Actor,
  request: CreateUserRequest,
  options: { mustChangePassword?: boolean } = {},
): Promise<{ user: UserView; password: string }> {
  const username = request.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw new AppError(
      "bad_input",
      {
        zh: `用户名须为 2–32 位小写字母、数字或 . _ -：${request.username}`,
        en: `a user name is 2–32 lower-case letters, digits, . _ -: ${request.username}`,
      },
      { field: "username" },
    );
  }
  const password = request.password ?? randomPassword();
  checkPasswordRules(password, username);
  const hash = await hashPassword(password, deps.scrypt ?? DEFAULT_SCRYPT);
  return inTransaction(deps.db, async (trx) => {
    if (await findUserByUsername(trx, username)) {
      throw new AppError(
        "conflict",
        { zh: `用户名 ${username} 已存在`, en: `the user name ${username} is taken` },
        {
          field: "username",
        },
      );
    }
    const place = await placement(trx, request.role, request.regionId ?? null, request.departmentId ?? null);
    const row = await insertUser(
      trx,
      actor,
      {
        username,
        displayName: request.displayName?.trim() || null,
        passwordHash: hash,
        role: request.role,
        ...place,
        mustChangePassword: options.mustChangePassword ?? true,
      },
      deps.now().toISOString(),
    );
    return { user: toUserView((await getUserDetail(trx, row.id)) as UserDetail), password };
  });
}

export async function updateUserByAdmin(
  deps: AdminDeps,
  actor: Actor,
  id: number,
  request: UpdateUserRequest,
): Promise<UserView> {
  return inTransaction(deps.db, async (trx) => {
    const user = await getUser(trx, id);
    if (!user) throw notFound("user", id);
    if (actor.userId === id && (request.disabled === true || (request.role && request.role !== user.role))) {
      throw new AppError("conflict", {
        zh: "不能停用自己或更改自己的角色",
        en: "you cannot disable yourself or change your own role",
      });
    }
    const role = request.role ?? user.role;
    const place = await placement(
      trx,
      role,
      request.regionId !== undefined ? request.regionId : user.region_id,
      request.departmentId !== undefined
        ? request.departmentId
        : role === "reporter"
          ? user.department_id
          : null,
    );
    const now = deps.now().toISOString();
    await updateUser(
      trx,
      actor,
      id,
      {
        ...(request.displayName !== undefined ? { display_name: request.displayName.trim() || null } : {}),
        role,
        region_id: place.regionId,
        department_id: place.departmentId,
        ...(request.disabled !== undefined ? { disabled: request.disabled ? 1 : 0 } : {}),
      },
      "user.update",
      now,
    );
    if (request.disabled === true) await deleteUserSessions(trx, id);
    return toUserView((await getUserDetail(trx, id)) as UserDetail);
  });
}

/**
 * A new random password that must be changed at the next sign-in; unlocks the account and ends its
 * sessions. `clearTotp` also removes the second factor (a user who lost the authenticator).
 */
export async function resetPassword(
  deps: AdminDeps,
  actor: Actor,
  id: number,
  options: { clearTotp?: boolean; password?: string; mustChangePassword?: boolean } = {},
): Promise<{ user: UserView; password: string }> {
  const user = await getUser(deps.db, id);
  if (!user) throw notFound("user", id);
  const password = options.password ?? randomPassword();
  checkPasswordRules(password, user.username);
  const hash = await hashPassword(password, deps.scrypt ?? DEFAULT_SCRYPT);
  const now = deps.now().toISOString();
  return inTransaction(deps.db, async (trx) => {
    await updateUser(
      trx,
      actor,
      id,
      {
        password_hash: hash,
        must_change_password: options.mustChangePassword === false ? 0 : 1,
        password_changed_at: now,
        failed_attempts: 0,
        locked_until: null,
        ...(options.clearTotp ? { totp_enabled: 0, totp_secret: null, totp_last_step: null } : {}),
      },
      "user.reset_password",
      now,
    );
    await deleteUserSessions(trx, id);
    return { user: toUserView((await getUserDetail(trx, id)) as UserDetail), password };
  });
}

// ── Departments and regions ────────────────────────────────────────────────────────────────────

export async function listDepartmentViews(db: Db): Promise<DepartmentView[]> {
  const rows = await listDepartmentsWithUserCounts(db);
  return rows.map((r) => ({
    id: r.id,
    regionId: r.region_id,
    regionName: r.region_name,
    name: r.name,
    shortName: r.short_name,
    fullName: r.full_name,
    disabled: r.disabled === 1,
    userCount: Number(r.user_count ?? 0),
  }));
}

async function departmentView(db: Db, id: number): Promise<DepartmentView> {
  const view = (await listDepartmentViews(db)).find((d) => d.id === id);
  if (!view) throw notFound("department", id);
  return view;
}

export interface DepartmentInput {
  regionId: number;
  name: string;
  shortName?: string | null;
  fullName?: string | null;
}

export async function createDepartment(
  deps: AdminDeps,
  actor: Actor,
  input: DepartmentInput,
): Promise<DepartmentView> {
  const name = input.name.trim();
  if (!name)
    throw new AppError(
      "bad_input",
      { zh: "部门名称不能为空", en: "the name cannot be empty" },
      { field: "name" },
    );
  return inTransaction(deps.db, async (trx) => {
    if (!(await getRegion(trx, input.regionId))) {
      throw new AppError(
        "bad_input",
        { zh: `地区 ${input.regionId} 不存在`, en: `no region ${input.regionId}` },
        {
          field: "regionId",
        },
      );
    }
    const clash = await findDepartmentIdByExactName(trx, input.regionId, name);
    if (clash !== undefined)
      throw new AppError(
        "conflict",
        { zh: `该地区已有部门 ${name}`, en: `the region already has ${name}` },
        {
          field: "name",
        },
      );
    const lastOrd = await maxDepartmentOrd(trx, input.regionId);
    const row = await insertDepartmentRow(trx, {
      region_id: input.regionId,
      name,
      short_name: input.shortName?.trim() || null,
      full_name: input.fullName?.trim() || null,
      ord: Number(lastOrd ?? 0) + 1,
      created_at: deps.now().toISOString(),
    });
    await appendAudit(trx, actor, {
      action: "department.create",
      entity: "department",
      entityId: row.id,
      after: row,
    });
    return departmentView(trx, row.id);
  });
}

export interface DepartmentPatch {
  name?: string;
  shortName?: string | null;
  fullName?: string | null;
  disabled?: boolean;
}

export async function updateDepartment(
  deps: AdminDeps,
  actor: Actor,
  id: number,
  patch: DepartmentPatch,
): Promise<DepartmentView> {
  return inTransaction(deps.db, async (trx) => {
    const before = await getDepartment(trx, id);
    if (!before) throw notFound("department", id);
    const name = patch.name?.trim();
    if (patch.name !== undefined && !name) {
      throw new AppError(
        "bad_input",
        { zh: "部门名称不能为空", en: "the name cannot be empty" },
        { field: "name" },
      );
    }
    if (name && name !== before.name) {
      const clash = await findDepartmentIdByExactName(trx, before.region_id, name);
      if (clash !== undefined)
        throw new AppError(
          "conflict",
          { zh: `该地区已有部门 ${name}`, en: `the region already has ${name}` },
          {
            field: "name",
          },
        );
    }
    await updateDepartmentRow(trx, id, {
      ...(name ? { name } : {}),
      ...(patch.shortName !== undefined ? { short_name: patch.shortName?.trim() || null } : {}),
      ...(patch.fullName !== undefined ? { full_name: patch.fullName?.trim() || null } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
    });
    const after = await getDepartment(trx, id);
    await appendAudit(trx, actor, {
      action: "department.update",
      entity: "department",
      entityId: id,
      before,
      after,
    });
    return departmentView(trx, id);
  });
}

export async function listRegionViews(db: Db): Promise<RegionView[]> {
  return (await listRegions(db)).map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code ?? "",
    parentId: r.parent_id,
  }));
}

// ── The audit log ──────────────────────────────────────────────────────────────────────────────

// Its pages and exports, in words: audit-log.ts and audit-xlsx.ts.

/** The audit log checked as `plantrack audit verify` checks it, against `anchor`'s checkpoints. */
export async function verifyAudit(
  db: Db,
  anchor: CheckpointAnchor = NO_CHECKPOINTS,
): Promise<AuditVerifyResult> {
  return auditVerifyResult(db, anchor);
}
