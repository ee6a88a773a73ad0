// A small world for access tests: the city of Tianjin with two districts (two departments in Nankai,
// one in Hexi), the fixture plan imported for Nankai and published, and one user per persona.

import type { Kysely } from "kysely";
import { SYSTEM_ACTOR } from "../db/audit-repository.ts";
import { ensureDepartments } from "../db/departments-repository.ts";
import { setPlanState } from "../db/plans-repository.ts";
import { createRegion } from "../db/regions-repository.ts";
import type { Database, UserRole } from "../db/schema.ts";
import { importPlan } from "../services/import-plan.ts";
import { createTestUser } from "./auth-helpers.ts";
import { FIXTURE_TEXT, fixtureExtract } from "./plan-draft-fixture.ts";

export const PERSONAS = [
  "anonymous",
  "admin",
  "planner",
  "planner_other_region",
  "leader",
  "reporter",
  "reporter_other_department",
  // A reporter of 区教育局, the other department of Nankai: reads the plan, but not 区人社局's reports.
  "reporter_same_region",
] as const;
export type Persona = (typeof PERSONAS)[number];

export interface AccessWorld {
  regions: { tianjin: number; nankai: number; hexi: number };
  departments: { nankaiRsj: number; nankaiJyj: number; hexiRsj: number };
  planId: number;
  targetIds: number[];
  taskNodeId: number;
  users: Record<Exclude<Persona, "anonymous">, number>;
  usernames: Record<Exclude<Persona, "anonymous">, string>;
}

export async function buildAccessWorld(db: Kysely<Database>): Promise<AccessWorld> {
  const tianjin = await createRegion(db, SYSTEM_ACTOR, { name: "天津市", code: "120000", level: "province" });
  const nankai = await createRegion(db, SYSTEM_ACTOR, {
    name: "南开区",
    code: "120104",
    parentId: tianjin.id,
  });
  const hexi = await createRegion(db, SYSTEM_ACTOR, { name: "河西区", code: "120103", parentId: tianjin.id });
  const nk = await ensureDepartments(db, SYSTEM_ACTOR, nankai.id, [
    { name: "区人社局" },
    { name: "区教育局" },
  ]);
  const hx = await ensureDepartments(db, SYSTEM_ACTOR, hexi.id, [{ name: "区人社局" }]);
  const imported = await importPlan(
    { db, extract: fixtureExtract },
    { bytes: new TextEncoder().encode(FIXTURE_TEXT), fileName: "nankai.txt", region: "120104", year: 2020 },
  );
  await setPlanState(db, SYSTEM_ACTOR, imported.planId, "published");
  const targets = await db
    .selectFrom("targets")
    .select("id")
    .where("plan_id", "=", imported.planId)
    .orderBy("span_start")
    .execute();
  const task = await db
    .selectFrom("outline_nodes")
    .select("id")
    .where("plan_id", "=", imported.planId)
    .where("kind", "=", "task")
    .executeTakeFirstOrThrow();
  const departments = {
    nankaiRsj: (nk[0] as { id: number }).id,
    nankaiJyj: (nk[1] as { id: number }).id,
    hexiRsj: (hx[0] as { id: number }).id,
  };
  const specs: Record<
    Exclude<Persona, "anonymous">,
    { role: UserRole; regionId?: number; departmentId?: number }
  > = {
    admin: { role: "admin" },
    planner: { role: "planner", regionId: nankai.id },
    planner_other_region: { role: "planner", regionId: hexi.id },
    leader: { role: "leader", regionId: tianjin.id },
    reporter: { role: "reporter", regionId: nankai.id, departmentId: departments.nankaiRsj },
    reporter_other_department: { role: "reporter", regionId: hexi.id, departmentId: departments.hexiRsj },
    reporter_same_region: { role: "reporter", regionId: nankai.id, departmentId: departments.nankaiJyj },
  };
  const users = {} as AccessWorld["users"];
  const usernames = {} as AccessWorld["usernames"];
  for (const [persona, spec] of Object.entries(specs) as [
    Exclude<Persona, "anonymous">,
    (typeof specs)["admin"],
  ][]) {
    const username = persona.replace(/_/g, "-");
    users[persona] = await createTestUser(db, { username, ...spec });
    usernames[persona] = username;
  }
  return {
    regions: { tianjin: tianjin.id, nankai: nankai.id, hexi: hexi.id },
    departments,
    planId: imported.planId,
    targetIds: targets.map((t) => t.id),
    taskNodeId: task.id,
    users,
    usernames,
  };
}
