// The demo Nankai 2020 plan as `npm start` seeds it (real extractor, the district's departments, a year
// of reports to September), with a planner and a leader, for tests of the documents built from it.

import { join } from "node:path";
import type { Kysely } from "kysely";
import { findRegionByCode } from "../db/regions-repository.ts";
import type { Database } from "../db/schema.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { seedDemo } from "../services/seed-demo.ts";
import { seedDemoReports } from "../services/seed-demo-reports.ts";
import { createTestUser } from "./auth-helpers.ts";

export interface NankaiWorld {
  planId: number;
  regionId: number;
  plannerId: number;
  leaderId: number;
  usernames: { planner: string; leader: string };
}

export async function buildNankaiWorld(db: Kysely<Database>): Promise<NankaiWorld> {
  const outcome = await seedDemo({
    db,
    extract: extractPlan,
    examplesDir: join(import.meta.dirname, "../../examples"),
  });
  const planId = outcome.planId as number;
  const region = await findRegionByCode(db, "120104");
  const regionId = region?.id as number;
  const plannerId = await createTestUser(db, { username: "planner-nk", role: "planner", regionId });
  const leaderId = await createTestUser(db, { username: "leader-nk", role: "leader", regionId });
  await seedDemoReports(db, planId);
  return { planId, regionId, plannerId, leaderId, usernames: { planner: "planner-nk", leader: "leader-nk" } };
}
