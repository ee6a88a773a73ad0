// The access matrix: every row of ROUTE_ACCESS × every persona, the expected answer derived from the
// row's rule (with the few per-route exceptions named in the samples), sent as a real request. A route
// with no sample request in src/test/route-samples.ts fails the test, so a new route cannot skip the
// matrix; a route with no row in ROUTE_ACCESS cannot even be registered.

import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AccessRule, ROUTE_ACCESS } from "../domain/access.ts";
import { PERSONAS, type Persona } from "../test/access-fixture.ts";
import { signIn, TEST_AUTH, type TestClient } from "../test/auth-helpers.ts";
import { buildMatrixWorld, type MatrixWorld } from "../test/matrix-world.ts";
import { fixtureExtract } from "../test/plan-draft-fixture.ts";
import { SAMPLES, type Sample } from "../test/route-samples.ts";
import { testDialects, useTestDatabase } from "../test/test-databases.ts";
import {
  APPROVED_TEXT,
  buildVisibilityWorld,
  type ForeignRows,
  foreignRows,
  SECRET,
  type VisibilityWorld,
} from "../test/visibility-world.ts";
import { buildApp } from "./build-app.ts";

/** Who a rule lets in, before any route-specific narrowing. */
function expectedByRule(rule: AccessRule, persona: Persona): boolean {
  if (rule.kind === "public") return true;
  if (persona === "anonymous") return false;
  switch (rule.kind) {
    case "signed_in":
      return true;
    case "roles": {
      const role = persona.startsWith("planner")
        ? "planner"
        : persona.startsWith("reporter")
          ? "reporter"
          : persona;
      return (rule.roles as readonly string[]).includes(role);
    }
    case "plan":
      // The plan is Nankai's and published; the leader works for Tianjin, the city above Nankai; both
      // reporters of Nankai's departments read it.
      if (rule.action === "read")
        return ["admin", "planner", "leader", "reporter", "reporter_same_region"].includes(persona);
      return ["admin", "planner"].includes(persona);
  }
}

describe.each(testDialects())("access matrix on %s", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let world: MatrixWorld;

  beforeEach(async () => {
    world = await buildMatrixWorld(store().db);
    app = await buildApp({ db: store().db, dialect, extract: fixtureExtract, auth: TEST_AUTH });
  });
  afterEach(async () => {
    await app.close();
  });

  it("have a sample request for every row of the access table", () => {
    expect(Object.keys(ROUTE_ACCESS).filter((key) => !SAMPLES[key])).toEqual([]);
    expect(Object.keys(SAMPLES).filter((key) => !ROUTE_ACCESS[key])).toEqual([]);
  });

  it("refuse to register a route that has no row in the access table", async () => {
    const fresh = await buildApp({ db: store().db, dialect, extract: fixtureExtract, auth: TEST_AUTH });
    try {
      expect(() => fresh.get("/api/secret", async () => ({ secret: true }))).toThrow(/ROUTE_ACCESS/);
      expect(() => fresh.post("/api/health", async () => ({}))).toThrow(/ROUTE_ACCESS/);
    } finally {
      await fresh.close();
    }
  });

  for (const [key, rule] of Object.entries(ROUTE_ACCESS)) {
    it(`${key}: allow and deny each persona as the table says`, async () => {
      const sample = SAMPLES[key];
      if (!sample) throw new Error(`no sample request for ${key}`);
      const expected = (p: Persona) => sample.except?.[p] ?? expectedByRule(rule, p);
      // Everyone signs in first (reset-password or logout-all of one must not disturb another's
      // sign-in); the denied go before the allowed, whose requests may change the world.
      const clients: Partial<Record<Persona, TestClient>> = {};
      for (const persona of PERSONAS) {
        if (persona !== "anonymous") clients[persona] = await signIn(app, world.usernames[persona]);
      }
      const order = [...PERSONAS].sort((a, b) => Number(expected(a)) - Number(expected(b)));
      const unexpected: string[] = [];
      for (const persona of order) {
        const request = sample.request(world);
        const client = clients[persona];
        const response = client ? await client.inject(request) : await app.inject(request);
        const denied = response.statusCode === 401 || response.statusCode === 403;
        if (response.statusCode >= 500)
          unexpected.push(`${persona}: ${response.statusCode} ${response.body}`);
        if (expected(persona) && denied)
          unexpected.push(`${persona}: denied ${response.statusCode} ${response.body}`);
        if (!expected(persona) && !denied) unexpected.push(`${persona}: ALLOWED ${response.statusCode}`);
        if (!expected(persona) && denied) {
          expect(response.statusCode, `${persona} on ${key}`).toBe(persona === "anonymous" ? 401 : 403);
        }
      }
      expect(unexpected).toEqual([]);
    });
  }
});

// Reads filtered by who asks (issue 15): the status code is not enough — a 200 may carry another
// department's drafts. Every GET route's sample, and the list routes again with filters that name
// 区人社局, is sent by a reporter of 区教育局 (same region) and one of Hexi's 区人社局 (another region),
// and each answer body is searched for 区人社局's rows (reports, revisions' authors, attachments,
// requests for more time, reminders, tasks, adjustments) and for its texts that are not approved.
describe.each(testDialects())("answers on %s carry no rows of another department", (dialect) => {
  const store = useTestDatabase(dialect);
  let app: FastifyInstance;
  let w: VisibilityWorld;

  beforeEach(async () => {
    w = await buildVisibilityWorld(store().db);
    app = await buildApp({ db: store().db, dialect, extract: fixtureExtract, auth: TEST_AUTH });
  });
  afterEach(async () => {
    await app.close();
  });

  const get = (url: string) => ({ method: "GET" as const, url });
  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
  /** Every GET route's sample, then the list routes asked for 区人社局's rows by name. */
  function requests(): { name: string; url: string }[] {
    const samples = Object.keys(ROUTE_ACCESS)
      .filter((key) => key.startsWith("GET "))
      .map((key) => ({ name: key, url: String((SAMPLES[key] as Sample).request(w).url) }));
    const { planId, jobsTargetId, leadTaskId, sharedTargetId } = w;
    const rsj = w.departments.nankaiRsj;
    const asked = [
      `/api/plans/${planId}/reports?departmentId=${rsj}`,
      `/api/plans/${planId}/reports?state=approved`,
      `/api/targets/${sharedTargetId}/reports`,
      // As of today: the samples ask as of 2020, before any of these reports was written.
      `/api/targets/${jobsTargetId}/evaluation`,
      `/api/targets/${jobsTargetId}/trend`,
      `/api/plans/${planId}/status`,
      `/api/plans/${planId}/cockpit`,
      `/api/plans/${planId}/due?asOf=2020-12-31`,
      `/api/plans/${planId}/tasks?departmentId=${rsj}`,
      `/api/tasks/${leadTaskId}`,
      `/api/plans/${planId}/adjustments`,
      `/api/plans/${planId}/export?format=json&period=2020-06`,
      `/api/me/reports`,
    ];
    return [...samples, ...asked.map((url) => ({ name: url, url }))];
  }

  function foreignTo(persona: "reporter_same_region" | "reporter_other_department"): ForeignRows {
    const sameRegion = persona === "reporter_same_region";
    const { departments: d, users: u } = w;
    return {
      reports: new Set([...w.rsjReports, ...(sameRegion ? [] : [w.sharedReport, w.jyjReport])]),
      attachments: new Set([w.attachmentId]),
      extensions: new Set(w.rsjExtensions),
      reminders: new Set([w.reminderId]),
      adjustments: new Set([w.adjustmentId]),
      tasks: new Set([w.leadTaskId]),
      subjects: new Set([
        `target:${w.jobsTargetId}`,
        `node:${w.leadTaskId}`,
        ...(sameRegion ? [] : [`target:${w.sharedTargetId}`, `target:${w.jyjTargetId}`]),
      ]),
      departments: new Set(sameRegion ? [d.nankaiRsj] : [d.nankaiRsj, d.nankaiJyj]),
      // 区教育局 sees the author of the report it co-operates on, so only a foreign row gives 区人社局's away.
      users: new Set(sameRegion ? [] : [u.reporter, u.reporter_same_region]),
      texts: sameRegion ? [SECRET] : [SECRET, APPROVED_TEXT, "两局共同推进", "教育局进展"],
    };
  }

  for (const persona of ["reporter_same_region", "reporter_other_department"] as const) {
    it(`show ${persona} none of 区人社局's rows`, async () => {
      const client = await signIn(app, w.usernames[persona]);
      const foreign = foreignTo(persona);
      const leaks: string[] = [];
      for (const { name, url } of requests()) {
        const response = await client.inject(get(url));
        if (response.statusCode >= 500) leaks.push(`${name}: ${response.statusCode} ${response.body}`);
        for (const found of foreignRows(response.body, foreign)) leaks.push(`${name}: ${found}`);
      }
      expect(leaks).toEqual([]);
    });
  }

  it("still show each department its own reports and those of the targets it co-operates on", async () => {
    const ids = async (client: TestClient, url: string) =>
      (await client.inject(get(url))).json<{ reports: { id: number }[] }>().reports.map((r) => r.id);
    const jyj = await signIn(app, w.usernames.reporter_same_region);
    expect(sorted(await ids(jyj, `/api/plans/${w.planId}/reports`))).toEqual(
      sorted([w.sharedReport, w.jyjReport]),
    );
    expect(await ids(jyj, `/api/targets/${w.sharedTargetId}/reports`)).toEqual([w.sharedReport]);
    const rsj = await signIn(app, w.usernames.reporter);
    // The first four of 区人社局's reports are on the jobs target (the fifth is the task's).
    expect(sorted(await ids(rsj, `/api/targets/${w.jobsTargetId}/reports`))).toEqual(
      sorted(w.rsjReports.slice(0, 4)),
    );
    // The approved figure is the plan's record: 区教育局 sees 区人社局's January value, not its report.
    const trend = (await jyj.inject(get(`/api/targets/${w.jobsTargetId}/trend`))).json<{
      points: { value: number | null; reportId: number | null }[];
    }>();
    expect(trend.points[0]).toMatchObject({ value: 5000, reportId: null });
    const planner = await signIn(app, w.usernames.planner);
    expect((await ids(planner, `/api/plans/${w.planId}/reports`)).length).toBeGreaterThanOrEqual(
      w.rsjReports.length + 2,
    );
  });
});
