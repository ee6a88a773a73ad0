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
import { type CliLang, cliLang, say, usageError, usageText } from "./cli-lang.ts";
import { openMigratedStore } from "./open-store.ts";
import { parseArgs } from "./parse-args.ts";
import { ROLE_WORDS } from "./role-words.ts";
import { textTable } from "./text-table.ts";

const USAGE = usageText(
  [
    "plantrack user add 用户名 --role admin|planner|leader|reporter [--name 名称] [--region 南开区|120104] [--department 区人社局]",
    "plantrack user reset 用户名 [--clear-totp]",
    "plantrack user disable 用户名",
    "plantrack user enable 用户名",
    "plantrack user list",
    "",
    "  新建用户和重置密码时生成随机密码并只显示一次，首次登录须修改",
    "  重置密码同时解除锁定并结束该用户的所有会话",
    "  PLANTRACK_USER_PASSWORD：给定密码（用于自动化，不显示）",
  ],
  [
    "plantrack user add USERNAME --role admin|planner|leader|reporter [--name NAME] [--region REGION|CODE] [--department DEPARTMENT]",
    "plantrack user reset USERNAME [--clear-totp]",
    "plantrack user disable USERNAME",
    "plantrack user enable USERNAME",
    "plantrack user list",
    "",
    "  add and reset print a random password once; it must be changed at sign-in",
    "  reset also unlocks the account and ends its sessions",
    "  PLANTRACK_USER_PASSWORD: a given password for automation (not printed)",
  ],
);

const LIST_WORDS = {
  zh: {
    header: ["用户名", "角色", "名称", "地区/部门", "状态"],
    disabled: "停用",
    lockedUntil: (at: string) => `锁定至 ${at}`,
    mustChange: "待改密",
    sep: "，",
  },
  en: {
    header: ["user", "role", "name", "region/department", "state"],
    disabled: "disabled",
    lockedUntil: (at: string) => `locked until ${at}`,
    mustChange: "must change the password",
    sep: ", ",
  },
} as const;

function listText(users: Awaited<ReturnType<typeof listUsers>>, lang: CliLang): string {
  const w = LIST_WORDS[lang];
  return textTable(
    [...w.header],
    users.map((u) => [
      u.username,
      ROLE_WORDS[u.role][lang],
      u.displayName,
      u.departmentName ?? u.regionName ?? "",
      [
        u.disabled ? w.disabled : "",
        u.lockedUntil ? w.lockedUntil(u.lockedUntil) : "",
        u.mustChangePassword ? w.mustChange : "",
      ]
        .filter(Boolean)
        .join(w.sep),
    ]),
  );
}

const noUsername = () => new AppError("bad_input", { zh: "缺少用户名", en: "give the user name" });

async function regionId(db: Kysely<Database>, key: string): Promise<number> {
  const byCode = /^\d{6}$/.test(key) ? await findRegionByCode(db, key) : undefined;
  if (byCode) return byCode.id;
  const byName = await findRegionsByName(db, key);
  if (byName.length === 1) return (byName[0] as { id: number }).id;
  throw new AppError(
    byName.length === 0 ? "not_found" : "bad_input",
    byName.length === 0
      ? { zh: `没有地区“${key}”`, en: `no region ${key}` }
      : { zh: `有多个名为“${key}”的地区，请用代码`, en: `several regions are called ${key}: give the code` },
  );
}

async function userId(db: Kysely<Database>, username: string | undefined): Promise<number> {
  if (!username) throw noUsername();
  const user = await findUserByUsername(db, username);
  if (!user) throw new AppError("not_found", { zh: `没有用户“${username}”`, en: `no user ${username}` });
  return user.id;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    boolean: ["clear-totp"],
    string: ["role", "name", "region", "department"],
  });
  const [action, username, ...extra] = positionals;
  if (!action || extra.length > 0) throw usageError(USAGE, { whole: true });
  const lang = cliLang(io.env);
  const { store } = await openMigratedStore(io);
  const deps = { db: store.db, now: () => new Date() };
  const given = io.env.PLANTRACK_USER_PASSWORD || undefined;
  try {
    switch (action) {
      case "list": {
        io.out(`${listText(await listUsers(store.db), lang)}\n`);
        return 0;
      }
      case "add": {
        if (!username) throw noUsername();
        const role = flags.role as UserRole | undefined;
        if (!role || !ROLES.includes(role)) {
          throw new AppError("bad_input", {
            zh: `--role 应为 ${ROLES.join("|")}`,
            en: `--role must be one of ${ROLES.join("|")}`,
          });
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
            throw new AppError("not_found", {
              zh: `没有部门“${flags.department}”`,
              en: `no department ${flags.department}`,
            });
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
        const roleWord = ROLE_WORDS[user.role][lang];
        io.out(
          `${lang === "zh" ? `已创建用户 ${user.username}（${roleWord}）` : `created ${user.username} (${roleWord})`}\n`,
        );
        // The password last on its line, after a colon: scripts read it from there.
        if (!given)
          io.out(
            `${lang === "zh" ? "初始密码（只显示一次，首次登录须修改）：" : "first password (shown once, change it at sign-in): "}${password}\n`,
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
          `${say(io.env, {
            zh: `已重置 ${username} 的密码，账户已解锁`,
            en: `reset the password of ${username}; the account is unlocked`,
          })}\n`,
        );
        if (!given)
          io.out(
            `${lang === "zh" ? "新密码（只显示一次，登录后须修改）：" : "new password (shown once, change it at sign-in): "}${password}\n`,
          );
        return 0;
      }
      case "disable":
      case "enable": {
        const id = await userId(store.db, username);
        await updateUserByAdmin(deps, SYSTEM_ACTOR, id, { disabled: action === "disable" });
        const done =
          action === "disable"
            ? { zh: `已停用 ${username}，其会话已结束`, en: `disabled ${username} and ended its sessions` }
            : { zh: `已启用 ${username}`, en: `enabled ${username}` };
        io.out(`${say(io.env, done)}\n`);
        return 0;
      }
      default:
        throw new AppError("bad_input", {
          zh: `未知操作“${action}”\n${USAGE.zh}`,
          en: `unknown action: ${action}\n${USAGE.en}`,
        });
    }
  } finally {
    await store.close();
  }
}

export const userCommand: CliCommand = {
  name: "user",
  summary: { zh: "管理用户：新建、重置密码、停用、列出", en: "manage users: add, reset, disable, list" },
  usage: USAGE,
  run,
};
