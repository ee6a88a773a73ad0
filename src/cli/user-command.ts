// `plantrack user add|reset|disable|enable|list`: accounts from the command line (the administrator who
// lost the password, a deployment script). Changes are audited with no user (the operator's shell).

import type { Kysely } from "kysely";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { findDepartmentByName } from "../db/departments-repository.ts";
import { findRegionByCode, findRegionsByName, listRegionIds } from "../db/regions-repository.ts";
import type { Database, UserRole } from "../db/schema.ts";
import { findUserByUsername } from "../db/users-repository.ts";
import { ROLES } from "../domain/access.ts";
import { AppError } from "../domain/app-error.ts";
import { createUser, listUsers, resetPassword, updateUserByAdmin } from "../services/user-admin.ts";
import type { CliCommand, CliIo } from "./cli-io.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { textTable } from "./text-table.ts";

const USAGE = [
  "plantrack user add <用户名 username> --role admin|planner|leader|reporter [--name 名称] [--region 南开区|120104] [--department 区人社局]",
  "plantrack user reset <用户名 username> [--clear-totp]",
  "plantrack user disable <用户名 username>",
  "plantrack user enable <用户名 username>",
  "plantrack user list",
  "",
  "  add 与 reset 生成随机密码并只显示一次，首次登录须修改 / add and reset print a random password once; it must be changed at sign-in",
  "  reset 同时解除锁定并结束该用户的所有会话 / reset also unlocks the account and ends its sessions",
  "  PLANTRACK_USER_PASSWORD 给定密码（用于自动化） / a given password for automation (not printed)",
].join("\n");

async function regionId(db: Kysely<Database>, key: string): Promise<number> {
  const byCode = /^\d{6}$/.test(key) ? await findRegionByCode(db, key) : undefined;
  if (byCode) return byCode.id;
  const byName = await findRegionsByName(db, key);
  if (byName.length === 1) return (byName[0] as { id: number }).id;
  throw new AppError(
    byName.length === 0 ? "not_found" : "bad_input",
    byName.length === 0
      ? `没有地区 ${key} / no region ${key}`
      : `有多个名为 ${key} 的地区，请用代码 / several regions are called ${key}: give the code`,
  );
}

async function userId(db: Kysely<Database>, username: string | undefined): Promise<number> {
  if (!username) throw new AppError("bad_input", "缺少用户名 / give the user name");
  const user = await findUserByUsername(db, username);
  if (!user) throw new AppError("not_found", `没有用户 ${username} / no user ${username}`);
  return user.id;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    boolean: ["clear-totp"],
    string: ["role", "name", "region", "department"],
  });
  const [action, username, ...extra] = positionals;
  if (!action || extra.length > 0) throw new AppError("bad_input", `用法 / usage:\n${USAGE}`);
  const { store } = await openMigratedStore(io);
  const deps = { db: store.db, now: () => new Date() };
  const given = io.env.PLANTRACK_USER_PASSWORD || undefined;
  try {
    switch (action) {
      case "list": {
        const users = await listUsers(store.db);
        io.out(
          `${textTable(
            ["用户名 user", "角色 role", "名称 name", "地区/部门 region/department", "状态 state"],
            users.map((u) => [
              u.username,
              u.role,
              u.displayName,
              u.departmentName ?? u.regionName ?? "",
              [
                u.disabled ? "停用 disabled" : "",
                u.lockedUntil ? `锁定至 locked until ${u.lockedUntil}` : "",
                u.mustChangePassword ? "待改密 must change" : "",
              ]
                .filter(Boolean)
                .join(", "),
            ]),
          )}\n`,
        );
        return 0;
      }
      case "add": {
        if (!username) throw new AppError("bad_input", "缺少用户名 / give the user name");
        const role = flags.role as UserRole | undefined;
        if (!role || !ROLES.includes(role)) {
          throw new AppError(
            "bad_input",
            `--role 应为 ${ROLES.join("|")} / --role must be one of ${ROLES.join("|")}`,
          );
        }
        const region = typeof flags.region === "string" ? await regionId(store.db, flags.region) : null;
        let departmentId: number | null = null;
        if (typeof flags.department === "string") {
          const candidates = region !== null ? [region] : await listRegionIds(store.db);
          for (const r of candidates) {
            const dept = await findDepartmentByName(store.db, r, flags.department);
            if (dept) {
              departmentId = dept.id;
              break;
            }
          }
          if (departmentId === null)
            throw new AppError(
              "not_found",
              `没有部门 ${flags.department} / no department ${flags.department}`,
            );
        }
        const { user, password } = await createUser(
          deps,
          SYSTEM_ACTOR,
          {
            username,
            role,
            regionId: region,
            departmentId,
            ...(typeof flags.name === "string" ? { displayName: flags.name } : {}),
            ...(given ? { password: given } : {}),
          },
          { mustChangePassword: !given },
        );
        io.out(`已创建用户 / created ${user.username} (${user.role})\n`);
        if (!given)
          io.out(
            `初始密码（只显示一次，首次登录须修改） / first password (shown once, change it at sign-in): ${password}\n`,
          );
        return 0;
      }
      case "reset": {
        const id = await userId(store.db, username);
        const { password } = await resetPassword(deps, SYSTEM_ACTOR, id, {
          clearTotp: flags["clear-totp"] === true,
          ...(given ? { password: given, mustChangePassword: false } : {}),
        });
        io.out(
          `已重置 ${username} 的密码，账户已解锁 / reset the password of ${username}; the account is unlocked\n`,
        );
        if (!given)
          io.out(
            `新密码（只显示一次，登录后须修改） / new password (shown once, change it at sign-in): ${password}\n`,
          );
        return 0;
      }
      case "disable":
      case "enable": {
        const id = await userId(store.db, username);
        await updateUserByAdmin(deps, SYSTEM_ACTOR, id, { disabled: action === "disable" });
        io.out(
          action === "disable"
            ? `已停用 ${username}，其会话已结束 / disabled ${username} and ended its sessions\n`
            : `已启用 ${username} / enabled ${username}\n`,
        );
        return 0;
      }
      default:
        throw new AppError("bad_input", `未知操作 / unknown action: ${action}\n${USAGE}`);
    }
  } finally {
    await store.close();
  }
}

export const userCommand: CliCommand = {
  name: "user",
  summary: "管理用户：新建、重置密码、停用、列出 / manage users: add, reset, disable, list",
  usage: USAGE,
  run,
};
