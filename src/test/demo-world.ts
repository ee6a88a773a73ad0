// The demo installation in a test database: the Nankai 2020 plan read by the real extractor, its
// departments, the demo users (cheap password hashes) and a year of demo reports — the data a backup,
// a migration or a crash must carry through intact.

import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { extractPlan } from "../extract/extract-plan.ts";
import { bootstrapUsers } from "../services/bootstrap-users.ts";
import { TEST_SCRYPT } from "../services/password-hash.ts";
import { seedDemo } from "../services/seed-demo.ts";
import { seedDemoReports } from "../services/seed-demo-reports.ts";
import { TEST_PASSWORD } from "./auth-helpers.ts";

const EXAMPLES_DIR = fileURLToPath(new URL("../../examples", import.meta.url));

export interface DemoWorld {
  planId: number;
  reports: number;
  revisions: number;
}

export async function seedDemoWorld(db: Kysely<Database>): Promise<DemoWorld> {
  const seeded = await seedDemo({ db, extract: extractPlan, examplesDir: EXAMPLES_DIR });
  if (seeded.planId === null) throw new Error("the demo plan was not seeded");
  await bootstrapUsers(
    { db, now: () => new Date(), scrypt: TEST_SCRYPT },
    { demo: true, adminPassword: TEST_PASSWORD, demoPassword: TEST_PASSWORD },
  );
  const reports = await seedDemoReports(db, seeded.planId);
  return { planId: seeded.planId, reports: reports.reports, revisions: reports.revisions };
}
