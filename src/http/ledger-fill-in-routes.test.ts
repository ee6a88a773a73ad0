// GET /api/plans/:id/ledger/fill-in over HTTP: a planner names the department, the workbook follows the
// person's language, a leader is refused.

import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FILL_IN_WORDS } from "../reports/ledger-fill-in.ts";
import { loadPlanWorld } from "../services/reporting-context.ts";
import { signIn } from "../test/auth-helpers.ts";
import { buildNankaiWorld, type NankaiWorld } from "../test/nankai-world.ts";
import { testApp } from "../test/test-app.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import { LANG_HEADER } from "./request-lang.ts";

describe.each(testDialects())("the fill-in ledger route on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let w: NankaiWorld;

  beforeEach(async () => {
    w = await buildNankaiWorld(store().db);
    app = await testApp(store().db, dialect);
    // The Nankai world is read from the plan's text and imported: seconds on PostgreSQL.
  }, 60_000);
  afterEach(async () => {
    await app.close();
  });

  it("gives a planner the named department's form in the person's language; refuses a leader", async () => {
    const world = await loadPlanWorld(store().db, w.planId);
    const department = [...world.subjects.values()].find((s) => s.leadDepartmentId !== null)
      ?.leadDepartmentId as number;
    const planner = await signIn(app, w.usernames.planner);
    const url = `/api/plans/${w.planId}/ledger/fill-in?department=${department}&period=2020-10`;
    for (const lang of ["zh", "en"] as const) {
      const res = await planner.inject({ method: "GET", url, headers: { [LANG_HEADER]: lang } });
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]?.name).toBe(FILL_IN_WORDS[lang].sheet);
      expect(wb.worksheets[0]?.getCell(2, 3).value).toBe(world.names.departments.get(department)?.name);
      const disposition = decodeURIComponent(
        String(res.headers["content-disposition"]).split("UTF-8''")[1] ?? "",
      );
      expect(disposition).toContain(lang === "zh" ? "_填报表_" : "_fill-in_");
    }
    const missing = await planner.inject({ method: "GET", url: `/api/plans/${w.planId}/ledger/fill-in` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: "bad_input", details: { field: "department" } });
    const leader = await signIn(app, w.usernames.leader);
    expect((await leader.inject({ method: "GET", url })).statusCode).toBe(403);
  });
});
