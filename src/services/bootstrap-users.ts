// The first users of a new installation: an administrator, and for the demo one planner, one leader
// and a reporter for each department of the Nankai plan. Runs only while there are no users at all.
// Passwords are random and shown once, unless automation gives them by environment (then they are
// not shown and need no change at first sign-in). There is no fixed default password anywhere.

import type { Kysely } from "kysely";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { inTransaction } from "../db/database.ts";
import { listDepartments } from "../db/departments-repository.ts";
import { findRegionByCode } from "../db/regions-repository.ts";
import type { Database, UserRole } from "../db/schema.ts";
import { countUsers } from "../db/users-repository.ts";
import { checkPasswordRules } from "./auth.ts";
import type { ScryptParams } from "./password-hash.ts";
import { createUser } from "./user-admin.ts";

/** Short ASCII names of the Nankai departments for reporter accounts (pinyin initials): rpt-rsj. */
export const DEPARTMENT_SLUGS: Readonly<Record<string, string>> = {
  区发展改革委: "fgw",
  区统计局: "tjj",
  区财政局: "czj",
  区人社局: "rsj",
  区教育局: "jyj",
  区科技局: "kjj",
  区工业和信息化局: "gxj",
  区商务局: "swj",
  区投资促进局: "tcj",
  区金融局: "jrj",
  区国资委: "gzw",
  区合作交流办: "hzb",
  区政务服务办: "zwb",
  区市场监管局: "scjgj",
  区规划资源局: "ghzyj",
  区住房建设委: "zjw",
  区城市管理委: "cgw",
  区生态环境局: "sthjj",
  区卫生健康委: "wjw",
  区医保局: "ybj",
  区民政局: "mzj",
  区退役军人事务局: "tyjrj",
  区文化和旅游局: "wlj",
  区体育局: "tyj",
  区应急管理局: "yjj",
  区司法局: "sfj",
  区公安分局: "gafj",
  区信访办: "xfb",
  区审计局: "sjj",
  区档案馆: "dag",
  区残联: "cl",
};

export const DEMO_REGION_CODE = "120104";

export interface BootstrapOptions {
  /** PLANTRACK_ADMIN_PASSWORD: the administrator's password, checked by the rules, not printed. */
  adminPassword?: string;
  /** Also the demo users (after the demo plan is seeded). */
  demo: boolean;
  /** PLANTRACK_DEMO_PASSWORD: one password for every demo user, for automated tests. */
  demoPassword?: string;
}

export interface BootstrapUser {
  username: string;
  displayName: string;
  role: UserRole;
  /** Null when it came from the environment (not to be printed). */
  password: string | null;
  mustChangePassword: boolean;
}

export interface BootstrapDeps {
  db: Kysely<Database>;
  now: () => Date;
  scrypt?: ScryptParams;
}

/**
 * Creates the first users when there are none, in one transaction (all or none); returns who was
 * created (empty on later starts).
 */
export async function bootstrapUsers(
  deps: BootstrapDeps,
  options: BootstrapOptions,
): Promise<BootstrapUser[]> {
  if ((await countUsers(deps.db)) > 0) return [];
  return inTransaction(deps.db, (trx) => createFirstUsers({ ...deps, db: trx }, options));
}

async function createFirstUsers(deps: BootstrapDeps, options: BootstrapOptions): Promise<BootstrapUser[]> {
  if ((await countUsers(deps.db)) > 0) return [];
  // Checked before anything is written: a bad password in the environment stops the start.
  if (options.adminPassword !== undefined)
    checkPasswordRules(options.adminPassword, "admin", "PLANTRACK_ADMIN_PASSWORD");
  if (options.demo && options.demoPassword !== undefined) {
    checkPasswordRules(options.demoPassword, "", "PLANTRACK_DEMO_PASSWORD");
  }
  const created: BootstrapUser[] = [];
  const add = async (
    username: string,
    displayName: string,
    role: UserRole,
    place: { regionId?: number; departmentId?: number },
    given: string | undefined,
  ) => {
    const { password } = await createUser(
      deps,
      SYSTEM_ACTOR,
      { username, displayName, role, ...place, ...(given !== undefined ? { password: given } : {}) },
      { mustChangePassword: given === undefined },
    );
    created.push({
      username,
      displayName,
      role,
      password: given === undefined ? password : null,
      mustChangePassword: given === undefined,
    });
  };
  await add("admin", "系统管理员", "admin", {}, options.adminPassword);
  if (!options.demo) return created;
  const region = await findRegionByCode(deps.db, DEMO_REGION_CODE);
  if (!region) return created;
  await add("planner", "南开区发展改革委 计划科", "planner", { regionId: region.id }, options.demoPassword);
  await add("leader", "南开区领导", "leader", { regionId: region.id }, options.demoPassword);
  for (const dept of await listDepartments(deps.db, region.id)) {
    const slug = DEPARTMENT_SLUGS[dept.name] ?? `d${dept.id}`;
    await add(`rpt-${slug}`, dept.name, "reporter", { departmentId: dept.id }, options.demoPassword);
  }
  return created;
}
